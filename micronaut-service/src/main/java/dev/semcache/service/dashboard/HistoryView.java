package dev.semcache.service.dashboard;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /stats/history}: the service's requests in fixed time slots over the last hour (by default),
 * oldest first, for charts.
 *
 * <p>Every slot of the window is present, also those without traffic, so that a chart's x axis is regular. The last
 * slot is the current one and still filling.
 *
 * @param now when the view was taken
 * @param slotSeconds the width of one slot, in seconds
 * @param window the sum of all slots: the last hour's figures
 * @param slots the slots, oldest first, {@code retention / slot} of them
 * @since 0.1.0
 */
@Serdeable
public record HistoryView(Instant now, long slotSeconds, Slot window, List<Slot> slots) {

    /** Copies the list. */
    public HistoryView {
        slots = List.copyOf(slots);
    }

    /**
     * What happened in one slot, or in the whole window.
     *
     * @param start when the slot starts (inclusive)
     * @param requests every request: hits, misses and bypasses
     * @param exactHits hits found by the exact key
     * @param semanticHits hits found by vector search
     * @param misses requests sent upstream after a lookup found nothing usable
     * @param bypasses requests sent upstream without a lookup
     * @param hitRate {@code (exactHits + semanticHits) / (exactHits + semanticHits + misses)}; 0 when there were
     *     neither hits nor misses (bypasses do not count), as in {@code GET /stats}
     * @param verifierRejections misses whose best candidate the verifier rejected
     * @param cacheErrors requests whose lookup failed and went upstream
     * @param upstreamErrors requests the upstream failed
     * @param tokensSaved prompt and completion tokens that hits saved
     * @param usdSaved dollars that hits saved, for models with a known price
     * @param hitLatencyMeanMs the mean end-to-end latency of hits, in milliseconds; 0 without hits
     * @param missLatencyMeanMs the mean end-to-end latency of misses and bypasses, in milliseconds; 0 without them
     * @since 0.1.0
     */
    @Serdeable
    public record Slot(
            Instant start,
            long requests,
            long exactHits,
            long semanticHits,
            long misses,
            long bypasses,
            double hitRate,
            long verifierRejections,
            long cacheErrors,
            long upstreamErrors,
            long tokensSaved,
            double usdSaved,
            double hitLatencyMeanMs,
            double missLatencyMeanMs) {}
}
