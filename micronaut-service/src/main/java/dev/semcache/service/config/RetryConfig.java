package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How calls to the upstream are retried after a 429, a 5xx or a connection error.
 *
 * <p>The wait before retry {@code n} (1-based) is a random value in {@code [0, min(maxBackoff, initialBackoff *
 * 2^(n-1))]} ("full jitter"), or the upstream's {@code Retry-After} when it sent one, capped at {@code maxBackoff}.
 * A retry whose wait would take the total beyond {@code maxTotalWait} is not made; the last upstream answer is
 * returned instead.
 *
 * @param maxAttempts the most calls per request, including the first; 1 disables retries
 * @param initialBackoff the upper bound of the first jittered wait, positive
 * @param maxBackoff the upper bound of any single wait, including one asked for by {@code Retry-After}
 * @param maxTotalWait the most time spent waiting between attempts of one request
 * @since 0.1.0
 */
@ConfigurationProperties(RetryConfig.PREFIX)
public record RetryConfig(
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "500ms") Duration initialBackoff,
        @Bindable(defaultValue = "10s") Duration maxBackoff,
        @Bindable(defaultValue = "30s") Duration maxTotalWait) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.upstream.retry";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public RetryConfig {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-attempts must be at least 1, was " + maxAttempts);
        }
        Durations.requirePositive(initialBackoff, PREFIX + ".initial-backoff");
        Durations.requirePositive(maxBackoff, PREFIX + ".max-backoff");
        Durations.requireNotNegative(maxTotalWait, PREFIX + ".max-total-wait");
    }
}
