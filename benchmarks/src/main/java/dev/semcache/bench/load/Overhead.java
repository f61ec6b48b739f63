package dev.semcache.bench.load;

import dev.semcache.bench.report.Samples;

/**
 * The service's overhead on one kind of request: its latency minus the latency of the same requests sent to the
 * upstream directly, at the same concurrency in the same run, compared quantile by quantile.
 *
 * <p>The difference of two quantiles is not the quantile of the differences (requests are not paired), so the p99
 * figure is only indicative; p50 and mean are the robust ones. A hit's "overhead" is negative when the service answers
 * faster than the upstream would have.
 *
 * @param p50Millis service p50 minus direct p50
 * @param p90Millis service p90 minus direct p90
 * @param p99Millis service p99 minus direct p99
 * @param meanMillis service mean minus direct mean
 * @since 0.1.0
 */
public record Overhead(double p50Millis, double p90Millis, double p99Millis, double meanMillis) {

    /**
     * Compares service samples with direct samples.
     *
     * @param service the service's latencies for one outcome
     * @param direct the upstream's latencies when driven directly
     * @return the differences, in milliseconds; all zero when either side has no sample
     */
    public static Overhead of(Samples service, Samples direct) {
        if (service.count() == 0 || direct.count() == 0) {
            return new Overhead(0, 0, 0, 0);
        }
        return new Overhead(
                (service.percentile(0.5) - direct.percentile(0.5)) / 1e6,
                (service.percentile(0.9) - direct.percentile(0.9)) / 1e6,
                (service.percentile(0.99) - direct.percentile(0.99)) / 1e6,
                (service.mean() - direct.mean()) / 1e6);
    }
}
