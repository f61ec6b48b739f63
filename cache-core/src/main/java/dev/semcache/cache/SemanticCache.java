package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import dev.semcache.SemcacheException;
import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.cache.stats.StatsRecorder;
import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.StoreUnavailableException;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.embeddings.TextEmbedder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A semantic cache for chat completions: it serves a stored answer when a new request has the same scope and a prompt
 * of the same meaning.
 *
 * <p><b>Lookup.</b> {@link RequestSplitter} splits the request into scope and semantic text (or bypasses it). The
 * <em>exact path</em> looks the exact key up in the store without computing an embedding. Otherwise the
 * <em>semantic path</em> embeds the text once and searches the store for at most {@code candidates} entries of the same
 * namespace and scope whose cosine similarity is at least the threshold; the {@link HitVerifier} judges them best
 * first and the first it accepts is the hit. A semantic hit is linked to the request's exact key so that the same
 * text hits the exact path next time; every hit adds to the entry's hit count.
 *
 * <p><b>max_tokens.</b> A cached answer serves a request only if the request's {@code max_completion_tokens} (else
 * {@code max_tokens}), when given, is at least the answer's completion tokens.
 *
 * <p><b>Storing.</b> Only reusable answers are stored ({@link #isReusable(ChatAnswer)}): finish reason {@code stop},
 * non-blank content, no refusal, and no tool calls unless {@link Builder#cacheToolCalls(boolean)} allows them.
 *
 * <p><b>Failure.</b> The cache fails open: a store or embedder failure (an exception, a failed stage, a store call
 * slower than {@link Builder#storeTimeout(Duration)}) becomes a {@link MissReason#ERROR} miss or an unstored answer,
 * counted in {@link CacheStats#errors()} and logged at WARN once per episode (then at DEBUG until the component works
 * again). Lookups and stores never throw because of the store or the embedder. A verifier that throws counts as a
 * rejection.
 *
 * <pre>{@code
 * SemanticCache cache = SemanticCache.builder()
 *         .embedder(embedder)
 *         .store(store)
 *         .similarityThreshold(0.92)
 *         .build();
 * ChatAnswer answer = cache.getOrCompute(request, upstream::complete);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. The cache does not own the embedder and the store: close them when done.
 *
 * @since 0.1.0
 */
public final class SemanticCache {
    /** The default similarity threshold, a cosine similarity. */
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.92;

    /** The default time to live of a stored answer: seven days. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    /** The default namespace. */
    public static final String DEFAULT_NAMESPACE = "default";

    /** The default number of vector search candidates passed to the verifier. */
    public static final int DEFAULT_CANDIDATES = 3;

    /** The default limit on one store call before it counts as failed. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger logger = LoggerFactory.getLogger(SemanticCache.class);

    private final TextEmbedder embedder;
    private final VectorStore store;
    private final double similarityThreshold;
    private final Duration ttl;
    private final String namespace;
    private final int candidates;
    private final HitVerifier verifier;
    private final Clock clock;
    private final StatsRecorder stats;
    private final boolean cacheToolCalls;
    private final RequestSplitter splitter;
    private final Duration storeTimeout;
    private final Executor executor;
    private final FailureEpisode storeFailures = new FailureEpisode(logger, "store");
    private final FailureEpisode embedderFailures = new FailureEpisode(logger, "embedder");

    private SemanticCache(Builder b, TextEmbedder embedder, VectorStore store) {
        this.embedder = embedder;
        this.store = store;
        this.similarityThreshold = b.similarityThreshold != null ? b.similarityThreshold : DEFAULT_SIMILARITY_THRESHOLD;
        this.ttl = b.ttl != null ? b.ttl : DEFAULT_TTL;
        this.namespace = b.namespace != null ? b.namespace : DEFAULT_NAMESPACE;
        this.candidates = b.candidates != null ? b.candidates : DEFAULT_CANDIDATES;
        this.verifier = b.verifier != null ? b.verifier : HitVerifier.strict();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        StatsRecorder recorder = b.statsRecorder != null
                ? b.statsRecorder
                : StatsRecorder.concurrent(b.priceTable != null ? b.priceTable : PriceTable.defaults());
        this.stats = StatsRecorder.guarded(recorder);
        this.cacheToolCalls = b.cacheToolCalls != null && b.cacheToolCalls;
        RequestSplitter.Builder splitterBuilder = RequestSplitter.builder();
        if (b.semanticTurns != null) {
            splitterBuilder.semanticTurns(b.semanticTurns);
        }
        if (b.maxTextLength != null) {
            splitterBuilder.maxTextLength(b.maxTextLength);
        }
        this.splitter = splitterBuilder.build();
        this.storeTimeout = b.storeTimeout != null ? b.storeTimeout : DEFAULT_STORE_TIMEOUT;
        this.executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------- lookup

    /**
     * Looks a request up with the default options; see {@link #lookup(ChatRequest, LookupOptions)}.
     *
     * @param request the request
     * @return a hit, a miss or a bypass; never throws for a store or embedder failure
     */
    public LookupResult lookup(ChatRequest request) {
        return lookup(request, LookupOptions.defaults());
    }

    /**
     * Looks a request up, blocking the calling thread, which also does the embedding and verification.
     *
     * @param request the request
     * @param options per-request overrides
     * @return a hit, a miss or a bypass; never throws for a store or embedder failure
     */
    public LookupResult lookup(ChatRequest request, LookupOptions options) {
        return lookupBlocking(request, options).result;
    }

    /**
     * Looks a request up without blocking on the store; see {@link #lookup(ChatRequest, LookupOptions)}.
     *
     * <p>The returned stage completes on a store thread or on the {@link Builder#executor(Executor) executor}, which
     * runs the embedding and verification; it never completes exceptionally.
     *
     * @param request the request
     * @param options per-request overrides
     * @return a stage with a hit, a miss or a bypass
     */
    public CompletionStage<LookupResult> lookupAsync(ChatRequest request, LookupOptions options) {
        requireNonNull(request, "request");
        requireNonNull(options, "options");
        return lookupOutcome(request, options, executor).thenApply(outcome -> outcome.result);
    }

    /**
     * Looks a request up without blocking on the store, with the default options.
     *
     * @param request the request
     * @return a stage with a hit, a miss or a bypass; it never completes exceptionally
     */
    public CompletionStage<LookupResult> lookupAsync(ChatRequest request) {
        return lookupAsync(request, LookupOptions.defaults());
    }

    // ---------------------------------------------------------------------------------------------- store

    /**
     * Stores the answer to a request, with the default options; see {@link #store(ChatRequest, ChatAnswer,
     * LookupOptions)}.
     *
     * @param request the request
     * @param answer the upstream's answer
     * @return whether the answer was stored
     */
    public boolean store(ChatRequest request, ChatAnswer answer) {
        return store(request, answer, LookupOptions.defaults());
    }

    /**
     * Stores the answer to a request, if it is reusable and the request cacheable, blocking the calling thread.
     *
     * @param request the request the answer is for
     * @param answer the upstream's answer
     * @param options per-request overrides: namespace, time to live, no-store
     * @return {@code true} when stored; {@code false} when the request bypasses the cache, {@code noStore} is set,
     *     the answer is not reusable, or the store or embedder failed (counted and logged)
     */
    public boolean store(ChatRequest request, ChatAnswer answer, LookupOptions options) {
        requireNonNull(request, "request");
        requireNonNull(answer, "answer");
        requireNonNull(options, "options");
        CallerRunsExecutor caller = new CallerRunsExecutor();
        Boolean stored = caller.drainUntil(storeInternal(request, answer, options, null, caller));
        return stored != null && stored;
    }

    /**
     * Stores the answer to a request without blocking on the store; see {@link #store(ChatRequest, ChatAnswer,
     * LookupOptions)}.
     *
     * @param request the request the answer is for
     * @param answer the upstream's answer
     * @param options per-request overrides
     * @return a stage with whether the answer was stored; it never completes exceptionally
     */
    public CompletionStage<Boolean> storeAsync(ChatRequest request, ChatAnswer answer, LookupOptions options) {
        requireNonNull(request, "request");
        requireNonNull(answer, "answer");
        requireNonNull(options, "options");
        return storeInternal(request, answer, options, null, executor);
    }

    /**
     * Returns whether an answer may be stored: finish reason {@code stop} (or {@code tool_calls} when tool calls are
     * cached), non-blank content unless it carries tool calls, no refusal, and no tool calls unless {@link
     * Builder#cacheToolCalls(boolean)} allows them.
     *
     * @param answer the answer
     * @return {@code true} when reusable
     */
    public boolean isReusable(ChatAnswer answer) {
        return notReusableBecause(answer) == null;
    }

    // ---------------------------------------------------------------------------------------------- get or compute

    /**
     * Returns the cached answer to a request, or computes, stores and returns it; see {@link
     * #getOrCompute(ChatRequest, LookupOptions, Function, Function, Function)}.
     *
     * @param request the request
     * @param compute calls the upstream on a miss or bypass; what it throws reaches the caller unchanged
     * @return the cached or computed answer
     */
    public ChatAnswer getOrCompute(ChatRequest request, Function<? super ChatRequest, ChatAnswer> compute) {
        return getOrCompute(request, LookupOptions.defaults(), compute, Function.identity(), LookupResult.Hit::answer);
    }

    /**
     * Returns a cached response to a request, or computes, stores and returns it: the building block of client
     * decorators, which keep their own response type.
     *
     * <p>On a hit, {@code fromHit} builds the response. Otherwise {@code compute} calls the upstream; what it throws
     * reaches the caller unchanged and nothing is stored. Its response is returned as it is, and, unless the request
     * bypasses the cache, {@code toAnswer} turns it into an answer that is stored when reusable, reusing the embedding
     * computed by the lookup. Cache failures never reach the caller.
     *
     * @param request the request
     * @param options per-request overrides
     * @param compute calls the upstream
     * @param toAnswer turns the upstream's response into an answer, or {@code null} when it cannot be stored; what it
     *     throws is logged and the response is not stored
     * @param fromHit builds a response from a hit
     * @param <R> the response type
     * @return the response
     */
    public <R> R getOrCompute(
            ChatRequest request,
            LookupOptions options,
            Function<? super ChatRequest, ? extends R> compute,
            Function<? super R, @Nullable ChatAnswer> toAnswer,
            Function<? super LookupResult.Hit, ? extends R> fromHit) {
        requireNonNull(request, "request");
        requireNonNull(options, "options");
        requireNonNull(compute, "compute");
        requireNonNull(toAnswer, "toAnswer");
        requireNonNull(fromHit, "fromHit");
        Outcome outcome = lookupBlocking(request, options);
        if (outcome.result instanceof LookupResult.Hit hit) {
            return fromHit.apply(hit);
        }
        R response = compute.apply(request);
        if (outcome.split != null || isNoCacheBypass(outcome.result)) {
            ChatAnswer answer;
            try {
                answer = toAnswer.apply(response);
            } catch (RuntimeException e) {
                logger.debug("Cannot turn the upstream response into a cacheable answer; not stored", e);
                answer = null;
            }
            if (answer != null) {
                CallerRunsExecutor caller = new CallerRunsExecutor();
                caller.drainUntil(storeInternal(request, answer, options, outcome, caller));
            }
        }
        return response;
    }

    // ---------------------------------------------------------------------------------------------- admin

    /**
     * Removes one entry of the cache's namespace.
     *
     * @param entryId the entry's id, as a hit reported it
     * @return {@code true} when an entry was removed
     * @throws StoreUnavailableException if the store fails or times out
     */
    public boolean invalidate(String entryId) {
        return invalidate(namespace, entryId);
    }

    /**
     * Removes one entry.
     *
     * @param namespace the entry's namespace
     * @param entryId the entry's id
     * @return {@code true} when an entry was removed
     * @throws StoreUnavailableException if the store fails or times out
     */
    public boolean invalidate(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        return admin("remove", () -> store.remove(namespace, entryId));
    }

    /**
     * Removes every entry of a namespace.
     *
     * @param namespace the namespace
     * @return the number of entries removed
     * @throws StoreUnavailableException if the store fails or times out
     */
    public long invalidateNamespace(String namespace) {
        requireNonNull(namespace, "namespace");
        return admin("removeNamespace", () -> store.removeNamespace(namespace));
    }

    /**
     * Removes every entry of the store.
     *
     * @return the number of entries removed
     * @throws StoreUnavailableException if the store fails or times out
     */
    public long invalidateAll() {
        return admin("clear", store::clear);
    }

    /**
     * Returns a snapshot of the statistics recorded so far; empty when recording is {@linkplain
     * StatsRecorder#disabled() disabled}.
     *
     * @return the snapshot
     */
    public CacheStats stats() {
        return stats.snapshot();
    }

    /**
     * Returns the namespace used when a request gives none.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /**
     * Returns the least cosine similarity of a semantic hit.
     *
     * @return the threshold in [0, 1]; a similarity, not a distance
     */
    public double similarityThreshold() {
        return similarityThreshold;
    }

    /**
     * Returns the time to live of stored answers.
     *
     * @return the time to live
     */
    public Duration ttl() {
        return ttl;
    }

    /**
     * Returns how many vector search candidates the verifier may judge per lookup.
     *
     * @return the number, positive
     */
    public int candidates() {
        return candidates;
    }

    /**
     * Returns the splitter that decides scope and semantic text.
     *
     * @return the splitter
     */
    public RequestSplitter splitter() {
        return splitter;
    }

    @Override
    public String toString() {
        return "SemanticCache[store=" + store.describe() + ", embedder=" + embedder.modelId() + ", namespace="
                + namespace + ", similarityThreshold=" + similarityThreshold + ", ttl=" + ttl + ", candidates="
                + candidates + "]";
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** A lookup result plus what a later store can reuse. */
    private static final class Outcome {
        final LookupResult result;
        final RequestSplit.@Nullable Cacheable split;
        final float @Nullable [] vector;

        Outcome(LookupResult result, RequestSplit.@Nullable Cacheable split, float @Nullable [] vector) {
            this.result = result;
            this.split = split;
            this.vector = vector;
        }
    }

    private static boolean isNoCacheBypass(LookupResult result) {
        return result instanceof LookupResult.Bypass bypass && bypass.reason() == BypassReason.NO_CACHE;
    }

    private Outcome lookupBlocking(ChatRequest request, LookupOptions options) {
        requireNonNull(request, "request");
        requireNonNull(options, "options");
        CallerRunsExecutor caller = new CallerRunsExecutor();
        Outcome outcome = caller.drainUntil(lookupOutcome(request, options, caller));
        // Null only when the thread was interrupted while waiting (the flag is restored): fall open.
        return outcome != null ? outcome : new Outcome(new LookupResult.Miss(MissReason.ERROR, null), null, null);
    }

    private CompletableFuture<Outcome> lookupOutcome(ChatRequest request, LookupOptions options, Executor exec) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome;
        try {
            outcome = startLookup(request, options, exec);
        } catch (RuntimeException e) {
            // A bug rather than an outage, but the caller must still get its answer from upstream.
            logger.warn("Semantic cache lookup failed unexpectedly; treated as a miss", e);
            stats.error();
            outcome = CompletableFuture.completedFuture(errorMiss());
        }
        return outcome.handle((o, error) -> {
            Outcome done = o;
            if (error != null) {
                logger.warn("Semantic cache lookup failed unexpectedly; treated as a miss", error);
                stats.error();
                done = errorMiss();
            }
            record(done.result);
            stats.lookupLatency(System.nanoTime() - start);
            return done;
        });
    }

    private static Outcome errorMiss() {
        return new Outcome(new LookupResult.Miss(MissReason.ERROR, null), null, null);
    }

    private void record(LookupResult result) {
        if (result instanceof LookupResult.Hit hit) {
            if (hit.kind() == HitKind.EXACT) {
                stats.exactHit();
            } else {
                stats.semanticHit(hit.similarity());
            }
            stats.tokensSaved(
                    hit.answer().model(),
                    hit.answer().promptTokens(),
                    hit.answer().completionTokens());
        } else if (result instanceof LookupResult.Miss) {
            stats.miss();
        } else if (result instanceof LookupResult.Bypass bypass) {
            stats.bypass(bypass.reason().code());
        }
    }

    private CompletableFuture<Outcome> startLookup(ChatRequest request, LookupOptions options, Executor exec) {
        if (options.noCache()) {
            return CompletableFuture.completedFuture(
                    new Outcome(new LookupResult.Bypass(BypassReason.NO_CACHE), null, null));
        }
        String ns = options.namespace() != null ? options.namespace() : namespace;
        RequestSplit split = splitter.split(request, ns);
        if (split instanceof RequestSplit.Bypass bypass) {
            return CompletableFuture.completedFuture(new Outcome(new LookupResult.Bypass(bypass.reason()), null, null));
        }
        RequestSplit.Cacheable cacheable = (RequestSplit.Cacheable) split;
        double threshold = options.similarityThreshold() != null ? options.similarityThreshold() : similarityThreshold;
        Integer maxTokens = request.effectiveMaxTokens();
        Duration entryTtl = options.ttl() != null ? options.ttl() : ttl;
        return storeCall(() -> store.findExact(ns, cacheable.exactKey()))
                .handleAsync(
                        (found, error) -> {
                            if (error != null) {
                                storeFailed("findExact", error);
                                return CompletableFuture.completedFuture(
                                        new Outcome(new LookupResult.Miss(MissReason.ERROR, null), cacheable, null));
                            }
                            storeFailures.succeeded();
                            Optional<CacheEntry> entry = found;
                            if (entry.isPresent() && fits(entry.get(), maxTokens)) {
                                ChatAnswer answer = decode(entry.get());
                                if (answer != null) {
                                    countHit(entry.get());
                                    return CompletableFuture.completedFuture(
                                            new Outcome(hit(entry.get(), answer, HitKind.EXACT, 1.0), cacheable, null));
                                }
                            }
                            return semanticPath(cacheable, threshold, maxTokens, entryTtl, exec);
                        },
                        exec)
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Outcome> semanticPath(
            RequestSplit.Cacheable cacheable,
            double threshold,
            @Nullable Integer maxTokens,
            Duration entryTtl,
            Executor exec) {
        float[] vector = embed(cacheable.semanticText());
        if (vector == null) {
            return CompletableFuture.completedFuture(
                    new Outcome(new LookupResult.Miss(MissReason.ERROR, null), cacheable, null));
        }
        VectorQuery query = new VectorQuery(cacheable.namespace(), cacheable.scope(), vector, candidates, threshold);
        return storeCall(() -> store.search(query))
                .handleAsync(
                        (matches, error) -> {
                            if (error != null) {
                                storeFailed("search", error);
                                return new Outcome(new LookupResult.Miss(MissReason.ERROR, null), cacheable, vector);
                            }
                            storeFailures.succeeded();
                            return new Outcome(
                                    verify(cacheable, matches, threshold, maxTokens, entryTtl), cacheable, vector);
                        },
                        exec);
    }

    private LookupResult verify(
            RequestSplit.Cacheable cacheable,
            List<VectorMatch> matches,
            double threshold,
            @Nullable Integer maxTokens,
            Duration entryTtl) {
        List<VectorMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingDouble(VectorMatch::similarity).reversed());
        Verdict lastRejection = null;
        boolean tooLong = false;
        int judged = 0;
        for (VectorMatch match : sorted) {
            if (judged >= candidates) {
                break;
            }
            CacheEntry entry = match.entry();
            if (match.similarity() < threshold || !entry.scope().equals(cacheable.scope())) {
                continue;
            }
            if (!fits(entry, maxTokens)) {
                tooLong = true;
                continue;
            }
            ChatAnswer answer = decode(entry);
            if (answer == null) {
                continue;
            }
            judged++;
            Verdict verdict;
            try {
                verdict = verifier.verify(cacheable.semanticText(), entry.prompt(), match.similarity());
            } catch (RuntimeException e) {
                logger.debug("Hit verifier threw; counted as a rejection", e);
                verdict = Verdict.reject("verifier_error");
            }
            if (verdict == null) {
                verdict = Verdict.reject("verifier_error");
            }
            if (verdict.accepted()) {
                countHit(entry);
                if (!entry.exactKey().equals(cacheable.exactKey())) {
                    fireAndForget(
                            "linkExact",
                            () -> store.linkExact(cacheable.namespace(), cacheable.exactKey(), entry.id(), entryTtl));
                }
                return hit(entry, answer, HitKind.SEMANTIC, match.similarity());
            }
            stats.verifierRejection(verdict.reason());
            lastRejection = verdict;
        }
        if (lastRejection != null) {
            return new LookupResult.Miss(MissReason.REJECTED, lastRejection);
        }
        return new LookupResult.Miss(tooLong ? MissReason.MAX_TOKENS : MissReason.NOT_FOUND, null);
    }

    private LookupResult.Hit hit(CacheEntry entry, ChatAnswer answer, HitKind kind, double similarity) {
        Duration age = Duration.between(entry.createdAt(), clock.instant());
        return new LookupResult.Hit(
                answer, kind, similarity, entry.id(), age.isNegative() ? Duration.ZERO : age, entry.prompt());
    }

    private void countHit(CacheEntry entry) {
        fireAndForget("recordHit", () -> store.recordHit(entry.namespace(), entry.id()));
    }

    private static boolean fits(CacheEntry entry, @Nullable Integer maxTokens) {
        return maxTokens == null || entry.completionTokens() <= maxTokens;
    }

    private static @Nullable ChatAnswer decode(CacheEntry entry) {
        try {
            return ChatJson.parseResponse(entry.responseJson());
        } catch (ChatFormatException e) {
            logger.debug("Stored entry {} has an unreadable answer; skipped", entry.id(), e);
            return null;
        }
    }

    private CompletableFuture<Boolean> storeInternal(
            ChatRequest request, ChatAnswer answer, LookupOptions options, @Nullable Outcome prior, Executor exec) {
        if (options.noStore()) {
            return CompletableFuture.completedFuture(false);
        }
        String notReusable = notReusableBecause(answer);
        if (notReusable != null) {
            logger.debug("Answer not stored: {}", notReusable);
            return CompletableFuture.completedFuture(false);
        }
        String ns = options.namespace() != null ? options.namespace() : namespace;
        RequestSplit.Cacheable cacheable;
        if (prior != null && prior.split != null && prior.split.namespace().equals(ns)) {
            cacheable = prior.split;
        } else {
            RequestSplit split = splitter.split(request, ns);
            if (!(split instanceof RequestSplit.Cacheable c)) {
                return CompletableFuture.completedFuture(false);
            }
            cacheable = c;
        }
        Duration entryTtl = options.ttl() != null ? options.ttl() : ttl;
        float[] known = prior != null && prior.split == cacheable ? prior.vector : null;
        return CompletableFuture.supplyAsync(() -> known != null ? known : embed(cacheable.semanticText()), exec)
                .thenCompose(vector -> {
                    if (vector == null) {
                        return CompletableFuture.completedFuture(false);
                    }
                    Instant now = clock.instant();
                    String id = cacheable.exactKey().substring(0, 32);
                    CacheEntry entry = new CacheEntry(
                            id,
                            cacheable.namespace(),
                            cacheable.scope(),
                            cacheable.exactKey(),
                            cacheable.semanticText(),
                            vector,
                            ChatJson.writeResponse(answer, "chatcmpl-semcache-" + id, now.getEpochSecond()),
                            answer.model(),
                            answer.promptTokens(),
                            answer.completionTokens(),
                            now,
                            0);
                    return storeCall(() -> store.put(entry, entryTtl)).handle((ignored, error) -> {
                        if (error != null) {
                            storeFailed("put", error);
                            return false;
                        }
                        storeFailures.succeeded();
                        return true;
                    });
                })
                .exceptionally(error -> {
                    logger.warn("Storing an answer failed unexpectedly; not stored", error);
                    stats.error();
                    return false;
                });
    }

    private @Nullable String notReusableBecause(ChatAnswer answer) {
        requireNonNull(answer, "answer");
        if (answer.refusal() != null) {
            return "refusal";
        }
        if (answer.hasToolCalls()) {
            if (!cacheToolCalls) {
                return "tool calls are not cached";
            }
            if (!ChatAnswer.STOP.equals(answer.finishReason())
                    && !ChatAnswer.TOOL_CALLS.equals(answer.finishReason())) {
                return "finish_reason " + answer.finishReason();
            }
            return null;
        }
        if (!ChatAnswer.STOP.equals(answer.finishReason())) {
            return "finish_reason " + answer.finishReason();
        }
        if (answer.content() == null || answer.content().isBlank()) {
            return "empty content";
        }
        return null;
    }

    private float @Nullable [] embed(String text) {
        try {
            float[] vector = embedder.embed(text);
            embedderFailures.succeeded();
            return vector;
        } catch (RuntimeException e) {
            embedderFailures.failed("embed", e);
            stats.error();
            return null;
        }
    }

    private <T> CompletableFuture<T> storeCall(Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> future;
        try {
            // A copy, so that the timeout never completes the store's own future.
            future = call.get().toCompletableFuture().copy();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.orTimeout(storeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void storeFailed(String operation, Throwable error) {
        storeFailures.failed(operation, error);
        stats.error();
    }

    private <T> void fireAndForget(String operation, Supplier<? extends CompletionStage<T>> call) {
        storeCall(call).whenComplete((ignored, error) -> {
            if (error != null) {
                // Bookkeeping only: the hit stands, so this is logged but not counted as an error.
                storeFailures.failed(operation, error);
            }
        });
    }

    private <T> T admin(String operation, Supplier<? extends CompletionStage<T>> call) {
        try {
            return storeCall(call).join();
        } catch (RuntimeException e) {
            Throwable cause = FailureEpisode.unwrap(e);
            if (cause instanceof SemcacheException semcache) {
                throw semcache;
            }
            throw new StoreUnavailableException(
                    "store " + store.describe() + " failed on " + operation + ": " + cause, cause);
        }
    }

    static double checkThreshold(double threshold) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException(
                    "similarityThreshold must be a cosine similarity in [0, 1], was " + threshold);
        }
        return threshold;
    }

    static Duration checkTtl(Duration ttl) {
        requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return ttl;
    }

    /**
     * Fills a {@link SemanticCache}. Each setter validates its value at once: a bad value throws {@link
     * IllegalArgumentException}, a setting made twice or in conflict with another {@link IllegalStateException}, each
     * message naming the setting. Only the embedder and the store are required.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private @Nullable TextEmbedder embedder;
        private @Nullable VectorStore store;
        private @Nullable Double similarityThreshold;
        private @Nullable Duration ttl;
        private @Nullable String namespace;
        private @Nullable Integer candidates;
        private @Nullable HitVerifier verifier;
        private @Nullable Clock clock;
        private @Nullable StatsRecorder statsRecorder;
        private @Nullable PriceTable priceTable;
        private @Nullable Boolean cacheToolCalls;
        private @Nullable Integer semanticTurns;
        private @Nullable Integer maxTextLength;
        private @Nullable Duration storeTimeout;
        private @Nullable Executor executor;

        private Builder() {}

        /**
         * Sets the embedder that turns semantic text into vectors. Required.
         *
         * @param embedder the embedder; the cache does not close it
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder embedder(TextEmbedder embedder) {
            requireNonNull(embedder, "embedder");
            checkUnset(this.embedder, "embedder");
            this.embedder = embedder;
            return this;
        }

        /**
         * Sets the store of entries and vectors. Required.
         *
         * @param store the store; the cache does not close it
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder store(VectorStore store) {
            requireNonNull(store, "store");
            checkUnset(this.store, "store");
            this.store = store;
            return this;
        }

        /**
         * Sets the least cosine <em>similarity</em> (not distance: 1 means the same direction) between a request's
         * semantic text and a stored prompt for a semantic hit. Default {@value
         * SemanticCache#DEFAULT_SIMILARITY_THRESHOLD}.
         *
         * @param threshold the similarity in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         * @throws IllegalStateException if already set
         */
        public Builder similarityThreshold(double threshold) {
            checkThreshold(threshold);
            checkUnset(this.similarityThreshold, "similarityThreshold");
            this.similarityThreshold = threshold;
            return this;
        }

        /**
         * Sets how long stored answers live. Default seven days.
         *
         * @param ttl a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException if already set
         */
        public Builder ttl(Duration ttl) {
            checkTtl(ttl);
            checkUnset(this.ttl, "ttl");
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the namespace used when a request gives none. Default {@value SemanticCache#DEFAULT_NAMESPACE}.
         *
         * @param namespace 1 to 128 letters, digits, {@code _ . : -}, starting with a letter or digit
         * @return this builder
         * @throws IllegalArgumentException if malformed
         * @throws IllegalStateException if already set
         */
        public Builder namespace(String namespace) {
            LookupOptions.checkNamespace(namespace);
            checkUnset(this.namespace, "namespace");
            this.namespace = namespace;
            return this;
        }

        /**
         * Sets how many vector search candidates (top-k) the verifier may judge per lookup. Default {@value
         * SemanticCache#DEFAULT_CANDIDATES}.
         *
         * @param candidates the number, 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if outside 1 to 100
         * @throws IllegalStateException if already set
         */
        public Builder candidates(int candidates) {
            if (candidates < 1 || candidates > 100) {
                throw new IllegalArgumentException("candidates must be in [1, 100], was " + candidates);
            }
            checkUnset(this.candidates, "candidates");
            this.candidates = candidates;
            return this;
        }

        /**
         * Sets the verifier that judges semantic candidates. Default {@link HitVerifier#strict()}, which rejects
         * near-miss prompts (other numbers, swapped direction, negation, opposites, other names or form); pass
         * {@link HitVerifier#acceptAll()} to trust the similarity score alone.
         *
         * @param verifier the verifier
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder verifier(HitVerifier verifier) {
            requireNonNull(verifier, "verifier");
            checkUnset(this.verifier, "verifier");
            this.verifier = verifier;
            return this;
        }

        /**
         * Sets the clock that stamps stored entries and measures their age. Default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder clock(Clock clock) {
            requireNonNull(clock, "clock");
            checkUnset(this.clock, "clock");
            this.clock = clock;
            return this;
        }

        /**
         * Sets the recorder of statistics. Default a {@link dev.semcache.cache.stats.ConcurrentStatsRecorder} with the
         * {@link #priceTable(PriceTable) price table}; pass {@link StatsRecorder#disabled()} to record nothing. The
         * cache runs it {@linkplain StatsRecorder#guarded(StatsRecorder) guarded}.
         *
         * @param recorder the recorder
         * @return this builder
         * @throws IllegalStateException if already set, or a price table was set
         */
        public Builder statsRecorder(StatsRecorder recorder) {
            requireNonNull(recorder, "recorder");
            checkUnset(this.statsRecorder, "statsRecorder");
            if (priceTable != null) {
                throw new IllegalStateException(
                        "statsRecorder conflicts with priceTable: give the recorder its prices");
            }
            this.statsRecorder = recorder;
            return this;
        }

        /**
         * Sets the prices the default statistics recorder uses. Default {@link PriceTable#defaults()}.
         *
         * @param prices the price table
         * @return this builder
         * @throws IllegalStateException if already set, or a stats recorder was set
         */
        public Builder priceTable(PriceTable prices) {
            requireNonNull(prices, "prices");
            checkUnset(this.priceTable, "priceTable");
            if (statsRecorder != null) {
                throw new IllegalStateException(
                        "priceTable conflicts with statsRecorder: give the recorder its prices");
            }
            this.priceTable = prices;
            return this;
        }

        /**
         * Sets whether answers with tool calls are stored. Default {@code false}: a tool call usually depends on state
         * outside the conversation.
         *
         * @param cacheToolCalls {@code true} to store them
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder cacheToolCalls(boolean cacheToolCalls) {
            checkUnset(this.cacheToolCalls, "cacheToolCalls");
            this.cacheToolCalls = cacheToolCalls;
            return this;
        }

        /**
         * Sets how many trailing user turns form the semantic text; see {@link RequestSplitter}. Default one.
         *
         * @param turns at least one
         * @return this builder
         * @throws IllegalArgumentException if less than one
         * @throws IllegalStateException if already set
         */
        public Builder semanticTurns(int turns) {
            if (turns < 1) {
                throw new IllegalArgumentException("semanticTurns must be at least 1, was " + turns);
            }
            checkUnset(this.semanticTurns, "semanticTurns");
            this.semanticTurns = turns;
            return this;
        }

        /**
         * Sets the longest semantic text, in characters, that is cached. Default {@value
         * RequestSplitter#DEFAULT_MAX_TEXT_LENGTH}.
         *
         * @param chars a positive length
         * @return this builder
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException if already set
         */
        public Builder maxTextLength(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxTextLength must be positive, was " + chars);
            }
            checkUnset(this.maxTextLength, "maxTextLength");
            this.maxTextLength = chars;
            return this;
        }

        /**
         * Sets how long one store call may take before the cache treats it as failed and falls open. Default two
         * seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException if already set
         */
        public Builder storeTimeout(Duration timeout) {
            requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("storeTimeout must be positive, was " + timeout);
            }
            checkUnset(this.storeTimeout, "storeTimeout");
            this.storeTimeout = timeout;
            return this;
        }

        /**
         * Sets the executor that runs embedding and verification for {@link #lookupAsync} and {@link #storeAsync}.
         * Default {@link ForkJoinPool#commonPool()}. The blocking methods use the calling thread instead.
         *
         * @param executor the executor
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder executor(Executor executor) {
            requireNonNull(executor, "executor");
            checkUnset(this.executor, "executor");
            this.executor = executor;
            return this;
        }

        /**
         * Builds the cache.
         *
         * @return the cache
         * @throws IllegalStateException if the embedder or the store is missing
         */
        public SemanticCache build() {
            if (embedder == null) {
                throw new IllegalStateException("embedder is required");
            }
            if (store == null) {
                throw new IllegalStateException("store is required");
            }
            return new SemanticCache(this, embedder, store);
        }

        private static void checkUnset(@Nullable Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }
    }
}
