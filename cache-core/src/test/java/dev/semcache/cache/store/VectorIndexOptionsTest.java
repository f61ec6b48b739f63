package dev.semcache.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.cache.store.VectorIndexOptions.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VectorIndexOptionsTest {

    @Test
    void of_modelAndDimension_usesDefaultsAndLayout() {
        VectorIndexOptions options = VectorIndexOptions.of("all-MiniLM-L6-v2", 384);

        assertThat(options.algorithm()).isEqualTo(Algorithm.HNSW);
        assertThat(options.hnswM()).isEqualTo(16);
        assertThat(options.hnswEfConstruction()).isEqualTo(200);
        assertThat(options.hnswEfRuntime()).isEqualTo(10);
        assertThat(options.keyPrefix()).isEqualTo("semcache");
        assertThat(options.indexName()).isEqualTo("semcache:idx:all-MiniLM-L6-v2:384");
        assertThat(options.entryKeyPrefix()).isEqualTo("semcache:e:all-MiniLM-L6-v2:384:");
        assertThat(options.exactKeyPrefix()).isEqualTo("semcache:x:all-MiniLM-L6-v2:384:");
    }

    @Test
    void builder_everySetting_isKept() {
        VectorIndexOptions options = VectorIndexOptions.builder("BAAI/bge-small-en-v1.5", 384)
                .hnswM(32)
                .hnswEfConstruction(400)
                .hnswEfRuntime(50)
                .keyPrefix("app:cache")
                .build();

        assertThat(options.hnswM()).isEqualTo(32);
        assertThat(options.hnswEfConstruction()).isEqualTo(400);
        assertThat(options.hnswEfRuntime()).isEqualTo(50);
        assertThat(options.indexName()).isEqualTo("app:cache:idx:BAAI/bge-small-en-v1.5:384");
        assertThat(options.toString()).contains("EF_RUNTIME=50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "has:colon", "glob*", "br{ace}", "q?"})
    void builder_invalidModelId_throwsIllegalArgumentException(String modelId) {
        assertThatThrownBy(() -> VectorIndexOptions.builder(modelId, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelId");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 32_769})
    void builder_dimensionOutOfRange_throwsIllegalArgumentException(int dimension) {
        assertThatThrownBy(() -> VectorIndexOptions.builder("m", dimension))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":lead", "trail:", "star*", "sp ace"})
    void keyPrefix_invalid_throwsIllegalArgumentException(String prefix) {
        VectorIndexOptions.Builder builder = VectorIndexOptions.builder("m", 8);

        assertThatThrownBy(() -> builder.keyPrefix(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyPrefix");
    }

    @Test
    void hnswEfRuntime_zero_throwsIllegalArgumentException() {
        VectorIndexOptions.Builder builder = VectorIndexOptions.builder("m", 8);

        assertThatThrownBy(() -> builder.hnswEfRuntime(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hnswEfRuntime");
    }

    @Test
    void hnswM_withFlat_throwsIllegalStateException() {
        VectorIndexOptions.Builder builder = VectorIndexOptions.builder("m", 8).algorithm(Algorithm.FLAT);

        assertThatThrownBy(() -> builder.hnswM(8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hnswM");
    }

    @Test
    void algorithmFlat_afterHnswSetting_throwsIllegalStateException() {
        VectorIndexOptions.Builder builder = VectorIndexOptions.builder("m", 8).hnswEfRuntime(20);

        assertThatThrownBy(() -> builder.algorithm(Algorithm.FLAT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLAT");
    }

    @Test
    void keyPrefix_setTwice_throwsIllegalStateException() {
        VectorIndexOptions.Builder builder = VectorIndexOptions.builder("m", 8).keyPrefix("a");

        assertThatThrownBy(() -> builder.keyPrefix("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyPrefix");
    }

    @Test
    void toBuilder_changedSetting_makesVariant() {
        VectorIndexOptions original = VectorIndexOptions.of("m", 8);

        VectorIndexOptions flat = original.toBuilder().algorithm(Algorithm.FLAT).build();

        assertThat(flat.algorithm()).isEqualTo(Algorithm.FLAT);
        assertThat(flat.toString()).doesNotContain("EF_RUNTIME");
        assertThat(original.algorithm()).isEqualTo(Algorithm.HNSW);
        assertThat(flat.toBuilder().algorithm(Algorithm.HNSW).build()).isEqualTo(original);
    }
}
