package dev.semcache.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.testing.RedisStackExtension.Decision;
import dev.semcache.testing.RedisStackExtension.Fail;
import dev.semcache.testing.RedisStackExtension.Skip;
import dev.semcache.testing.RedisStackExtension.StartContainer;
import dev.semcache.testing.RedisStackExtension.UseUrl;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RedisStackExtensionTest {

    private static final String MESSAGE =
            "No Redis Stack: set REDIS_URL (e.g. `bash scripts/redis-stack.sh start`) or run Docker";

    @Test
    void decide_redisUrlSet_usesItWithoutAskingDocker() {
        AtomicBoolean dockerAsked = new AtomicBoolean();

        Decision decision = RedisStackExtension.decide(
                Map.of("REDIS_URL", " redis://127.0.0.1:6390 ", "SEMCACHE_REQUIRE_REDIS", "1"),
                () -> dockerAsked.getAndSet(true));

        assertThat(decision).isEqualTo(new UseUrl("redis://127.0.0.1:6390"));
        assertThat(dockerAsked).isFalse();
    }

    @Test
    void decide_noUrlButDocker_startsContainer() {
        Decision decision = RedisStackExtension.decide(Map.of(), () -> true);

        assertThat(decision).isInstanceOf(StartContainer.class);
    }

    @Test
    void decide_noUrlNoDocker_skipsWithMessage() {
        Decision decision = RedisStackExtension.decide(Map.of("SEMCACHE_REQUIRE_REDIS", "0"), () -> false);

        assertThat(decision).isEqualTo(new Skip(MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", " 1 "})
    void decide_noUrlNoDockerButRequired_failsWithSameMessage(String required) {
        Decision decision = RedisStackExtension.decide(Map.of("SEMCACHE_REQUIRE_REDIS", required), () -> false);

        assertThat(decision).isEqualTo(new Fail(MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "${env.REDIS_URL}"})
    void decide_blankOrUnexpandedUrl_countsAsUnset(String url) {
        Decision decision = RedisStackExtension.decide(Map.of("REDIS_URL", url), () -> false);

        assertThat(decision).isEqualTo(new Skip(MESSAGE));
    }

    @Test
    void decide_unexpandedRequireFlag_skips() {
        Decision decision = RedisStackExtension.decide(
                Map.of("SEMCACHE_REQUIRE_REDIS", "${env.SEMCACHE_REQUIRE_REDIS}"), () -> false);

        assertThat(decision).isInstanceOf(Skip.class);
    }

    @Test
    void noRedisMessage_isTheDocumentedOne() {
        assertThat(RedisStackExtension.NO_REDIS_MESSAGE).isEqualTo(MESSAGE);
    }

    @Test
    void toString_urlWithPassword_hidesPassword() {
        RedisTestServer server =
                new RedisTestServer("redis://:top-secret@10.0.0.1:6379", RedisTestServer.Source.ENVIRONMENT);

        assertThat(server.toString()).doesNotContain("top-secret").contains("10.0.0.1:6379");
    }
}
