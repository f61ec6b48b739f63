package dev.semcache.service.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.service.config.RetryConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RetryPolicyTest {
    private static final RetryConfig CONFIG =
            new RetryConfig(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(3));

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void isRetryableStatus_rateLimitOrServerError_isTrue(int status) {
        assertThat(RetryPolicy.isRetryableStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 409, 422})
    void isRetryableStatus_otherStatus_isFalse(int status) {
        assertThat(RetryPolicy.isRetryableStatus(status)).isFalse();
    }

    @Test
    void delay_withoutRetryAfter_isJitteredBelowExponentialCap() {
        RetryPolicy maxJitter = new RetryPolicy(CONFIG, () -> 0.999);

        Duration first =
                maxJitter.delayBeforeNextAttempt(1, Duration.ZERO, null).orElseThrow();
        Duration second =
                maxJitter.delayBeforeNextAttempt(2, Duration.ZERO, null).orElseThrow();

        assertThat(first).isBetween(Duration.ofMillis(90), Duration.ofMillis(100));
        assertThat(second).isBetween(Duration.ofMillis(190), Duration.ofMillis(200));
        assertThat(new RetryPolicy(CONFIG, () -> 0.0).delayBeforeNextAttempt(1, Duration.ZERO, null))
                .contains(Duration.ZERO);
    }

    @Test
    void delay_withRetryAfter_isThatWait() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

        assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, Duration.ofSeconds(1)))
                .contains(Duration.ofSeconds(1));
    }

    @Test
    void delay_retryAfterBeyondMaxBackoff_givesUp() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

        assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, Duration.ofSeconds(30)))
                .isEmpty();
    }

    @Test
    void delay_attemptsUsedUp_givesUp() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

        assertThat(policy.delayBeforeNextAttempt(3, Duration.ZERO, null)).isEmpty();
    }

    @Test
    void delay_beyondTotalWait_givesUp() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

        assertThat(policy.delayBeforeNextAttempt(2, Duration.ofMillis(2500), Duration.ofSeconds(1)))
                .isEmpty();
    }
}
