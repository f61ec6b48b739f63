package dev.semcache.bench.jmh;

import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Measures the time to embed one prompt and a batch of 32 prompts with each bundled model, tokenisation, inference,
 * pooling and normalisation included.
 *
 * <p>Prompts are short chat and support-desk questions, some in several wordings or with other numbers, drawn with a
 * Zipf-like skew (a few questions asked often, many rarely) from a fixed seed, as a cache front-end would see them.
 * Batches are consecutive windows of that stream, so their texts differ in length and padding is exercised.
 *
 * <p>Run, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}:
 *
 * <pre>{@code
 * java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main EmbeddingBenchmark -f 1 -wi 2 -i 3
 * java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main EmbeddingBenchmark -p model=ALL_MINILM_L6_V2
 * }</pre>
 *
 * <p>Results depend heavily on core count: ONNX Runtime spreads one inference over all physical cores by default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddingBenchmark {

    private static final int STREAM_LENGTH = 4096;
    private static final int BATCH_SIZE = 32;

    private static final List<String> QUESTIONS = List.of(
            "How do I reset my password?",
            "How can I change my password?",
            "I forgot my password, what should I do?",
            "What is the capital of France?",
            "Convert %d EUR to USD",
            "Convert %d USD to EUR",
            "Give me %d ideas for a birthday party",
            "What are the advantages of remote work?",
            "What are the disadvantages of remote work?",
            "Write a short poem about the sea",
            "Explain the difference between a process and a thread",
            "How do I cancel my subscription?",
            "Can I get a refund for order %d?",
            "Where is my package? The tracking number is %d",
            "Summarise this article in %d bullet points",
            "Translate 'good morning' into Spanish",
            "What foods should I avoid with high blood pressure?",
            "What foods should I eat with high blood pressure?",
            "Is it safe to take ibuprofen before running?",
            "Is it safe to take ibuprofen after running?",
            "Write a SQL query that counts orders per customer in %d",
            "How many days are there between March %d and June 1?",
            "Explain recursion to a five-year-old",
            "What is the best way to learn Java in %d months?",
            "My invoice shows the wrong VAT number, how can I fix it?",
            "Recommend a laptop for programming under %d dollars",
            "Why is the sky blue?",
            "Draft a polite email asking my manager for a day off on Friday",
            "What does HTTP status code %d mean?",
            "How do I export my data as CSV?",
            "Hôm nay trời đẹp quá, tôi nên đi đâu chơi?",
            "Quelle est la différence entre un virus et une bactérie ?");

    /** The model under test; JMH runs every bundled model unless given {@code -p model=...}. */
    @Param
    public BundledModel model = BundledModel.ALL_MINILM_L6_V2;

    @SuppressWarnings("NullAway.Init") // set in setUp()
    private OnnxTextEmbedder embedder;

    private String[] prompts = new String[0];
    private List<List<String>> batches = List.of();
    private int next;

    /** Loads the model and draws the prompt stream. */
    @Setup(Level.Trial)
    public void setUp() {
        embedder = OnnxTextEmbedder.bundled(model);
        Random random = new Random(42);
        prompts = new String[STREAM_LENGTH];
        for (int i = 0; i < STREAM_LENGTH; i++) {
            String question = QUESTIONS.get(zipf(random, QUESTIONS.size()));
            prompts[i] = question.contains("%d") ? String.format(question, 2 + random.nextInt(2000)) : question;
        }
        List<String> stream = List.of(prompts);
        batches = new ArrayList<>();
        for (int from = 0; from + BATCH_SIZE <= STREAM_LENGTH; from += BATCH_SIZE) {
            batches.add(stream.subList(from, from + BATCH_SIZE));
        }
    }

    /** Releases the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
    }

    /**
     * Embeds one prompt, the next of the stream.
     *
     * @return the vector, consumed by JMH
     */
    @Benchmark
    public float[] embedOne() {
        String prompt = prompts[next++ & (STREAM_LENGTH - 1)];
        return embedder.embed(prompt);
    }

    /**
     * Embeds 32 prompts in one call, the next window of the stream.
     *
     * @return the vectors, consumed by JMH
     */
    @Benchmark
    public List<float[]> embedBatchOf32() {
        List<String> batch = batches.get(next++ % batches.size());
        return embedder.embedAll(batch);
    }

    /** Draws an index in [0, n) with probability proportional to 1 / (rank + 1). */
    private static int zipf(Random random, int n) {
        double total = 0;
        for (int k = 1; k <= n; k++) {
            total += 1.0 / k;
        }
        double target = random.nextDouble() * total;
        for (int k = 1; k <= n; k++) {
            target -= 1.0 / k;
            if (target <= 0) {
                return k - 1;
            }
        }
        return n - 1;
    }
}
