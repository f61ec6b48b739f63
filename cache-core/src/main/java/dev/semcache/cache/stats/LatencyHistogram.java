package dev.semcache.cache.stats;

/**
 * A fixed-size logarithmic histogram layout for durations in nanoseconds: eight buckets per power of two, so every
 * bucket is at most 12.5% wide relative to its lower bound and 488 buckets cover every non-negative {@code long}.
 * Memory stays constant however many values are recorded.
 */
final class LatencyHistogram {
    static final int SUB_BUCKETS = 8;
    static final int BUCKETS = (63 - 2) * SUB_BUCKETS;

    private LatencyHistogram() {}

    /** Returns the bucket of a value; negative values count as zero. */
    static int bucket(long value) {
        if (value < SUB_BUCKETS) {
            return (int) Math.max(0, value);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) ((value >>> (exponent - 3)) & (SUB_BUCKETS - 1));
        return (exponent - 2) * SUB_BUCKETS + sub;
    }

    /** Returns the smallest value of a bucket. */
    static long lowerBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int exponent = bucket / SUB_BUCKETS + 2;
        int sub = bucket % SUB_BUCKETS;
        return ((long) SUB_BUCKETS + sub) << (exponent - 3);
    }

    /** Returns the value that stands for a bucket: the middle of its range. */
    static long representative(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        long lower = lowerBound(bucket);
        long width = 1L << (bucket / SUB_BUCKETS + 2 - 3);
        return lower + width / 2;
    }

    /**
     * Returns the value at a quantile of the counts: the representative of the bucket that holds the
     * {@code ceil(q * total)}-th smallest value, or 0 when there are no values.
     */
    static long quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total = CacheStats.saturatedAdd(total, c);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen = CacheStats.saturatedAdd(seen, counts[i]);
            if (seen >= rank) {
                return representative(i);
            }
        }
        return representative(counts.length - 1);
    }
}
