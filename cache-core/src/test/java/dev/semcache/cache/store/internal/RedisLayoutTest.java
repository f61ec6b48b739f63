package dev.semcache.cache.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorIndexOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RedisLayoutTest {

    private final RedisLayout layout = new RedisLayout(VectorIndexOptions.of("mini", 2));

    @Test
    void tag_anyString_isThirtyTwoLowerHexDigitsAndStable() {
        String tag = RedisLayout.tag("tenant a-b:c.d/é 日本 🙂 {x}|y*");

        assertThat(tag).matches("[0-9a-f]{32}");
        assertThat(RedisLayout.tag("tenant a-b:c.d/é 日本 🙂 {x}|y*")).isEqualTo(tag);
        assertThat(RedisLayout.tag("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb924"); // SHA-256 of nothing
        assertThat(RedisLayout.tag("A")).isNotEqualTo(RedisLayout.tag("a"));
    }

    @Test
    void keys_namespaceAndId_followLayout() {
        String tag = RedisLayout.tag("ns 1");

        assertThat(layout.indexName()).isEqualTo("semcache:idx:mini:2");
        assertThat(layout.entryKey("ns 1", "id-7")).isEqualTo("semcache:e:mini:2:" + tag + ":id-7");
        assertThat(layout.exactKey("ns 1", "k")).isEqualTo("semcache:x:mini:2:" + tag + ":k");
        assertThat(layout.namespacePatterns("ns 1"))
                .containsExactly("semcache:e:mini:2:" + tag + ":*", "semcache:x:mini:2:" + tag + ":*");
        assertThat(layout.allPatterns()).containsExactly("semcache:e:mini:2:*", "semcache:x:mini:2:*");
    }

    @Test
    void knnQuery_anyNamespaceAndScope_usesOnlyHexTags() {
        String query = layout.knnQuery("a b,c{d}", "s|*");

        assertThat(query)
                .isEqualTo("(@ns:{" + RedisLayout.tag("a b,c{d}") + "} @scope:{" + RedisLayout.tag("s|*")
                        + "})=>[KNN $K @vec $BLOB AS dist]");
    }

    @Test
    void encode_vector_isLittleEndianFloat32() {
        byte[] blob = RedisLayout.encode(new float[] {1.0f, -2.5f});

        assertThat(blob).containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0);
        assertThat(RedisLayout.decode(blob)).containsExactly(1.0f, -2.5f);
    }

    @Test
    void parseEntry_fieldsOfPut_rebuildsEntry() {
        CacheEntry entry = new CacheEntry(
                "id",
                "ns",
                "scope",
                "xk",
                "prompt ✓",
                new float[] {0.6f, 0.8f},
                "{}",
                "m",
                3,
                4,
                Instant.ofEpochMilli(1234),
                5);
        List<byte[]> args = layout.putArguments(entry, Duration.ofSeconds(7));
        Map<String, byte[]> fields = new HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            fields.put(RedisLayout.string(args.get(i)), args.get(i + 1));
        }

        CacheEntry parsed = layout.parseEntry("ns", "id", fields);

        assertThat(RedisLayout.string(args.get(0))).isEqualTo("7000");
        assertThat(parsed).isEqualTo(entry);
    }

    @Test
    void parseEntry_missingField_returnsNull() {
        CacheEntry parsed = layout.parseEntry("ns", "id", Map.of("prompt", new byte[] {'p'}));

        assertThat(parsed).isNull();
    }

    @Test
    void similarity_distanceText_isOneMinusDistance() {
        assertThat(RedisLayout.similarity("0.25")).isEqualTo(0.75);
        assertThat(RedisLayout.similarity("2")).isEqualTo(-1.0);
        assertThat(RedisLayout.similarity("-1.2e-7")).isEqualTo(1.0);
        assertThat(RedisLayout.similarity("nan?")).isNaN();
    }

    @Test
    void checkDimension_otherLength_throwsIllegalArgumentExceptionNamingBoth() {
        assertThatThrownBy(() -> layout.checkDimension(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension must be 2")
                .hasMessageContaining("was 3");
    }

    @Test
    void errorClassifiers_serverMessages_areRecognised() {
        assertThat(RedisLayout.isUnknownIndex("Unknown Index name")).isTrue();
        assertThat(RedisLayout.isUnknownIndex("semcache:idx:m:2: no such index"))
                .isTrue();
        assertThat(RedisLayout.isUnknownIndex("WRONGTYPE")).isFalse();
        assertThat(RedisLayout.isIndexAlreadyExists("Index already exists")).isTrue();
        assertThat(RedisLayout.isIndexAlreadyExists("Unknown Index name")).isFalse();
    }
}
