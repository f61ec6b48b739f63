package dev.semcache.service.upstream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses the wait an upstream asks for before the next attempt.
 *
 * <p>{@code Retry-After} is either a number of seconds or an HTTP date (RFC 9110 §10.2.3); OpenAI also sends
 * {@code retry-after-ms}, a number of milliseconds, which is more precise and therefore preferred when present.
 */
final class RetryAfter {
    private RetryAfter() {}

    /**
     * Returns the wait the headers ask for.
     *
     * @param retryAfter the {@code Retry-After} value, or {@code null}
     * @param retryAfterMs the {@code retry-after-ms} value, or {@code null}
     * @param now the current time, to turn a date into a wait
     * @return the wait, zero for a date in the past; empty when neither header is present or parseable
     */
    static Optional<Duration> parse(@Nullable String retryAfter, @Nullable String retryAfterMs, Instant now) {
        if (retryAfterMs != null) {
            try {
                double millis = Double.parseDouble(retryAfterMs.trim());
                if (millis >= 0 && Double.isFinite(millis)) {
                    return Optional.of(Duration.ofMillis((long) Math.ceil(millis)));
                }
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                // more digits than a long holds: far longer than any bound
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
