package dev.semcache.cache.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.StoreUnavailableException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

final class RedisErrorsTest {

    private static final RedisConnectionConfig CONFIG =
            RedisConnectionConfig.fromUrl("redis://app:hunter2-secret@cache.local:6380");

    @Test
    void unreachable_wrappedCauseWithRoot_namesHostCauseAndRoot() {
        Throwable cause = new CompletionException(
                new IllegalStateException("Failed connecting", new ConnectException("Connection refused")));

        StoreUnavailableException e = RedisErrors.unreachable(CONFIG, cause);

        assertThat(e)
                .hasMessage("cannot reach Redis at cache.local:6380: Failed connecting (Connection refused)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void failed_causeEchoingPassword_masksPassword() {
        Throwable cause = new IllegalStateException("WRONGPASS for hunter2-secret");

        StoreUnavailableException e = RedisErrors.failed(CONFIG, "FT.SEARCH idx", cause);

        assertThat(e.getMessage())
                .isEqualTo("Redis at cache.local:6380 failed FT.SEARCH idx: WRONGPASS for ****")
                .doesNotContain("hunter2");
    }

    @Test
    void unreachable_suppressedConnectFailure_namesIt() {
        IllegalStateException failure = new IllegalStateException("Failed to connect to cache.local:6380.");
        failure.addSuppressed(new ConnectException("Connection refused"));

        StoreUnavailableException e = RedisErrors.unreachable(CONFIG, failure);

        assertThat(e)
                .hasMessage("cannot reach Redis at cache.local:6380: Failed to connect to cache.local:6380. "
                        + "(Connection refused)");
    }

    @Test
    void unreachable_causeWithoutMessage_usesClassName() {
        StoreUnavailableException e = RedisErrors.unreachable(CONFIG, new ConnectException());

        assertThat(e).hasMessage("cannot reach Redis at cache.local:6380: ConnectException");
    }
}
