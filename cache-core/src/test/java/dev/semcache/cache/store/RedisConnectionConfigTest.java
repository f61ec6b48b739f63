package dev.semcache.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RedisConnectionConfigTest {

    private static final String SECRET = "s3cr3t-P@ss/w#rd";

    @Test
    void fromUrl_hostOnly_usesDefaults() {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl("redis://localhost");

        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(6379);
        assertThat(config.database()).isZero();
        assertThat(config.tls()).isFalse();
        assertThat(config.username()).isNull();
        assertThat(config.password()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(RedisConnectionConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.commandTimeout()).isEqualTo(RedisConnectionConfig.DEFAULT_COMMAND_TIMEOUT);
        assertThat(config.poolSize()).isEqualTo(RedisConnectionConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void fromUrl_everyPart_parsesEach() {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl("rediss://alice:pw@redis.example.com:6380/3");

        assertThat(config.tls()).isTrue();
        assertThat(config.username()).isEqualTo("alice");
        assertThat(config.password()).isEqualTo("pw");
        assertThat(config.host()).isEqualTo("redis.example.com");
        assertThat(config.port()).isEqualTo(6380);
        assertThat(config.database()).isEqualTo(3);
        assertThat(config.hostAndPort()).isEqualTo("redis.example.com:6380");
    }

    @Test
    void fromUrl_passwordOnly_hasNoUser() {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl("redis://:pw@127.0.0.1:7000");

        assertThat(config.username()).isNull();
        assertThat(config.password()).isEqualTo("pw");
        assertThat(config.port()).isEqualTo(7000);
    }

    @Test
    void fromUrl_percentEncodedAndRawReservedCharacters_decodesPassword() {
        RedisConnectionConfig encoded = RedisConnectionConfig.fromUrl("redis://b%C3%B8b:p%40ss%3Aw%2Frd@h:1");
        RedisConnectionConfig raw = RedisConnectionConfig.fromUrl("redis://bob:" + SECRET + "@h:1");

        assertThat(encoded.username()).isEqualTo("bøb");
        assertThat(encoded.password()).isEqualTo("p@ss:w/rd");
        assertThat(raw.password()).isEqualTo(SECRET);
        assertThat(raw.host()).isEqualTo("h");
    }

    @Test
    void fromUrl_ipv6Host_keepsBracketsOnlyInHostAndPort() {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl("redis://[::1]:6390/1");

        assertThat(config.host()).isEqualTo("::1");
        assertThat(config.port()).isEqualTo(6390);
        assertThat(config.hostAndPort()).isEqualTo("[::1]:6390");
    }

    @Test
    void fromUrl_upperCaseSchemeAndTrailingSlash_isAccepted() {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl("REDISS://host:1234/");

        assertThat(config.tls()).isTrue();
        assertThat(config.database()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://host:6379",
                "host:6379",
                "redis://",
                "redis://:6379",
                "redis://host:0",
                "redis://host:65536",
                "redis://host:port",
                "redis://host/db",
                "redis://host/-1",
                "redis://[::1",
                "redis://ho st"
            })
    void fromUrl_malformed_throwsIllegalArgumentExceptionNamingThePart(String url) {
        assertThatThrownBy(() -> RedisConnectionConfig.fromUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("url");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "redis://user:" + SECRET + "@host:99999",
                "redis://user:" + SECRET + "@host:6379/abc",
                "redis://user:" + SECRET + "@",
                "redis://" + SECRET + "@host",
                "redis://user:bad%zz" + SECRET + "@host",
                SECRET + "://user:" + SECRET + "@host"
            })
    void fromUrl_malformedWithPassword_neverShowsPassword(String url) {
        assertThatThrownBy(() -> RedisConnectionConfig.fromUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(SECRET)
                .doesNotContain("s3cr3t");
    }

    @Test
    void toString_withPassword_masksPasswordAndShowsHost() {
        RedisConnectionConfig config =
                RedisConnectionConfig.fromUrl("rediss://app:" + SECRET + "@cache.internal:6380/2");

        String text = config.toString();

        assertThat(text)
                .doesNotContain("s3cr3t")
                .contains("rediss://app:****@cache.internal:6380/2")
                .contains("connectTimeout=PT2S");
        assertThat(config.redactedUrl()).doesNotContain("s3cr3t");
    }

    @Test
    void builder_allSettings_areKept() {
        RedisConnectionConfig config = RedisConnectionConfig.builder("redis://h")
                .connectTimeout(Duration.ofMillis(300))
                .commandTimeout(Duration.ofMillis(700))
                .poolSize(4)
                .clientName("semcache-test-1")
                .build();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(config.poolSize()).isEqualTo(4);
        assertThat(config.clientName()).isEqualTo("semcache-test-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "ünï"})
    void clientName_invalid_throwsIllegalArgumentException(String name) {
        RedisConnectionConfig.Builder builder = RedisConnectionConfig.builder("redis://h");

        assertThatThrownBy(() -> builder.clientName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientName");
    }

    @Test
    void builder_nonPositiveTimeout_throwsIllegalArgumentExceptionNamingSetting() {
        RedisConnectionConfig.Builder builder = RedisConnectionConfig.builder("redis://h");

        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commandTimeout");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1025})
    void builder_poolSizeOutOfRange_throwsIllegalArgumentException(int size) {
        RedisConnectionConfig.Builder builder = RedisConnectionConfig.builder("redis://h");

        assertThatThrownBy(() -> builder.poolSize(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolSize");
    }

    @Test
    void builder_settingTwice_throwsIllegalStateException() {
        RedisConnectionConfig.Builder builder =
                RedisConnectionConfig.builder("redis://h").poolSize(2);

        assertThatThrownBy(() -> builder.poolSize(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("poolSize");
    }

    @Test
    void toBuilder_changedSetting_makesVariantAndKeepsOriginal() {
        RedisConnectionConfig original =
                RedisConnectionConfig.builder("redis://:pw@h:1").poolSize(2).build();

        RedisConnectionConfig variant = original.toBuilder().poolSize(8).build();

        assertThat(original.poolSize()).isEqualTo(2);
        assertThat(variant.poolSize()).isEqualTo(8);
        assertThat(variant.password()).isEqualTo("pw");
        assertThat(variant).isNotEqualTo(original);
        assertThat(variant.toBuilder().poolSize(2).build()).isEqualTo(original);
    }
}
