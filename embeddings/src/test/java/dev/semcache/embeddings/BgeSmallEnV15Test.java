package dev.semcache.embeddings;

import static dev.semcache.embeddings.SharedEmbedders.cosine;
import static dev.semcache.embeddings.SharedEmbedders.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks bge-small-en-v1.5. The pinned values were computed independently with Python onnxruntime 1.31.1 and tokenizers
 * 0.23.3 on the same {@code .onnx} and {@code tokenizer.json} (truncation 512, no padding, CLS vector, L2 norm).
 */
final class BgeSmallEnV15Test {

    private static final String PREFIX = "Represent this sentence for searching relevant passages: ";

    private final OnnxTextEmbedder embedder = SharedEmbedders.bge();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "The new movie is awesome     | The new movie is so great | 0.9657",
                "The weather is lovely today. | He drove to the stadium.  | 0.5394",
            })
    void embed_pinnedPair_matchesIndependentComputation(String a, String b, double expected) {
        float[] first = embedder.embed(a);
        float[] second = embedder.embed(b);

        assertThat(cosine(first, second)).isCloseTo(expected, within(0.002));
    }

    @Test
    void embed_anyText_returnsUnitVector() {
        float[] vector = embedder.embed("How do I reset my password?");

        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void embed_paraphrasePair_scoresHigherThanUnrelatedPair() {
        float[] question = embedder.embed("How do I reset my password?");
        float[] paraphrase = embedder.embed("How can I change my password?");
        float[] unrelated = embedder.embed("What is the capital of France?");

        double paraphraseScore = cosine(question, paraphrase);
        double unrelatedScore = cosine(question, unrelated);

        // Python reference: 0.909428 and 0.370357.
        assertThat(paraphraseScore).isCloseTo(0.9094, within(0.002));
        assertThat(paraphraseScore).isGreaterThan(unrelatedScore + 0.3);
    }

    @Test
    void bundled_defaults_useClsPoolingWithoutPrefix() {
        assertThat(embedder.modelId()).isEqualTo("bge-small-en-v1.5");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.pooling()).isEqualTo(Pooling.CLS);
        assertThat(embedder.maxLength()).isEqualTo(512);
        assertThat(embedder.queryPrefix()).isEmpty();
        assertThat(BundledModel.BGE_SMALL_EN_V1_5.recommendedQueryPrefix()).contains(PREFIX);
    }

    @Test
    void queryPrefix_set_isPrependedBeforeTokenising() {
        try (OnnxTextEmbedder prefixed = OnnxTextEmbedder.builder()
                .bundledModel(BundledModel.BGE_SMALL_EN_V1_5)
                .queryPrefix(PREFIX)
                .build()) {

            float[] withPrefix = prefixed.embed("How do I reset my password?");
            float[] manual = embedder.embed(PREFIX + "How do I reset my password?");
            float[] paraphrase = prefixed.embed("How can I change my password?");

            assertThat(prefixed.queryPrefix()).contains(PREFIX);
            assertThat(withPrefix).containsExactly(manual, within(1e-5f));
            // Python reference with the prefix on both sides: 0.904131.
            assertThat(cosine(withPrefix, paraphrase)).isCloseTo(0.9041, within(0.002));
        }
    }
}
