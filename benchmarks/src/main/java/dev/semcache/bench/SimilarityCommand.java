package dev.semcache.bench;

import dev.semcache.embeddings.OnnxTextEmbedder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench similarity}: embeds two texts and prints their cosine similarity with four decimals as the last
 * line of stdout, for checking a model against published values or exploring where a threshold should sit.
 *
 * <pre>{@code
 * $ java -jar benchmarks/target/semcache-bench.jar similarity "The new movie is awesome" "The new movie is so great"
 * 0.8939
 * $ java -jar benchmarks/target/semcache-bench.jar similarity --model /models/e5-small --pooling mean \
 *       --max-length 512 "convert EUR to USD" "convert USD to EUR"
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "similarity",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Prints the cosine similarity of two texts (4 decimals, last line of stdout).")
public final class SimilarityCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Parameters(index = "0", paramLabel = "TEXT_A", description = "The first text.")
    private String first = "";

    @Parameters(index = "1", paramLabel = "TEXT_B", description = "The second text.")
    private String second = "";

    /**
     * Embeds both texts and prints their cosine similarity.
     *
     * @return the exit code, 0
     * @throws picocli.CommandLine.ParameterException if the model options are invalid
     * @throws dev.semcache.embeddings.EmbeddingException if the model cannot be loaded or a text cannot be embedded
     */
    @Override
    public Integer call() {
        try (OnnxTextEmbedder embedder = modelOptions.open()) {
            List<float[]> vectors = embedder.embedAll(List.of(first, second));
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "%.4f", cosine(vectors.get(0), vectors.get(1))));
            out.flush();
            return 0;
        }
    }

    private static double cosine(float[] a, float[] b) {
        // The vectors are unit length; dividing by the norms anyway keeps the printed value exact to 4 decimals.
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
