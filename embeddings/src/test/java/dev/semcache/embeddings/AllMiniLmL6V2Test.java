package dev.semcache.embeddings;

import static dev.semcache.embeddings.SharedEmbedders.cosine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins all-MiniLM-L6-v2 to the similarities published in the sentence-transformers documentation (quickstart and
 * semantic textual similarity pages). The same values come out of an independent path: Python onnxruntime 1.31.1 and
 * tokenizers 0.23.3 on the same {@code .onnx} and {@code tokenizer.json} (truncation 256, no padding, masked mean,
 * L2 norm) gave 0.893904, 0.665955 and 0.104584.
 */
final class AllMiniLmL6V2Test {

    private final OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "The new movie is awesome     | The new movie is so great | 0.8939",
                "The weather is lovely today. | It's so sunny outside!    | 0.6660",
                "The weather is lovely today. | He drove to the stadium.  | 0.1046",
            })
    void embed_referencePair_matchesPublishedCosine(String a, String b, double expected) {
        float[] first = embedder.embed(a);
        float[] second = embedder.embed(b);

        assertThat(cosine(first, second)).isCloseTo(expected, within(0.002));
    }

    @Test
    void bundled_defaults_matchSentenceTransformersConfiguration() {
        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.pooling()).isEqualTo(Pooling.MEAN);
        assertThat(embedder.maxLength()).isEqualTo(256);
        assertThat(embedder.queryPrefix()).isEmpty();
        assertThat(embedder.batchSize()).isEqualTo(OnnxTextEmbedder.DEFAULT_BATCH_SIZE);
    }
}
