package dev.semcache.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs hand-made ONNX graphs (see {@code src/test/resources/tiny/make_tiny_models.py}) whose token vectors are
 * {@code [input_id, mask, 1]}, so that what the embedder feeds and pools can be checked exactly (padding positions
 * are {@code [0, 0, 1]}, which a mean that counted them would show).
 */
final class TinyModelTest {

    // MiniLM's tokenizer: [CLS] = 101, [SEP] = 102, "hello" = 7592, "world" = 2088, "hi" = 7632.
    private static final long[] HELLO_WORLD_IDS = {101, 7592, 2088, 102};

    @TempDir
    Path dir;

    @Test
    void customModel_withoutTokenTypeIdsInput_isFedOnlyDeclaredInputs() throws IOException {
        try (OnnxTextEmbedder embedder = tiny(Pooling.MEAN)) {

            TokenEmbeddings tokens = embedder.embedTokens("hello world");

            assertThat(embedder.dimension()).isEqualTo(3);
            assertThat(tokens.tokens())
                    .extracting(TokenEmbeddings.Token::piece)
                    .containsExactly("[CLS]", "hello", "world", "[SEP]");
            for (int t = 0; t < HELLO_WORLD_IDS.length; t++) {
                assertThat(tokens.tokens().get(t).vector()).containsExactly((float) HELLO_WORLD_IDS[t], 1f, 1f);
            }
        }
    }

    @Test
    void meanPooling_tinyModel_averagesAttendedTokensThenNormalises() throws IOException {
        try (OnnxTextEmbedder embedder = tiny(Pooling.MEAN)) {

            float[] vector = embedder.embed("hello world");

            double meanId = (101 + 7592 + 2088 + 102) / 4.0;
            assertThat(vector).containsExactly(unit(meanId, 1, 1), within(1e-6f));
        }
    }

    @Test
    void meanPooling_paddedBatch_ignoresPaddingPositions() throws IOException {
        try (OnnxTextEmbedder embedder = tiny(Pooling.MEAN)) {

            List<float[]> vectors = embedder.embedAll(List.of("hello world", "hi"));

            // "hi" is padded from 3 to 4 positions; counting the padding would sum [7835, 3, 4] instead of [7835, 3,
            // 3].
            assertThat(vectors.get(1)).containsExactly(unit((101 + 7632 + 102) / 3.0, 1, 1), within(1e-6f));
            assertThat(vectors.get(1)).containsExactly(embedder.embed("hi"), within(1e-6f));
        }
    }

    @Test
    void clsPooling_tinyModel_takesFirstToken() throws IOException {
        try (OnnxTextEmbedder embedder = tiny(Pooling.CLS)) {

            float[] vector = embedder.embed("hello world");

            assertThat(vector).containsExactly(unit(101, 1, 1), within(1e-6f));
        }
    }

    @Test
    void customModel_withInputItCannotFeed_throwsEmbeddingExceptionNamingIt() throws IOException {
        Path model = copy("/tiny/tiny-extra-input.onnx", "extra.onnx");
        Path tokenizer = copy("/all-minilm-l6-v2-tokenizer.json", "tokenizer.json");
        OnnxTextEmbedder.Builder builder =
                OnnxTextEmbedder.builder().customModel(model, tokenizer).modelId("tiny-extra");

        assertThatThrownBy(builder::build)
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("model tiny-extra has inputs this embedder cannot feed: [position_ids]");
    }

    private OnnxTextEmbedder tiny(Pooling pooling) throws IOException {
        Path model = copy("/tiny/tiny-no-token-types.onnx", "tiny.onnx");
        Path tokenizer = copy("/all-minilm-l6-v2-tokenizer.json", "tokenizer.json");
        return OnnxTextEmbedder.builder()
                .customModel(model, tokenizer)
                .modelId("tiny")
                .pooling(pooling)
                .build();
    }

    private Path copy(String resource, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        if (!Files.exists(target)) {
            try (InputStream in = TinyModelTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                Files.copy(in, target);
            }
        }
        return target;
    }

    private static float[] unit(double... values) {
        double norm = 0;
        for (double v : values) {
            norm += v * v;
        }
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / Math.sqrt(norm));
        }
        return unit;
    }
}
