package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the service's chat completions requests, in total, per model and per namespace: outcomes, errors, tokens and
 * dollars saved, and end-to-end latency of hits and misses.
 *
 * <p>The cache core counts its own lookups ({@link CacheStats}); this adds what only the service sees: the namespace,
 * upstream errors and the latency the client experienced. At most {@value #MAX_KEYS} models and as many namespaces are
 * kept apart; later ones are counted under {@value #OTHER}, so that a flood of made-up credentials cannot exhaust
 * memory.
 *
 * <p>Thread-safe; recording never blocks and never throws.
 *
 * @since 0.1.0
 */
public final class ServiceStats implements RequestObserver {
    /** The most models, and the most namespaces, counted separately. */
    public static final int MAX_KEYS = 1000;

    /** The key under which models or namespaces past {@link #MAX_KEYS} are counted. */
    public static final String OTHER = "(other)";

    private final PriceTable prices;
    private final Instant since;
    private final Tally total = new Tally();
    private final ConcurrentMap<String, Tally> byModel = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Tally> byNamespace = new ConcurrentHashMap<>();

    /**
     * Creates empty statistics.
     *
     * @param prices the prices that turn saved tokens into dollars
     * @param clock tells when counting started
     */
    public ServiceStats(PriceTable prices, Clock clock) {
        this.prices = requireNonNull(prices, "prices");
        this.since = clock.instant();
    }

    /**
     * Records one finished request.
     *
     * @param record what happened
     */
    public void record(RequestRecord record) {
        long nanoUsd = 0;
        long unknown = 0;
        long saved = record.promptTokensSaved() + record.completionTokensSaved();
        if (saved > 0) {
            Optional<ModelPrice> price = prices.price(record.model());
            if (price.isPresent()) {
                nanoUsd = price.get().nanoUsd(record.promptTokensSaved(), record.completionTokensSaved());
            } else {
                unknown = saved;
            }
        }
        total.add(record, nanoUsd, unknown);
        tally(byModel, record.model()).add(record, nanoUsd, unknown);
        tally(byNamespace, record.namespace()).add(record, nanoUsd, unknown);
    }

    @Override
    public void onRequest(RequestRecord record) {
        record(record);
    }

    private static Tally tally(ConcurrentMap<String, Tally> map, String key) {
        Tally tally = map.get(key);
        if (tally != null) {
            return tally;
        }
        if (map.size() >= MAX_KEYS) {
            return map.computeIfAbsent(OTHER, k -> new Tally());
        }
        return map.computeIfAbsent(key, k -> new Tally());
    }

    /**
     * Returns the statistics so far, with the cache core's own counts.
     *
     * @param cache the cache core's statistics
     * @return the snapshot
     */
    public StatsView snapshot(CacheStats cache) {
        Map<String, StatsView.Totals> models = new TreeMap<>();
        byModel.forEach((k, v) -> models.put(k, v.totals()));
        Map<String, StatsView.Totals> namespaces = new TreeMap<>();
        byNamespace.forEach((k, v) -> namespaces.put(k, v.totals()));
        return new StatsView(since, total.totals(), models, namespaces, StatsView.CacheView.of(cache));
    }

    /**
     * Returns the totals over every request.
     *
     * @return the totals
     */
    public StatsView.Totals totals() {
        return total.totals();
    }

    /** Counters of one group of requests. */
    private static final class Tally {
        private final LongAdder exactHits = new LongAdder();
        private final LongAdder semanticHits = new LongAdder();
        private final LongAdder misses = new LongAdder();
        private final LongAdder bypasses = new LongAdder();
        private final LongAdder rejections = new LongAdder();
        private final LongAdder cacheErrors = new LongAdder();
        private final LongAdder upstreamErrors = new LongAdder();
        private final LongAdder promptTokensSaved = new LongAdder();
        private final LongAdder completionTokensSaved = new LongAdder();
        private final LongAdder nanoUsdSaved = new LongAdder();
        private final LongAdder tokensWithUnknownPrice = new LongAdder();
        private final LatencyRecorder hitLatency = new LatencyRecorder();
        private final LatencyRecorder missLatency = new LatencyRecorder();

        void add(RequestRecord r, long nanoUsd, long unknownPriceTokens) {
            switch (r.outcome()) {
                case EXACT_HIT -> exactHits.increment();
                case SEMANTIC_HIT -> semanticHits.increment();
                case MISS -> misses.increment();
                case BYPASS -> bypasses.increment();
            }
            if (r.verifierRejected()) {
                rejections.increment();
            }
            if (r.cacheError()) {
                cacheErrors.increment();
            }
            if (r.upstreamError()) {
                upstreamErrors.increment();
            }
            promptTokensSaved.add(r.promptTokensSaved());
            completionTokensSaved.add(r.completionTokensSaved());
            nanoUsdSaved.add(nanoUsd);
            tokensWithUnknownPrice.add(unknownPriceTokens);
            (r.outcome().isHit() ? hitLatency : missLatency).record(r.latencyNanos());
        }

        StatsView.Totals totals() {
            long exact = exactHits.sum();
            long semantic = semanticHits.sum();
            long miss = misses.sum();
            long hits = exact + semantic;
            long prompt = promptTokensSaved.sum();
            long completion = completionTokensSaved.sum();
            long unknown = tokensWithUnknownPrice.sum();
            return new StatsView.Totals(
                    hits + miss + bypasses.sum(),
                    hits,
                    exact,
                    semantic,
                    miss,
                    bypasses.sum(),
                    rejections.sum(),
                    cacheErrors.sum(),
                    upstreamErrors.sum(),
                    hits + miss == 0 ? 0.0 : (double) hits / (hits + miss),
                    prompt,
                    completion,
                    prompt + completion,
                    nanoUsdSaved.sum() / 1e9,
                    unknown,
                    unknown == 0,
                    StatsView.Latency.of(hitLatency.snapshot()),
                    StatsView.Latency.of(missLatency.snapshot()));
        }
    }
}
