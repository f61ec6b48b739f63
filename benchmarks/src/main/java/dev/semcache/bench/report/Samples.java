package dev.semcache.bench.report;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole so that percentiles are exact (nearest rank) rather than bucketed.
 *
 * <p>Not thread-safe; merge per-thread samples with {@link #addAll(Samples)}.
 *
 * @since 0.1.0
 */
public final class Samples {
    private long[] values = new long[1024];
    private int size;
    private boolean sorted = true;

    /** Creates an empty set of samples. */
    public Samples() {}

    /**
     * Adds one sample.
     *
     * @param nanos the latency in nanoseconds
     */
    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && nanos < values[size - 1]) {
            sorted = false;
        }
        values[size++] = nanos;
    }

    /**
     * Adds every sample of another set.
     *
     * @param other the other samples
     */
    public void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    /**
     * Returns the number of samples.
     *
     * @return the count
     */
    public int count() {
        return size;
    }

    /**
     * Returns the sum of the samples.
     *
     * @return nanoseconds
     */
    public long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }

    /**
     * Returns the mean.
     *
     * @return nanoseconds, 0 when empty
     */
    public double mean() {
        return size == 0 ? 0 : (double) sum() / size;
    }

    /**
     * Returns a percentile by the nearest-rank method: the smallest sample with at least {@code q} of the samples at
     * or below it.
     *
     * @param q the quantile in [0, 1]; 0.5 for the median
     * @return nanoseconds, 0 when empty
     * @throws IllegalArgumentException if q is outside [0, 1]
     */
    public long percentile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], was " + q);
        }
        if (size == 0) {
            return 0;
        }
        sort();
        int rank = (int) Math.ceil(q * size);
        return values[Math.max(0, rank - 1)];
    }

    /**
     * Returns the largest sample.
     *
     * @return nanoseconds, 0 when empty
     */
    public long max() {
        return percentile(1.0);
    }

    /**
     * Counts the samples per bucket.
     *
     * @param upperBounds the buckets' upper bounds in nanoseconds, ascending; a last bucket takes the rest
     * @return {@code upperBounds.length + 1} counts
     */
    public long[] histogram(long[] upperBounds) {
        long[] counts = new long[upperBounds.length + 1];
        for (int i = 0; i < size; i++) {
            int bucket = Arrays.binarySearch(upperBounds, values[i]);
            counts[bucket >= 0 ? bucket : -bucket - 1]++;
        }
        return counts;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}
