package dev.semcache.bench.jmh;

import dev.semcache.bench.report.BenchStore;
import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Measures one vector search of a store holding 1,000 or 100,000 entries of one namespace and scope (the filter matches
 * every entry, the worst case), for each store implementation: top 3 at cosine ≥ 0.92, as the cache asks.
 *
 * <p>Vectors are 384-dimensional (all-MiniLM-L6-v2's size), {@code random} unit vectors by default or {@code prompts}
 * (real prompt embeddings with noise); queries are noisy copies of Zipf-chosen entries, so each search finds its entry.
 * See {@link BenchVectors}. Filling 100,000 entries into Redis takes a few minutes per store kind. Setup prints how
 * many of 64 probe queries found their entry: HNSW is approximate, and with random vectors at 100,000 entries it
 * misses some (a search that finds nothing above the threshold is a miss for the cache).
 *
 * <p>Run, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}, with a Redis Stack at {@code REDIS_URL}:
 *
 * <pre>{@code
 * REDIS_URL=redis://127.0.0.1:6379 java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main \
 *     StoreSearchBenchmark -rf json -rff store-search.json
 * java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main StoreSearchBenchmark -p store=IN_MEMORY \
 *     -p entries=1000
 * java -Dsemcache.bench.prompts=qqp_pairs.tsv -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main \
 *     StoreSearchBenchmark -p vectors=prompts -jvmArgsAppend -Dsemcache.bench.prompts=qqp_pairs.tsv
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreSearchBenchmark {

    static final int DIMENSION = 384;
    static final String NAMESPACE = "bench";
    static final String SCOPE = "0".repeat(64);
    private static final int QUERIES = 1024;
    private static final int PROBES = 64;

    /** The store implementation. */
    @Param
    public StoreKind store = StoreKind.IN_MEMORY;

    /** How many entries the store holds. */
    @Param({"1000", "100000"})
    public int entries = 1000;

    /** {@code random} unit vectors or {@code prompts} embeddings with noise; see {@link BenchVectors}. */
    @Param({"random"})
    public String vectors = "random";

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private BenchStore bench;

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private VectorStore vectorStore;

    private VectorQuery[] queries = new VectorQuery[0];
    private int next;

    /** Fills the store and draws the queries. */
    @Setup(Level.Trial)
    public void setUp() {
        bench = store.open("bench-search", DIMENSION, "search");
        try {
            fill();
        } catch (RuntimeException e) {
            // JMH skips the tear-down of a failed setup: remove what was written now.
            bench.close();
            throw e;
        }
    }

    private void fill() {
        vectorStore = bench.store();
        float[][] data = BenchVectors.entries(vectors, entries, DIMENSION, 42);
        Instant now = Instant.now();
        Populate.put(vectorStore, entries, i -> entry(i, data[i], now));
        float[][] q = BenchVectors.queries(data, QUERIES, 43);
        queries = new VectorQuery[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = new VectorQuery(NAMESPACE, SCOPE, q[i], 3, 0.92);
        }
        // Recall check: each query is a noisy copy of an entry (cosine about 0.98), so an exact search finds it.
        // An approximate index (HNSW) may not; say how often, since a search that finds nothing is cheaper.
        int found = 0;
        for (int i = 0; i < PROBES; i++) {
            if (!vectorStore.search(queries[i]).toCompletableFuture().join().isEmpty()) {
                found++;
            }
        }
        List<VectorMatch> any = vectorStore
                .search(new VectorQuery(NAMESPACE, SCOPE, queries[0].vector(), 3, 0.0))
                .toCompletableFuture()
                .join();
        if (any.isEmpty()) {
            throw new IllegalStateException("a search found nothing at all in " + bench.describe());
        }
        System.out.println("[setup] " + bench.describe() + ": " + found + " of " + PROBES
                + " probe queries found their entry at cosine >= 0.92");
    }

    /** Removes the entries and the index, and closes the store. */
    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    /**
     * Searches the next query.
     *
     * @return the matches, consumed by JMH
     */
    @Benchmark
    public List<VectorMatch> search() {
        VectorQuery query = queries[next++ & (QUERIES - 1)];
        return vectorStore.search(query).toCompletableFuture().join();
    }

    static CacheEntry entry(int i, float[] vector, Instant createdAt) {
        String id = String.format("%032x", i);
        return new CacheEntry(
                id,
                NAMESPACE,
                SCOPE,
                String.format("%064x", i),
                "prompt " + i,
                vector,
                "{\"id\":\"chatcmpl-" + i + "\"}",
                "gpt-4o-mini",
                20,
                200,
                createdAt,
                0);
    }
}
