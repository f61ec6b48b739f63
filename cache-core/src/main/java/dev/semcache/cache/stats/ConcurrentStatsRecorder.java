package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StatsRecorder} that keeps its counts in this process, in {@link LongAdder}s and a fixed-size logarithmic
 * latency histogram (memory does not grow with the number of lookups).
 *
 * <p>Saved tokens are priced with the {@link PriceTable} given at construction. Per-model savings are kept for at most
 * {@value #MAX_MODELS} distinct model names, since clients choose them; later names are counted under {@value
 * #OTHER_MODELS}.
 *
 * <p>Thread-safe; recording never blocks. A {@link #snapshot()} taken while other threads record is not atomic across
 * counters, but each count in it was true at some moment during the call.
 *
 * @since 0.1.0
 */
public final class ConcurrentStatsRecorder implements StatsRecorder {
    /** The most distinct model names kept apart in {@link CacheStats#models()}. */
    public static final int MAX_MODELS = 256;

    /** The name under which models past {@link #MAX_MODELS} are counted. */
    public static final String OTHER_MODELS = "(other)";

    private final PriceTable prices;
    private final LongAdder exactHits = new LongAdder();
    private final LongAdder semanticHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder bypasses = new LongAdder();
    private final LongAdder verifierRejections = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder nanoUsd = new LongAdder();
    private final LongAdder unknownPriceTokens = new LongAdder();
    private final DoubleAdder similaritySum = new DoubleAdder();
    private final AtomicLongArray latency = new AtomicLongArray(LatencyHistogram.BUCKETS);
    private final Map<String, ModelCounters> models = new ConcurrentHashMap<>();

    /**
     * Creates a recorder.
     *
     * @param prices the prices used to turn saved tokens into dollars
     */
    public ConcurrentStatsRecorder(PriceTable prices) {
        this.prices = requireNonNull(prices, "prices");
    }

    /**
     * Returns the price table this recorder uses.
     *
     * @return the table
     */
    public PriceTable prices() {
        return prices;
    }

    @Override
    public void exactHit() {
        exactHits.increment();
    }

    @Override
    public void semanticHit(double similarity) {
        semanticHits.increment();
        similaritySum.add(similarity);
    }

    @Override
    public void miss() {
        misses.increment();
    }

    @Override
    public void bypass(String reason) {
        bypasses.increment();
    }

    @Override
    public void verifierRejection(String reason) {
        verifierRejections.increment();
    }

    @Override
    public void error() {
        errors.increment();
    }

    @Override
    public void lookupLatency(long nanos) {
        latency.incrementAndGet(LatencyHistogram.bucket(nanos));
    }

    @Override
    public void tokensSaved(String model, long prompt, long completion) {
        requireNonNull(model, "model");
        long p = Math.max(0, prompt);
        long c = Math.max(0, completion);
        promptTokens.add(p);
        completionTokens.add(c);
        ModelCounters counters = models.get(model);
        if (counters == null) {
            String key = models.size() >= MAX_MODELS ? OTHER_MODELS : model;
            counters = models.computeIfAbsent(
                    key,
                    k -> new ModelCounters(
                            k.equals(OTHER_MODELS) ? null : prices.price(k).orElse(null)));
        }
        counters.hits.increment();
        counters.prompt.add(p);
        counters.completion.add(c);
        // The (other) bucket prices each model on its own; a named bucket has one price.
        ModelPrice price =
                counters.price != null ? counters.price : prices.price(model).orElse(null);
        if (price == null) {
            unknownPriceTokens.add(CacheStats.saturatedAdd(p, c));
            counters.unknown.add(CacheStats.saturatedAdd(p, c));
        } else {
            long cost = price.nanoUsd(p, c);
            nanoUsd.add(cost);
            counters.nanoUsd.add(cost);
        }
    }

    @Override
    public CacheStats snapshot() {
        CacheStats.Builder b = CacheStats.builder()
                .exactHits(exactHits.sum())
                .semanticHits(semanticHits.sum())
                .misses(misses.sum())
                .bypasses(bypasses.sum())
                .verifierRejections(verifierRejections.sum())
                .errors(errors.sum())
                .promptTokensSaved(promptTokens.sum())
                .completionTokensSaved(completionTokens.sum())
                .nanoUsdSaved(Math.max(0, nanoUsd.sum()))
                .tokensWithUnknownPrice(unknownPriceTokens.sum())
                .semanticSimilaritySum(similaritySum.sum());
        long[] buckets = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = latency.get(i);
        }
        b.latencyBuckets(buckets);
        models.forEach((name, counters) -> b.model(new ModelSavings(
                name,
                counters.hits.sum(),
                counters.prompt.sum(),
                counters.completion.sum(),
                name.equals(OTHER_MODELS) ? counters.unknown.sum() == 0 : counters.price != null,
                Math.max(0, counters.nanoUsd.sum()))));
        return b.build();
    }

    @Override
    public String toString() {
        return "ConcurrentStatsRecorder[" + snapshot() + "]";
    }

    private static final class ModelCounters {
        final LongAdder hits = new LongAdder();
        final LongAdder prompt = new LongAdder();
        final LongAdder completion = new LongAdder();
        final LongAdder nanoUsd = new LongAdder();
        final LongAdder unknown = new LongAdder();
        final @Nullable ModelPrice price;

        ModelCounters(@Nullable ModelPrice price) {
            this.price = price;
        }
    }
}
