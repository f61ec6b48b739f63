package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of what a cache counted: lookups by outcome, verifier rejections, absorbed errors, the tokens
 * and US dollars hits saved, and lookup latency.
 *
 * <p>Counts never overflow: sums saturate at {@link Long#MAX_VALUE}; {@link #minus(CacheStats)} floors each count at
 * zero. Use {@code later.minus(earlier)} for the numbers of an interval and {@link #plus(CacheStats)} to add up
 * several caches or processes.
 *
 * <p>Money: {@link #nanoUsdSaved()} adds up the dollars of models whose price was known; tokens of models the price
 * table does not know are counted in {@link #tokensWithUnknownPrice()} and never priced as zero.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CacheStats {
    private static final CacheStats EMPTY = builder().build();

    private final long exactHits;
    private final long semanticHits;
    private final long misses;
    private final long bypasses;
    private final long verifierRejections;
    private final long errors;
    private final long promptTokensSaved;
    private final long completionTokensSaved;
    private final long nanoUsdSaved;
    private final long tokensWithUnknownPrice;
    private final double semanticSimilaritySum;
    private final long[] latencyBuckets;
    private final SortedMap<String, ModelSavings> models;

    private CacheStats(Builder b, long[] latencyBuckets) {
        this.exactHits = b.exactHits;
        this.semanticHits = b.semanticHits;
        this.misses = b.misses;
        this.bypasses = b.bypasses;
        this.verifierRejections = b.verifierRejections;
        this.errors = b.errors;
        this.promptTokensSaved = b.promptTokensSaved;
        this.completionTokensSaved = b.completionTokensSaved;
        this.nanoUsdSaved = b.nanoUsdSaved;
        this.tokensWithUnknownPrice = b.tokensWithUnknownPrice;
        this.semanticSimilaritySum = b.semanticSimilaritySum;
        this.latencyBuckets = latencyBuckets;
        this.models = Collections.unmodifiableSortedMap(new TreeMap<>(b.models));
    }

    /**
     * Returns the snapshot with every count zero.
     *
     * @return the empty snapshot, a singleton
     */
    public static CacheStats empty() {
        return EMPTY;
    }

    /**
     * Returns a builder for a snapshot, for recorders that keep their counts elsewhere (such as in Redis).
     *
     * @return a new builder with every count zero
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of lookups: exact hits, semantic hits, misses and bypasses.
     *
     * @return the count, saturated
     */
    public long requests() {
        return saturatedAdd(saturatedAdd(exactHits, semanticHits), saturatedAdd(misses, bypasses));
    }

    /**
     * Returns the number of hits, exact and semantic.
     *
     * @return the count, saturated
     */
    public long hits() {
        return saturatedAdd(exactHits, semanticHits);
    }

    /**
     * Returns the number of hits found by exact key, without computing an embedding.
     *
     * @return the count
     */
    public long exactHits() {
        return exactHits;
    }

    /**
     * Returns the number of hits found by vector search and accepted by the verifier.
     *
     * @return the count
     */
    public long semanticHits() {
        return semanticHits;
    }

    /**
     * Returns the number of lookups that found nothing to serve, including those that failed and fell open.
     *
     * @return the count
     */
    public long misses() {
        return misses;
    }

    /**
     * Returns the number of requests the cache left alone (see {@code BypassReason}).
     *
     * @return the count
     */
    public long bypasses() {
        return bypasses;
    }

    /**
     * Returns the number of candidates the hit verifier rejected; a lookup can reject several.
     *
     * @return the count
     */
    public long verifierRejections() {
        return verifierRejections;
    }

    /**
     * Returns the number of store or embedder failures the cache absorbed; each also counts as a miss (or a failed
     * store).
     *
     * @return the count
     */
    public long errors() {
        return errors;
    }

    /**
     * Returns the ratio of hits to requests: {@code hits() / requests()}, bypasses included in the requests. With no
     * requests the rate is {@code 0.0}.
     *
     * @return the rate in [0, 1]
     */
    public double hitRate() {
        long requests = requests();
        return requests == 0 ? 0.0 : (double) hits() / requests;
    }

    /**
     * Returns the mean cosine similarity of semantic hits; {@code 0.0} with no semantic hits.
     *
     * @return the mean similarity
     */
    public double averageSemanticSimilarity() {
        return semanticHits == 0 ? 0.0 : semanticSimilaritySum / semanticHits;
    }

    /**
     * Returns the input tokens hits saved, priced or not.
     *
     * @return the token count
     */
    public long promptTokensSaved() {
        return promptTokensSaved;
    }

    /**
     * Returns the output tokens hits saved, priced or not.
     *
     * @return the token count
     */
    public long completionTokensSaved() {
        return completionTokensSaved;
    }

    /**
     * Returns the US dollars saved on models with a known price, in nano-dollars (10<sup>-9</sup> USD).
     *
     * @return the amount, saturated
     */
    public long nanoUsdSaved() {
        return nanoUsdSaved;
    }

    /**
     * Returns the US dollars saved on models with a known price. Tokens of unpriced models are not in it; see
     * {@link #tokensWithUnknownPrice()}.
     *
     * @return the amount in dollars
     */
    public double usdSaved() {
        return nanoUsdSaved / 1e9;
    }

    /**
     * Returns the tokens (input and output) saved on models the price table does not know; their dollar value is
     * unknown and not part of {@link #usdSaved()}.
     *
     * @return the token count
     */
    public long tokensWithUnknownPrice() {
        return tokensWithUnknownPrice;
    }

    /**
     * Returns the number of lookup durations recorded.
     *
     * @return the count
     */
    public long latencyCount() {
        long total = 0;
        for (long c : latencyBuckets) {
            total = saturatedAdd(total, c);
        }
        return total;
    }

    /**
     * Returns a quantile of the lookup durations, accurate to about 6% (the histogram has eight buckets per power of
     * two and reports the middle of a bucket).
     *
     * @param quantile the quantile in [0, 1], such as {@code 0.99}
     * @return the duration in nanoseconds, 0 when none was recorded
     * @throws IllegalArgumentException if the quantile is outside [0, 1]
     */
    public long latencyNanos(double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], was " + quantile);
        }
        return LatencyHistogram.quantile(latencyBuckets, quantile);
    }

    /**
     * Returns the median lookup duration.
     *
     * @return the duration in nanoseconds, 0 when none was recorded
     */
    public long latencyP50Nanos() {
        return latencyNanos(0.50);
    }

    /**
     * Returns the 90th percentile lookup duration.
     *
     * @return the duration in nanoseconds, 0 when none was recorded
     */
    public long latencyP90Nanos() {
        return latencyNanos(0.90);
    }

    /**
     * Returns the 99th percentile lookup duration.
     *
     * @return the duration in nanoseconds, 0 when none was recorded
     */
    public long latencyP99Nanos() {
        return latencyNanos(0.99);
    }

    /**
     * Returns the savings per model.
     *
     * @return an unmodifiable map from model name to its savings, sorted by name
     */
    public SortedMap<String, ModelSavings> models() {
        return models;
    }

    /**
     * Returns the sum of this snapshot and another, each count saturated.
     *
     * @param other the other snapshot
     * @return the sum
     */
    public CacheStats plus(CacheStats other) {
        requireNonNull(other, "other");
        Builder b = builder()
                .exactHits(saturatedAdd(exactHits, other.exactHits))
                .semanticHits(saturatedAdd(semanticHits, other.semanticHits))
                .misses(saturatedAdd(misses, other.misses))
                .bypasses(saturatedAdd(bypasses, other.bypasses))
                .verifierRejections(saturatedAdd(verifierRejections, other.verifierRejections))
                .errors(saturatedAdd(errors, other.errors))
                .promptTokensSaved(saturatedAdd(promptTokensSaved, other.promptTokensSaved))
                .completionTokensSaved(saturatedAdd(completionTokensSaved, other.completionTokensSaved))
                .nanoUsdSaved(saturatedAdd(nanoUsdSaved, other.nanoUsdSaved))
                .tokensWithUnknownPrice(saturatedAdd(tokensWithUnknownPrice, other.tokensWithUnknownPrice))
                .semanticSimilaritySum(semanticSimilaritySum + other.semanticSimilaritySum);
        b.models.putAll(models);
        other.models.forEach((name, s) -> b.models.merge(name, s, ModelSavings::plus));
        long[] buckets = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = saturatedAdd(latencyBuckets[i], other.latencyBuckets[i]);
        }
        return new CacheStats(b, buckets);
    }

    /**
     * Returns this snapshot less another, each count floored at zero: {@code later.minus(earlier)} gives an interval.
     *
     * @param other the snapshot to subtract
     * @return the difference
     */
    public CacheStats minus(CacheStats other) {
        requireNonNull(other, "other");
        Builder b = builder()
                .exactHits(floor(exactHits, other.exactHits))
                .semanticHits(floor(semanticHits, other.semanticHits))
                .misses(floor(misses, other.misses))
                .bypasses(floor(bypasses, other.bypasses))
                .verifierRejections(floor(verifierRejections, other.verifierRejections))
                .errors(floor(errors, other.errors))
                .promptTokensSaved(floor(promptTokensSaved, other.promptTokensSaved))
                .completionTokensSaved(floor(completionTokensSaved, other.completionTokensSaved))
                .nanoUsdSaved(floor(nanoUsdSaved, other.nanoUsdSaved))
                .tokensWithUnknownPrice(floor(tokensWithUnknownPrice, other.tokensWithUnknownPrice))
                .semanticSimilaritySum(Math.max(0.0, semanticSimilaritySum - other.semanticSimilaritySum));
        for (Map.Entry<String, ModelSavings> e : models.entrySet()) {
            ModelSavings earlier = other.models.get(e.getKey());
            b.models.put(
                    e.getKey(), earlier == null ? e.getValue() : e.getValue().minus(earlier));
        }
        long[] buckets = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = floor(latencyBuckets[i], other.latencyBuckets[i]);
        }
        return new CacheStats(b, buckets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheStats other
                && exactHits == other.exactHits
                && semanticHits == other.semanticHits
                && misses == other.misses
                && bypasses == other.bypasses
                && verifierRejections == other.verifierRejections
                && errors == other.errors
                && promptTokensSaved == other.promptTokensSaved
                && completionTokensSaved == other.completionTokensSaved
                && nanoUsdSaved == other.nanoUsdSaved
                && tokensWithUnknownPrice == other.tokensWithUnknownPrice
                && Double.compare(semanticSimilaritySum, other.semanticSimilaritySum) == 0
                && Arrays.equals(latencyBuckets, other.latencyBuckets)
                && models.equals(other.models);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exactHits, semanticHits, misses, bypasses, errors, nanoUsdSaved, models);
    }

    @Override
    public String toString() {
        return "CacheStats[requests=" + requests() + ", exactHits=" + exactHits + ", semanticHits=" + semanticHits
                + ", misses=" + misses + ", bypasses=" + bypasses + ", verifierRejections=" + verifierRejections
                + ", errors=" + errors + ", hitRate=" + hitRate() + ", promptTokensSaved=" + promptTokensSaved
                + ", completionTokensSaved=" + completionTokensSaved + ", usdSaved=" + usdSaved()
                + ", tokensWithUnknownPrice=" + tokensWithUnknownPrice + ", latencyP50Nanos=" + latencyP50Nanos()
                + ", latencyP99Nanos=" + latencyP99Nanos() + "]";
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow happened when both operands have the same sign and the sum's sign differs.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    static long saturatedSubtract(long a, long b) {
        long diff = a - b;
        if (((a ^ b) & (a ^ diff)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return diff;
    }

    private static long floor(long a, long b) {
        return Math.max(0, saturatedSubtract(a, b));
    }

    /**
     * Fills a {@link CacheStats}. Every count must not be negative. Not thread-safe.
     */
    public static final class Builder {
        private long exactHits;
        private long semanticHits;
        private long misses;
        private long bypasses;
        private long verifierRejections;
        private long errors;
        private long promptTokensSaved;
        private long completionTokensSaved;
        private long nanoUsdSaved;
        private long tokensWithUnknownPrice;
        private double semanticSimilaritySum;
        private final long[] latencyBuckets = new long[LatencyHistogram.BUCKETS];
        private final SortedMap<String, ModelSavings> models = new TreeMap<>();

        private Builder() {}

        /**
         * Sets the exact hits.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder exactHits(long count) {
            this.exactHits = check(count, "exactHits");
            return this;
        }

        /**
         * Sets the semantic hits.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder semanticHits(long count) {
            this.semanticHits = check(count, "semanticHits");
            return this;
        }

        /**
         * Sets the misses.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder misses(long count) {
            this.misses = check(count, "misses");
            return this;
        }

        /**
         * Sets the bypasses.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder bypasses(long count) {
            this.bypasses = check(count, "bypasses");
            return this;
        }

        /**
         * Sets the verifier rejections.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder verifierRejections(long count) {
            this.verifierRejections = check(count, "verifierRejections");
            return this;
        }

        /**
         * Sets the absorbed errors.
         *
         * @param count the count, not negative
         * @return this builder
         */
        public Builder errors(long count) {
            this.errors = check(count, "errors");
            return this;
        }

        /**
         * Sets the input tokens saved.
         *
         * @param tokens the count, not negative
         * @return this builder
         */
        public Builder promptTokensSaved(long tokens) {
            this.promptTokensSaved = check(tokens, "promptTokensSaved");
            return this;
        }

        /**
         * Sets the output tokens saved.
         *
         * @param tokens the count, not negative
         * @return this builder
         */
        public Builder completionTokensSaved(long tokens) {
            this.completionTokensSaved = check(tokens, "completionTokensSaved");
            return this;
        }

        /**
         * Sets the dollars saved on priced models.
         *
         * @param nanoUsd the amount in nano-dollars, not negative
         * @return this builder
         */
        public Builder nanoUsdSaved(long nanoUsd) {
            this.nanoUsdSaved = check(nanoUsd, "nanoUsdSaved");
            return this;
        }

        /**
         * Sets the tokens saved on unpriced models.
         *
         * @param tokens the count, not negative
         * @return this builder
         */
        public Builder tokensWithUnknownPrice(long tokens) {
            this.tokensWithUnknownPrice = check(tokens, "tokensWithUnknownPrice");
            return this;
        }

        /**
         * Sets the sum of the similarities of semantic hits.
         *
         * @param sum the sum
         * @return this builder
         */
        public Builder semanticSimilaritySum(double sum) {
            this.semanticSimilaritySum = sum;
            return this;
        }

        /**
         * Adds a number of lookup durations of one value.
         *
         * @param nanos the duration in nanoseconds
         * @param count how many lookups took it, not negative
         * @return this builder
         */
        public Builder addLatency(long nanos, long count) {
            int bucket = LatencyHistogram.bucket(nanos);
            latencyBuckets[bucket] = saturatedAdd(latencyBuckets[bucket], check(count, "count"));
            return this;
        }

        /**
         * Sets the savings of one model.
         *
         * @param savings the savings
         * @return this builder
         */
        public Builder model(ModelSavings savings) {
            models.put(savings.model(), savings);
            return this;
        }

        Builder latencyBuckets(long[] buckets) {
            System.arraycopy(buckets, 0, latencyBuckets, 0, LatencyHistogram.BUCKETS);
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         */
        public CacheStats build() {
            return new CacheStats(this, latencyBuckets.clone());
        }

        private static long check(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
