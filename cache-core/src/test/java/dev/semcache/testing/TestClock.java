package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test advances it. Thread-safe. */
public final class TestClock extends Clock {
    private volatile Instant now;

    /**
     * Creates a clock at a fixed instant.
     *
     * @param start the starting instant
     */
    public TestClock(Instant start) {
        this.now = requireNonNull(start, "start");
    }

    /** Creates a clock at 2025-01-01T00:00:00Z. */
    public TestClock() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is always UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
