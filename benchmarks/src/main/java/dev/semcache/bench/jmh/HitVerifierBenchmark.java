package dev.semcache.bench.jmh;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.verify.HitVerifiers;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
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
 * The cost of one strict {@link HitVerifier} call next to the cost of the embedding every semantic lookup pays, on
 * prompt-sized pairs (short near-misses and paraphrases written for this benchmark).
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main HitVerifierBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HitVerifierBenchmark {
    private static final String[][] PAIRS = {
        {"Convert 250 EUR to USD.", "Convert 250 USD to EUR."},
        {"How do I turn on Bluetooth on my laptop?", "How do I turn off Bluetooth on my laptop?"},
        {"What is the capital of Austria?", "What is the capital of Australia?"},
        {"How do I boil an egg?", "What's the best way to boil an egg?"},
        {"Give me ten tips for better sleep.", "Share 10 ways to sleep better."},
        {"Write a formal invitation to a wedding.", "Write a funny invitation to a wedding."},
        {"How do I cook rice?", "How do I cook rice in a pressure cooker?"},
        {"Why do cats purr?", "What makes cats purr?"},
    };

    /** Which embedding model to time next to the verifier. */
    @Param({"BGE_SMALL_EN_V1_5", "ALL_MINILM_L6_V2"})
    public String model;

    private HitVerifier verifier;
    private OnnxTextEmbedder embedder;
    private int next;

    /** Loads the lexicon and the model outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        verifier = HitVerifiers.strict();
        verifier.verify("warm", "up", 1.0);
        embedder = OnnxTextEmbedder.bundled(BundledModel.valueOf(model));
    }

    /** Releases the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
    }

    /**
     * One verifier call on the next pair.
     *
     * @return the verdict, consumed by JMH
     */
    @Benchmark
    public Object verify() {
        String[] p = PAIRS[next++ & 7];
        return verifier.verify(p[0], p[1], 0.95);
    }

    /**
     * One embedding of the next pair's first prompt: the fixed cost of a semantic lookup.
     *
     * @return the vector, consumed by JMH
     */
    @Benchmark
    public float[] embedQuery() {
        String[] p = PAIRS[next++ & 7];
        return embedder.embed(p[0]);
    }
}
