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

final class OnnxTextEmbedderBuilderTest {

    @TempDir
    Path dir;

    @Test
    void build_noModel_throwsIllegalState() {
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bundledModel")
                .hasMessageContaining("customModel");
    }

    @Test
    void bundledModel_setTwice_throwsIllegalState() {
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder().bundledModel(BundledModel.ALL_MINILM_L6_V2);

        assertThatThrownBy(() -> builder.bundledModel(BundledModel.BGE_SMALL_EN_V1_5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bundledModel: a model was already chosen (all-minilm-l6-v2)");
    }

    @Test
    void customModel_afterBundledModel_throwsIllegalState() throws IOException {
        Path model = Files.writeString(dir.resolve("model.onnx"), "x");
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder().bundledModel(BundledModel.ALL_MINILM_L6_V2);

        assertThatThrownBy(() -> builder.customModel(model, tokenizer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("customModel: a model was already chosen");
    }

    @Test
    void customModel_missingFile_throwsIllegalArgumentNamingSetting() {
        Path missing = dir.resolve("missing.onnx");

        assertThatThrownBy(() -> OnnxTextEmbedder.builder().customModel(missing, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customModel: model file " + missing + " does not exist or is not a readable file");
    }

    @Test
    void maxLength_outOfRange_throwsIllegalArgumentNamingSetting() {
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().maxLength(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength must be between 3 and 8192, was 2");
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().maxLength(10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxLength");
    }

    @Test
    void maxLength_setTwice_throwsIllegalState() {
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder().maxLength(128);

        assertThatThrownBy(() -> builder.maxLength(64))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxLength was already set to 128");
    }

    @Test
    void build_maxLengthAboveBundledMaximum_throwsIllegalArgument() {
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder()
                .bundledModel(BundledModel.ALL_MINILM_L6_V2)
                .maxLength(512);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength 512 exceeds the maximum input of all-minilm-l6-v2 (256 tokens)");
    }

    @Test
    @SuppressWarnings("NullAway") // null is what is tested
    void pooling_nullOrRepeated_isRejected() {
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder();

        assertThatThrownBy(() -> builder.pooling(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pooling must not be null");
        builder.pooling(Pooling.CLS);
        assertThatThrownBy(() -> builder.pooling(Pooling.MEAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pooling was already set to CLS");
    }

    @Test
    void modelId_malformed_throwsIllegalArgumentNamingSetting() {
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().modelId("My Model"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("modelId must be")
                .hasMessageEndingWith("was 'My Model'");
    }

    @Test
    void otherSettings_badValues_throwIllegalArgumentNamingSetting() {
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().intraOpThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intraOpThreads must be positive, was 0");
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be between 1 and 4096, was 0");
        assertThatThrownBy(() -> OnnxTextEmbedder.builder().queryPrefix(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queryPrefix must not be null or blank");
    }

    @Test
    void build_customModelWithoutModelId_throwsIllegalState() throws IOException {
        Path model = Files.writeString(dir.resolve("model.onnx"), "x");
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");

        assertThatThrownBy(() ->
                        OnnxTextEmbedder.builder().customModel(model, tokenizer).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("modelId is required for a custom model");
    }

    @Test
    void build_customModelFileNotOnnx_throwsEmbeddingException() throws IOException {
        Path model = Files.writeString(dir.resolve("model.onnx"), "not a model");
        Path tokenizer = copyResource("all-minilm-l6-v2-tokenizer.json", "tokenizer.json");

        assertThatThrownBy(() -> OnnxTextEmbedder.builder()
                        .customModel(model, tokenizer)
                        .modelId("broken")
                        .build())
                .isInstanceOf(EmbeddingException.class)
                .hasMessageStartingWith("cannot load model broken from " + model);
    }

    @Test
    void build_customModelFromBundledFiles_givesSameVectorsAsBundled() throws IOException {
        Path model = copyResource("all-minilm-l6-v2.onnx", "model.onnx");
        Path tokenizer = copyResource("all-minilm-l6-v2-tokenizer.json", "tokenizer.json");
        List<String> texts = List.of("The new movie is awesome", "The weather is lovely today.");

        try (OnnxTextEmbedder custom = OnnxTextEmbedder.builder()
                .customModel(model, tokenizer)
                .modelId("minilm-copy")
                .maxLength(256)
                .intraOpThreads(1)
                .batchSize(1)
                .build()) {

            List<float[]> vectors = custom.embedAll(texts);

            assertThat(custom.modelId()).isEqualTo("minilm-copy");
            assertThat(custom.pooling()).isEqualTo(Pooling.MEAN);
            assertThat(custom.dimension()).isEqualTo(384);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(vectors.get(i))
                        .containsExactly(SharedEmbedders.miniLm().embed(texts.get(i)), within(1e-5f));
            }
        }
    }

    private Path copyResource(String resource, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        try (InputStream in = OnnxTextEmbedderBuilderTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }
}
