package dev.semcache.service.upstream;

import static java.util.Objects.requireNonNull;

import dev.semcache.service.config.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether and when an upstream call is tried again; see {@link RetryConfig} for the rules.
 *
 * <p>Thread-safe when the random source is.
 */
final class RetryPolicy {
    private final RetryConfig config;
    private final DoubleSupplier random;

    /**
     * Creates a policy.
     *
     * @param config the limits
     * @param random uniform values in [0, 1), for the jitter
     */
    RetryPolicy(RetryConfig config, DoubleSupplier random) {
        this.config = requireNonNull(config, "config");
        this.random = requireNonNull(random, "random");
    }

    /**
     * Returns whether an upstream status is worth another attempt: 429 and every 5xx.
     *
     * @param status the HTTP status
     * @return {@code true} for 429 and 5xx; never for another 4xx
     */
    static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * Returns the wait before the next attempt, or empty when no further attempt is to be made.
     *
     * @param attemptsMade the attempts made so far, at least 1
     * @param waitedSoFar the time already spent waiting between attempts of this request
     * @param requested the wait the upstream asked for ({@code Retry-After}), or {@code null}
     * @return the wait, or empty when the attempts are used up, the requested wait exceeds the largest single wait,
     *     or the wait would take the total beyond its bound
     */
    Optional<Duration> delayBeforeNextAttempt(int attemptsMade, Duration waitedSoFar, @Nullable Duration requested) {
        if (attemptsMade >= config.maxAttempts()) {
            return Optional.empty();
        }
        Duration delay;
        if (requested != null) {
            // The upstream said when it will serve again; retrying earlier would only be refused again.
            if (requested.compareTo(config.maxBackoff()) > 0) {
                return Optional.empty();
            }
            delay = requested;
        } else {
            long capMillis = exponentialCapMillis(attemptsMade);
            delay = Duration.ofMillis((long) (random.getAsDouble() * capMillis));
        }
        if (waitedSoFar.plus(delay).compareTo(config.maxTotalWait()) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private long exponentialCapMillis(int attemptsMade) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        int shift = Math.min(attemptsMade - 1, 30);
        long cap = initial << shift;
        return (cap < 0 || cap > max) ? max : cap;
    }
}
