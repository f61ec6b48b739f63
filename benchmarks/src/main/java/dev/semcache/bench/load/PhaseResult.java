package dev.semcache.bench.load;

import static java.util.Objects.requireNonNull;

import dev.semcache.bench.report.Samples;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load phase measured: latency per outcome ({@code HIT}, {@code MISS}, {@code BYPASS} from the service's
 * {@code X-Cache} header, {@code DIRECT} for the upstream itself), time to first byte for streams, errors by status.
 *
 * <p>Not thread-safe while being filled (each worker fills its own and they are {@linkplain #merge merged}).
 *
 * @since 0.1.0
 */
public final class PhaseResult {
    private final String name;
    private final Map<String, Samples> latency = new TreeMap<>();
    private final Map<String, Samples> firstByte = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private long wallNanos;

    /**
     * Creates an empty result.
     *
     * @param name the phase's name, such as {@code service-stream}
     */
    public PhaseResult(String name) {
        this.name = requireNonNull(name, "name");
    }

    /**
     * Records one successful request.
     *
     * @param outcome {@code HIT}, {@code MISS}, {@code BYPASS} or {@code DIRECT}
     * @param nanos the request's whole latency
     * @param firstByteNanos the time to the first body byte, or a negative number when not measured
     */
    public void record(String outcome, long nanos, long firstByteNanos) {
        latency.computeIfAbsent(outcome, k -> new Samples()).add(nanos);
        if (firstByteNanos >= 0) {
            firstByte.computeIfAbsent(outcome, k -> new Samples()).add(firstByteNanos);
        }
    }

    /**
     * Records a failed request.
     *
     * @param reason the HTTP status or the exception's class name
     */
    public void error(String reason) {
        errors.merge(reason, 1L, Long::sum);
    }

    /**
     * Adds another worker's measurements.
     *
     * @param other the other result
     */
    public void merge(PhaseResult other) {
        other.latency.forEach(
                (k, v) -> latency.computeIfAbsent(k, x -> new Samples()).addAll(v));
        other.firstByte.forEach(
                (k, v) -> firstByte.computeIfAbsent(k, x -> new Samples()).addAll(v));
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }

    /**
     * Sets the phase's wall-clock duration.
     *
     * @param nanos nanoseconds
     */
    public void wallNanos(long nanos) {
        this.wallNanos = nanos;
    }

    /**
     * Returns the phase's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the latency samples by outcome.
     *
     * @return the samples, sorted by outcome
     */
    public Map<String, Samples> latency() {
        return latency;
    }

    /**
     * Returns the time-to-first-byte samples by outcome (streams only).
     *
     * @return the samples
     */
    public Map<String, Samples> firstByte() {
        return firstByte;
    }

    /**
     * Returns the failed requests by reason.
     *
     * @return the counts
     */
    public Map<String, Long> errors() {
        return errors;
    }

    /**
     * Returns the successful requests.
     *
     * @return the count
     */
    public long completed() {
        return latency.values().stream().mapToLong(Samples::count).sum();
    }

    /**
     * Returns the failed requests.
     *
     * @return the count
     */
    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the phase's wall-clock duration.
     *
     * @return nanoseconds
     */
    public long wallNanos() {
        return wallNanos;
    }

    /**
     * Returns the successful requests per second of wall-clock time.
     *
     * @return requests per second, 0 when no time passed
     */
    public double throughput() {
        return wallNanos <= 0 ? 0 : completed() / (wallNanos / 1e9);
    }

    /**
     * Returns the samples of one outcome.
     *
     * @param outcome the outcome
     * @return the samples, empty when none
     */
    public Samples samples(String outcome) {
        return latency.getOrDefault(outcome, new Samples());
    }

    /**
     * Returns the samples of every outcome together.
     *
     * @return the samples
     */
    public Samples all() {
        Samples all = new Samples();
        latency.values().forEach(all::addAll);
        return all;
    }
}
