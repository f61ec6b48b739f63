package dev.semcache.bench.jmh;

import dev.semcache.bench.VerifierChoice;
import dev.semcache.bench.report.BenchStore;
import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.HitKind;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.RequestSplit;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the cache's hit path against its limits, in one run per store: a full semantic hit
 * ({@link SemanticCache#lookup}: exact-key probe, embedding, vector search, verification, hit bookkeeping), an exact hit,
 * a semantic miss, and the parts no cache can avoid: the embedding alone and one raw {@code FT.SEARCH} KNN round trip
 * on the same Redis and index, sent as a raw Jedis or Lettuce command that bypasses our store (for {@code IN_MEMORY},
 * the store's own search stands in). {@code semcache-bench hitpath} turns the JMH results into the ratio
 * {@code semanticHit / (embedding + rawKnn)}.
 *
 * <p>The cache holds 24 chat questions plus random unit filler vectors up to {@code entries}, all in one namespace and
 * scope. A semantic hit asks a stored question with its final punctuation mark doubled ("...password??"): a different
 * exact key, cosine at least 0.96. A miss asks an unrelated question. Requests rotate through the questions. After a semantic hit the cache links
 * the request's exact key to the entry; {@link OwnKeyLinkStore} keeps that write (and its cost) but points it at the
 * entry's own key, so every semantic lookup stays semantic. Setup checks that each request gets the expected outcome.
 *
 * <p>Run, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}, with a Redis Stack at {@code REDIS_URL}:
 *
 * <pre>{@code
 * REDIS_URL=redis://127.0.0.1:6379 java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main \
 *     HitPathBenchmark -rf json -rff hitpath.json
 * java -jar benchmarks/target/semcache-bench.jar hitpath --jmh hitpath.json
 * java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main HitPathBenchmark -p store=IN_MEMORY -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HitPathBenchmark {

    private static final String NAMESPACE = "bench-hitpath";
    private static final String LLM_MODEL = "gpt-4o-mini";

    private static final List<String> QUESTIONS = List.of(
            "How do I reset my password?",
            "What is the capital of France?",
            "How can I cancel my subscription?",
            "Why is the sky blue?",
            "What does HTTP status code 404 mean?",
            "How do I export my data as CSV?",
            "Explain the difference between a process and a thread.",
            "What are the advantages of remote work?",
            "Write a short poem about the sea.",
            "How do I merge two dictionaries in Python?",
            "Translate 'good morning' into Spanish.",
            "What foods should I avoid with high blood pressure?",
            "Explain recursion to a five-year-old.",
            "How many days are there in a leap year?",
            "Recommend a laptop for programming under 1000 dollars.",
            "Draft a polite email asking my manager for a day off on Friday.",
            "What is the best way to learn Java in three months?",
            "My invoice shows the wrong VAT number, how can I fix it?",
            "Where is my package? The tracking number is 7731.",
            "Summarise the plot of Hamlet in three sentences.",
            "Is it safe to take ibuprofen before running?",
            "What is the boiling point of water at sea level?",
            "Give me five ideas for a birthday party.",
            "How do I change the oil in my car?");

    private static final List<String> UNRELATED = List.of(
            "Which planets have rings?",
            "Suggest a name for a grey kitten.",
            "How long should I boil an egg?",
            "What is the population of Iceland?",
            "Convert 12 miles to kilometres.",
            "Who painted the Mona Lisa?",
            "Write a haiku about autumn leaves.",
            "How do vaccines train the immune system?");

    /** The store implementation. */
    @Param
    public StoreKind store = StoreKind.IN_MEMORY;

    /** Entries in the namespace: the 24 questions plus random filler. */
    @Param({"1000"})
    public int entries = 1000;

    /** The embedding model. */
    @Param({"BGE_SMALL_EN_V1_5"})
    public BundledModel model = BundledModel.BGE_SMALL_EN_V1_5;

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private OnnxTextEmbedder embedder;

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private BenchStore bench;

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private SemanticCache cache;

    private @Nullable RawKnn raw;
    private ChatRequest[] exact = new ChatRequest[0];
    private ChatRequest[] semantic = new ChatRequest[0];
    private ChatRequest[] unrelated = new ChatRequest[0];
    private String[] semanticTexts = new String[0];
    private VectorQuery[] queries = new VectorQuery[0];
    private final LookupOptions options =
            LookupOptions.builder().namespace(NAMESPACE).build();
    private int next;

    /** Loads the model, fills the store, and checks every request's outcome. */
    @Setup(Level.Trial)
    public void setUp() {
        embedder = OnnxTextEmbedder.bundled(model);
        bench = store.open(embedder.modelId(), embedder.dimension(), "hitpath");
        try {
            fill();
        } catch (RuntimeException e) {
            // JMH skips the tear-down of a failed setup: remove what was written now.
            bench.close();
            embedder.close();
            throw e;
        }
    }

    private void fill() {
        VectorStore linked = new OwnKeyLinkStore(bench.store());
        cache = SemanticCache.builder()
                .embedder(embedder)
                .store(linked)
                .verifier(VerifierChoice.ON.verifier())
                .build();
        int n = QUESTIONS.size();
        exact = new ChatRequest[n];
        semantic = new ChatRequest[n];
        semanticTexts = new String[n];
        queries = new VectorQuery[n];
        String scope = null;
        for (int i = 0; i < n; i++) {
            String question = QUESTIONS.get(i);
            exact[i] = request(question);
            // Doubling the final mark changes the exact key but keeps the meaning: cosine at least 0.96 with MiniLM,
            // where dropping the mark can fall to 0.91 ("What is the capital of France").
            semanticTexts[i] = question + question.charAt(question.length() - 1);
            semantic[i] = request(semanticTexts[i]);
            if (!cache.store(exact[i], ChatAnswer.of("Answer " + i, LLM_MODEL, 20, 200), options)) {
                throw new IllegalStateException("could not store question " + i + " in " + bench.describe());
            }
            RequestSplit.Cacheable split =
                    (RequestSplit.Cacheable) cache.splitter().split(semantic[i], NAMESPACE);
            scope = split.scope();
            queries[i] = new VectorQuery(NAMESPACE, scope, embedder.embed(split.semanticText()), 3, 0.92);
        }
        unrelated = UNRELATED.stream().map(HitPathBenchmark::request).toArray(ChatRequest[]::new);
        String fillerScope = scope;
        Instant now = Instant.now();
        Populate.put(
                linked,
                Math.max(0, entries - n),
                i -> new CacheEntry(
                        String.format("f%031x", i),
                        NAMESPACE,
                        fillerScope,
                        String.format("f%063x", i),
                        "filler " + i,
                        BenchVectors.randomUnit(new Random(7_000_003L + i), embedder.dimension()),
                        "{}",
                        LLM_MODEL,
                        1,
                        1,
                        now,
                        0));
        if (bench.redis() != null && bench.index() != null) {
            raw = RawKnn.open(store, bench.redis(), bench.index(), NAMESPACE, scope);
        }
        check();
    }

    /** Removes the entries and the index, closes the store and the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (raw != null) {
            raw.close();
        }
        bench.close();
        embedder.close();
    }

    /**
     * Embeds the next semantic text: the model's share of a semantic lookup.
     *
     * @return the vector
     */
    @Benchmark
    public float[] embedding() {
        return embedder.embed(semanticTexts[next++ % semanticTexts.length]);
    }

    /**
     * One raw FT.SEARCH KNN round trip with the next query's precomputed vector (the store's search for
     * {@code IN_MEMORY}).
     *
     * @return the raw reply
     */
    @Benchmark
    public Object rawKnn() {
        VectorQuery query = queries[next++ % queries.length];
        RawKnn knn = raw;
        return knn != null
                ? knn.search(query.vector())
                : bench.store().search(query).toCompletableFuture().join();
    }

    /**
     * Our store's search with the next query's precomputed vector: raw round trip plus the store's parsing.
     *
     * @return the matches
     */
    @Benchmark
    public Object storeSearch() {
        return bench.store()
                .search(queries[next++ % queries.length])
                .toCompletableFuture()
                .join();
    }

    /**
     * A full lookup that hits on the exact path.
     *
     * @return the hit
     */
    @Benchmark
    public LookupResult exactHit() {
        return cache.lookup(exact[next++ % exact.length], options);
    }

    /**
     * A full lookup that hits on the semantic path.
     *
     * @return the hit
     */
    @Benchmark
    public LookupResult semanticHit() {
        return cache.lookup(semantic[next++ % semantic.length], options);
    }

    /**
     * A full lookup of an unrelated question: exact probe, embedding and search, then a miss.
     *
     * @return the miss
     */
    @Benchmark
    public LookupResult semanticMiss() {
        return cache.lookup(unrelated[next++ % unrelated.length], options);
    }

    private void check() {
        for (int i = 0; i < exact.length; i++) {
            expectHit(cache.lookup(exact[i], options), HitKind.EXACT, exact[i]);
            expectHit(cache.lookup(semantic[i], options), HitKind.SEMANTIC, semantic[i]);
            expectHit(cache.lookup(semantic[i], options), HitKind.SEMANTIC, semantic[i]);
        }
        for (ChatRequest request : unrelated) {
            LookupResult result = cache.lookup(request, options);
            if (!(result instanceof LookupResult.Miss)) {
                throw new IllegalStateException("expected a miss for " + request.messages() + ", got " + result);
            }
        }
    }

    private static void expectHit(LookupResult result, HitKind kind, ChatRequest request) {
        if (!(result instanceof LookupResult.Hit hit) || hit.kind() != kind) {
            throw new IllegalStateException(
                    "expected a " + kind + " hit for " + request.messages() + ", got " + result);
        }
    }

    private static ChatRequest request(String text) {
        return ChatRequest.builder()
                .model(LLM_MODEL)
                .addMessage(ChatMessage.user(text))
                .build();
    }
}
