package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.RequestSplit;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.StatsRecorder;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.embeddings.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs labelled pairs through a real {@link SemanticCache}: for each row it stores an answer to {@code text_a} in a
 * namespace of its own, looks {@code text_b} up in that namespace through {@link SemanticCache#lookup} (exact path,
 * embedding, vector search, threshold, verifier), records the outcome, and empties the namespace. No row can see
 * another row's entry. The decision is the cache's; this class only reads it.
 *
 * <p>The store is an in-memory one owned by the evaluator. With a batch size above one, the texts of the next rows
 * are embedded in one batch beforehand and handed to the cache through its embedder (see {@link PreparedEmbedder});
 * with 1 every vector is computed by the cache's own {@code embed} call.
 *
 * <p>For a threshold sweep, evaluate at threshold 0 with one candidate: every row then records the similarity of its
 * candidate and the verifier's verdict, and {@link PairOutcome#hitAt(double)} gives the decision at any threshold.
 *
 * <p>Not thread-safe. Close it to release the store; the embedder is the caller's.
 *
 * @since 0.1.0
 */
public final class PairEvaluator implements AutoCloseable {

    /** The model named in requests and answers: the price table's default model. */
    public static final String DEFAULT_LLM_MODEL = "gpt-4o-mini";

    private final PreparedEmbedder embedder;
    private final RecordingVerifier verifier;
    private final VectorStore store;
    private final SemanticCache cache;
    private final double threshold;
    private final int batchSize;

    /**
     * Creates an evaluator.
     *
     * @param embedder the model; not closed by the evaluator
     * @param verifier the hit verifier the cache uses
     * @param threshold the cache's similarity threshold, in [0, 1]
     * @param candidates the vector search candidates the verifier may judge, 1 to 100
     * @param batchSize how many rows to embed in one batch ahead of their lookups; 1 to let the cache embed each text
     * @throws IllegalArgumentException if a number is out of range
     */
    public PairEvaluator(TextEmbedder embedder, HitVerifier verifier, double threshold, int candidates, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.embedder = new PreparedEmbedder(embedder);
        this.verifier = new RecordingVerifier(verifier);
        this.store = VectorStores.inMemory();
        this.cache = SemanticCache.builder()
                .embedder(this.embedder)
                .store(store)
                .similarityThreshold(threshold)
                .candidates(candidates)
                .verifier(this.verifier)
                .statsRecorder(StatsRecorder.disabled())
                .build();
        this.threshold = threshold;
        this.batchSize = batchSize;
    }

    /**
     * Evaluates rows in order.
     *
     * @param rows the rows
     * @param progress told the number of rows done after each row
     * @return one outcome per row, in order
     */
    public List<PairOutcome> evaluate(List<LabelledPair> rows, LongConsumer progress) {
        requireNonNull(rows, "rows");
        requireNonNull(progress, "progress");
        List<PairOutcome> outcomes = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += batchSize) {
            int to = Math.min(rows.size(), from + batchSize);
            if (batchSize > 1) {
                prepare(rows, from, to);
            }
            for (int i = from; i < to; i++) {
                outcomes.add(evaluate(rows.get(i), i));
                progress.accept(i + 1L);
            }
        }
        return outcomes;
    }

    /**
     * Returns how many vectors the cache asked for that were not prepared in a batch (0 with batch size 1 means every
     * one was computed by the cache's own call).
     *
     * @return the count
     */
    public long unpreparedEmbeddings() {
        return embedder.unprepared();
    }

    /**
     * Returns the cache the pairs run through, for its settings.
     *
     * @return the cache
     */
    public SemanticCache cache() {
        return cache;
    }

    /** Releases the store. */
    @Override
    public void close() {
        store.close();
    }

    private void prepare(List<LabelledPair> rows, int from, int to) {
        List<String> texts = new ArrayList<>(2 * (to - from));
        for (int i = from; i < to; i++) {
            String ns = namespace(i);
            addSemanticText(texts, request(rows.get(i).textA()), ns);
            addSemanticText(texts, request(rows.get(i).textB()), ns);
        }
        embedder.prepare(texts);
    }

    private void addSemanticText(List<String> texts, ChatRequest request, String ns) {
        // The splitter decides what the cache embeds; asking it keeps the prepared texts identical.
        if (cache.splitter().split(request, ns) instanceof RequestSplit.Cacheable cacheable) {
            texts.add(cacheable.semanticText());
        }
    }

    private PairOutcome evaluate(LabelledPair pair, int index) {
        String ns = namespace(index);
        LookupOptions options = LookupOptions.builder().namespace(ns).build();
        ChatAnswer answer = ChatAnswer.of("answer to row " + pair.line(), DEFAULT_LLM_MODEL, 10, 10);
        try {
            if (!cache.store(request(pair.textA()), answer, options)) {
                return new PairOutcome(pair, "not_stored", Double.NaN, null, false, threshold);
            }
            verifier.reset();
            LookupResult result = cache.lookup(request(pair.textB()), options);
            RecordingVerifier.Call call = verifier.lastCall();
            double similarity = call != null ? call.similarity() : Double.NaN;
            String verdict =
                    call != null && call.verdict() != null ? call.verdict().reason() : null;
            if (result instanceof LookupResult.Hit hit) {
                return new PairOutcome(
                        pair,
                        hit.kind().name().toLowerCase(java.util.Locale.ROOT),
                        hit.similarity(),
                        verdict,
                        true,
                        threshold);
            }
            if (result instanceof LookupResult.Miss miss) {
                String reason = miss.verdict() != null ? miss.verdict().reason() : verdict;
                return new PairOutcome(pair, miss.reason().code(), similarity, reason, false, threshold);
            }
            LookupResult.Bypass bypass = (LookupResult.Bypass) result;
            return new PairOutcome(pair, "bypass:" + bypass.reason().code(), Double.NaN, null, false, threshold);
        } finally {
            cache.invalidateNamespace(ns);
        }
    }

    private static String namespace(int index) {
        return "pair-" + index;
    }

    private static ChatRequest request(String text) {
        return ChatRequest.builder()
                .model(DEFAULT_LLM_MODEL)
                .addMessage(ChatMessage.user(text))
                .build();
    }
}
