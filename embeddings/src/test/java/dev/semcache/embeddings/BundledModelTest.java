package dev.semcache.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class BundledModelTest {

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void fromModelId_ownId_findsModel(BundledModel model) {
        assertThat(BundledModel.fromModelId(model.modelId())).contains(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ALL-MINILM-L6-V2", "all-minilm-l6-v2.onnx", "bge-small-en-v1.5 "})
    void fromModelId_otherText_findsNothing(String id) {
        assertThat(BundledModel.fromModelId(id)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void resources_bundledModel_areOnClasspath(BundledModel model) throws IOException {
        for (String resource : new String[] {model.modelResource(), model.tokenizerResource()}) {
            try (InputStream in = BundledModel.class.getResourceAsStream("/" + resource)) {
                assertThat(in).as(resource).isNotNull();
            }
        }
    }
}
