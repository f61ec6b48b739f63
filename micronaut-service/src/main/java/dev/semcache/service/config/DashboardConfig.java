package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The dashboard's time series ({@code GET /stats/history}): how wide one slot is and how far back slots are kept.
 *
 * <p>The service keeps {@code historyRetention / historySlot} slots in memory (360 by default, a few kilobytes); the
 * history of each replica is its own and starts empty at every start.
 *
 * @param historySlot the width of one slot, at least one second and a whole number of seconds
 * @param historyRetention how far back slots are kept, a whole multiple of {@code historySlot}, at most
 *     {@value #MAX_SLOTS} slots
 * @since 0.1.0
 */
@ConfigurationProperties(DashboardConfig.PREFIX)
public record DashboardConfig(
        @Bindable(defaultValue = "10s") Duration historySlot,
        @Bindable(defaultValue = "1h") Duration historyRetention) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.dashboard";

    /** The most slots kept, so that a mistyped retention cannot take much memory. */
    public static final int MAX_SLOTS = 10_000;

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a value is out of range or the retention is not a multiple of the slot
     */
    public DashboardConfig {
        Durations.requirePositive(historySlot, PREFIX + ".history-slot");
        Durations.requirePositive(historyRetention, PREFIX + ".history-retention");
        if (historySlot.getNano() != 0) {
            throw new IllegalArgumentException(
                    PREFIX + ".history-slot must be a whole number of seconds, was " + historySlot);
        }
        if (historyRetention.toMillis() % historySlot.toMillis() != 0) {
            throw new IllegalArgumentException(PREFIX + ".history-retention (" + historyRetention
                    + ") must be a whole multiple of " + PREFIX + ".history-slot (" + historySlot + ")");
        }
        long slots = historyRetention.toMillis() / historySlot.toMillis();
        if (slots > MAX_SLOTS) {
            throw new IllegalArgumentException(
                    PREFIX + ".history-retention / history-slot must be at most " + MAX_SLOTS + " slots, was " + slots);
        }
    }

    /**
     * Returns the defaults: 10-second slots for the last hour.
     *
     * @return the default configuration
     */
    public static DashboardConfig defaults() {
        return new DashboardConfig(Duration.ofSeconds(10), Duration.ofHours(1));
    }

    /**
     * Returns how many slots are kept.
     *
     * @return {@code historyRetention / historySlot}
     */
    public int slotCount() {
        return (int) (historyRetention.toMillis() / historySlot.toMillis());
    }
}
