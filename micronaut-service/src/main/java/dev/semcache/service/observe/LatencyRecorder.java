package dev.semcache.service.observe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of latencies with logarithmic buckets, for percentiles with a relative error under 5%.
 *
 * <p>Bucket {@code i} covers {@code [BASE^i, BASE^(i+1))} microseconds with {@code BASE = 1.1}; the last bucket also
 * holds everything above about 30 minutes. Thread-safe; recording costs one atomic increment.
 */
final class LatencyRecorder {
    private static final double BASE = 1.1;
    private static final double LOG_BASE = Math.log(BASE);
    private static final int BUCKETS = 225;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /**
     * Records one latency.
     *
     * @param nanos the latency in nanoseconds; negative values count as zero
     */
    void record(long nanos) {
        counts.incrementAndGet(bucket(nanos));
    }

    /**
     * Returns a snapshot of the counts.
     *
     * @return the counts per bucket
     */
    long[] snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
        }
        return copy;
    }

    /**
     * Returns a percentile of a snapshot.
     *
     * @param counts a snapshot from {@link #snapshot()}, or the sum of several
     * @param quantile the quantile in [0, 1], such as 0.99
     * @return the latency in milliseconds at that quantile (the middle of its bucket), or 0 when nothing was recorded
     */
    static double quantileMillis(long[] counts, double quantile) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0.0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                double lowMicros = i == 0 ? 0.0 : Math.pow(BASE, i);
                double highMicros = Math.pow(BASE, i + 1);
                return (lowMicros + highMicros) / 2.0 / 1000.0;
            }
        }
        return Math.pow(BASE, counts.length) / 1000.0;
    }

    static long count(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    static long[] sum(long[] a, long[] b) {
        long[] out = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    static long[] empty() {
        return new long[BUCKETS];
    }

    private static int bucket(long nanos) {
        double micros = nanos / 1000.0;
        if (micros < BASE) {
            return 0;
        }
        int i = (int) (Math.log(micros) / LOG_BASE);
        return Math.min(Math.max(i, 0), BUCKETS - 1);
    }
}
