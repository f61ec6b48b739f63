package dev.semcache.service.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void parse_seconds_givesThatWait() {
        assertThat(RetryAfter.parse("7", null, NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void parse_httpDate_givesTimeUntilThen() {
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 12:00:05 GMT", null, NOW)).contains(Duration.ofSeconds(5));
    }

    @Test
    void parse_httpDateInThePast_givesZero() {
        assertThat(RetryAfter.parse("Wed, 01 Jan 2025 11:00:00 GMT", null, NOW)).contains(Duration.ZERO);
    }

    @Test
    void parse_retryAfterMs_isPreferred() {
        assertThat(RetryAfter.parse("7", "250", NOW)).contains(Duration.ofMillis(250));
    }

    @Test
    void parse_garbageOrAbsent_givesEmpty() {
        assertThat(RetryAfter.parse("soon", null, NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("-3", null, NOW)).isEmpty();
    }
}
