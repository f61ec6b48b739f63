package dev.semcache.service.dashboard;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.service.config.DashboardConfig;
import dev.semcache.service.observe.RequestObserver;
import dev.semcache.service.observe.RequestRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ring buffer of per-slot request counts over the last hour (by default 360 slots of 10 seconds), fed as a
 * {@link RequestObserver} and read by {@code GET /stats/history}.
 *
 * <p>A request counts in the slot in which it finished, by the injected clock. Slots are reused in turn: when the clock
 * reaches a slot position again, its old counts are dropped. Nothing runs in the background; a slot without traffic is
 * simply never written and reads as empty. Requests that finished before the window (a clock stepping back more than
 * the retention) are not counted.
 *
 * <p>Dollars are computed from the same {@link PriceTable} as {@code GET /stats}, so that the window's figures add up
 * to the difference of two {@code /stats} readings taken at its ends.
 *
 * <p>Thread-safe. Recording takes one short lock; at the rates an LLM proxy sees (each request waits milliseconds to
 * seconds for a model) it is never contended for long. Memory is fixed: a few hundred bytes per slot.
 *
 * @since 0.1.0
 */
public final class StatsHistory implements RequestObserver {
    private final Clock clock;
    private final PriceTable prices;
    private final long slotMillis;
    private final Slot[] slots;
    private long latestIndex = Long.MIN_VALUE;

    /**
     * Creates an empty history.
     *
     * @param config the slot width and retention
     * @param prices the prices that turn saved tokens into dollars
     * @param clock tells when a request finished
     */
    public StatsHistory(DashboardConfig config, PriceTable prices, Clock clock) {
        this.clock = requireNonNull(clock, "clock");
        this.prices = requireNonNull(prices, "prices");
        this.slotMillis = config.historySlot().toMillis();
        this.slots = new Slot[config.slotCount()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    @Override
    public void onRequest(RequestRecord record) {
        long nanoUsd = 0;
        if (record.promptTokensSaved() + record.completionTokensSaved() > 0) {
            Optional<ModelPrice> price = prices.price(record.model());
            if (price.isPresent()) {
                nanoUsd = price.get().nanoUsd(record.promptTokensSaved(), record.completionTokensSaved());
            }
        }
        long index = Math.floorDiv(clock.millis(), slotMillis);
        synchronized (this) {
            if (index > latestIndex) {
                latestIndex = index;
            } else if (index <= latestIndex - slots.length) {
                return; // older than the window: its slot already holds later requests
            }
            Slot slot = slots[position(index)];
            if (slot.index != index) {
                slot.reset(index);
            }
            slot.add(record, nanoUsd);
        }
    }

    /**
     * Returns the slots of the window that ends with the current slot, oldest first.
     *
     * @return the history; every slot of the window, empty ones included
     */
    public HistoryView snapshot() {
        long nowMillis = clock.millis();
        long current = Math.floorDiv(nowMillis, slotMillis);
        List<HistoryView.Slot> views = new ArrayList<>(slots.length);
        Slot sum = new Slot();
        sum.reset(current - slots.length + 1);
        synchronized (this) {
            for (long index = current - slots.length + 1; index <= current; index++) {
                Slot slot = slots[position(index)];
                if (slot.index == index) {
                    views.add(slot.view(slotMillis));
                    sum.addAll(slot);
                } else {
                    views.add(Slot.empty(index).view(slotMillis));
                }
            }
        }
        return new HistoryView(Instant.ofEpochMilli(nowMillis), slotMillis / 1000, sum.view(slotMillis), views);
    }

    private int position(long index) {
        return (int) Math.floorMod(index, (long) slots.length);
    }

    /** The counts of one slot; guarded by the history's lock. */
    private static final class Slot {
        long index = Long.MIN_VALUE;
        long exactHits;
        long semanticHits;
        long misses;
        long bypasses;
        long verifierRejections;
        long cacheErrors;
        long upstreamErrors;
        long tokensSaved;
        long nanoUsdSaved;
        long hitLatencyNanos;
        long missLatencyNanos;

        static Slot empty(long index) {
            Slot slot = new Slot();
            slot.index = index;
            return slot;
        }

        void reset(long newIndex) {
            index = newIndex;
            exactHits = 0;
            semanticHits = 0;
            misses = 0;
            bypasses = 0;
            verifierRejections = 0;
            cacheErrors = 0;
            upstreamErrors = 0;
            tokensSaved = 0;
            nanoUsdSaved = 0;
            hitLatencyNanos = 0;
            missLatencyNanos = 0;
        }

        void add(RequestRecord r, long nanoUsd) {
            switch (r.outcome()) {
                case EXACT_HIT -> exactHits++;
                case SEMANTIC_HIT -> semanticHits++;
                case MISS -> misses++;
                case BYPASS -> bypasses++;
            }
            if (r.verifierRejected()) {
                verifierRejections++;
            }
            if (r.cacheError()) {
                cacheErrors++;
            }
            if (r.upstreamError()) {
                upstreamErrors++;
            }
            tokensSaved = saturatedAdd(tokensSaved, r.promptTokensSaved() + r.completionTokensSaved());
            nanoUsdSaved = saturatedAdd(nanoUsdSaved, nanoUsd);
            long latency = Math.max(0, r.latencyNanos());
            if (r.outcome().isHit()) {
                hitLatencyNanos = saturatedAdd(hitLatencyNanos, latency);
            } else {
                missLatencyNanos = saturatedAdd(missLatencyNanos, latency);
            }
        }

        void addAll(Slot other) {
            exactHits += other.exactHits;
            semanticHits += other.semanticHits;
            misses += other.misses;
            bypasses += other.bypasses;
            verifierRejections += other.verifierRejections;
            cacheErrors += other.cacheErrors;
            upstreamErrors += other.upstreamErrors;
            tokensSaved = saturatedAdd(tokensSaved, other.tokensSaved);
            nanoUsdSaved = saturatedAdd(nanoUsdSaved, other.nanoUsdSaved);
            hitLatencyNanos = saturatedAdd(hitLatencyNanos, other.hitLatencyNanos);
            missLatencyNanos = saturatedAdd(missLatencyNanos, other.missLatencyNanos);
        }

        HistoryView.Slot view(long slotMillis) {
            long hits = exactHits + semanticHits;
            long upstream = misses + bypasses;
            return new HistoryView.Slot(
                    Instant.ofEpochMilli(index * slotMillis),
                    hits + upstream,
                    exactHits,
                    semanticHits,
                    misses,
                    bypasses,
                    hits + misses == 0 ? 0.0 : (double) hits / (hits + misses),
                    verifierRejections,
                    cacheErrors,
                    upstreamErrors,
                    tokensSaved,
                    nanoUsdSaved / 1e9,
                    hits == 0 ? 0.0 : hitLatencyNanos / 1e6 / hits,
                    upstream == 0 ? 0.0 : missLatencyNanos / 1e6 / upstream);
        }

        private static long saturatedAdd(long a, long b) {
            long sum = a + b;
            // Overflow only when both operands have the same sign and the sum has the other.
            if (((a ^ sum) & (b ^ sum)) < 0) {
                return sum < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            return sum;
        }
    }
}
