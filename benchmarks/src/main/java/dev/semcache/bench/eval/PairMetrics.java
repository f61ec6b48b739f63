package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Counts the decisions of an evaluation, overall, per kind and over a range of thresholds.
 *
 * @since 0.1.0
 */
public final class PairMetrics {

    /** The name under which rows without a kind are counted in {@link #byKind}. */
    public static final String NO_KIND = "(none)";

    private PairMetrics() {}

    /**
     * Counts the decisions the lookups made.
     *
     * @param outcomes the outcomes
     * @return the counts
     */
    public static Confusion count(List<PairOutcome> outcomes) {
        Confusion counts = Confusion.empty();
        for (PairOutcome outcome : outcomes) {
            counts = counts.plus(outcome.pair().same(), outcome.hit());
        }
        return counts;
    }

    /**
     * Counts the decisions the lookups would have made at a threshold; see {@link PairOutcome#hitAt(double)}.
     *
     * @param outcomes the outcomes
     * @param threshold a threshold at least the one the lookups ran with
     * @return the counts
     */
    public static Confusion countAt(List<PairOutcome> outcomes, double threshold) {
        Confusion counts = Confusion.empty();
        for (PairOutcome outcome : outcomes) {
            counts = counts.plus(outcome.pair().same(), outcome.hitAt(threshold));
        }
        return counts;
    }

    /**
     * Counts the decisions per kind, at a threshold.
     *
     * @param outcomes the outcomes
     * @param threshold a threshold at least the one the lookups ran with
     * @return the counts by kind, sorted by name; rows without a kind under {@value #NO_KIND}; empty when no row has a
     *     kind
     */
    public static Map<String, Confusion> byKind(List<PairOutcome> outcomes, double threshold) {
        boolean anyKind = outcomes.stream().anyMatch(o -> o.pair().kind() != null);
        if (!anyKind) {
            return Collections.emptySortedMap();
        }
        Map<String, Confusion> kinds = new TreeMap<>();
        for (PairOutcome outcome : outcomes) {
            String kind = outcome.pair().kind() != null ? outcome.pair().kind() : NO_KIND;
            kinds.merge(kind, Confusion.empty().plus(outcome.pair().same(), outcome.hitAt(threshold)), Confusion::plus);
        }
        return kinds;
    }

    /**
     * Counts the decisions at every threshold of a range.
     *
     * @param outcomes the outcomes, from lookups at a threshold no higher than {@code from}
     * @param range the thresholds
     * @return one point per threshold, ascending
     */
    public static List<SweepPoint> sweep(List<PairOutcome> outcomes, ThresholdRange range) {
        requireNonNull(range, "range");
        List<SweepPoint> points = new ArrayList<>();
        for (double threshold : range.values()) {
            points.add(new SweepPoint(threshold, countAt(outcomes, threshold)));
        }
        return points;
    }

    /**
     * Returns the lowest threshold of a sweep whose hits reach a precision, among the points with at least one hit.
     *
     * @param points the sweep, ascending
     * @param targetPrecision the precision to reach, in [0, 1]
     * @return the threshold, or empty when no point with a hit reaches it
     */
    public static OptionalDouble lowestThresholdReaching(List<SweepPoint> points, double targetPrecision) {
        for (SweepPoint point : points) {
            if (point.counts().hits() > 0 && point.counts().precision() >= targetPrecision) {
                return OptionalDouble.of(point.threshold());
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * A range of thresholds given as {@code FROM:TO:STEP}, both ends included.
     *
     * @param from the lowest threshold
     * @param to the highest threshold
     * @param step the distance between two thresholds, positive
     * @since 0.1.0
     */
    public record ThresholdRange(BigDecimal from, BigDecimal to, BigDecimal step) {

        /** Validates the range. */
        public ThresholdRange {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            requireNonNull(step, "step");
            if (from.signum() < 0 || to.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("thresholds must lie in [0, 1], were " + from + ":" + to);
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("FROM must not exceed TO, were " + from + ":" + to);
            }
            if (step.signum() <= 0) {
                throw new IllegalArgumentException("STEP must be positive, was " + step);
            }
            if (to.subtract(from).divide(step, java.math.RoundingMode.FLOOR).compareTo(BigDecimal.valueOf(10_000))
                    > 0) {
                throw new IllegalArgumentException("more than 10,000 thresholds in " + from + ":" + to + ":" + step);
            }
        }

        /**
         * Parses {@code FROM:TO:STEP}, such as {@code 0.80:0.99:0.01}.
         *
         * @param text the range
         * @return the range
         * @throws IllegalArgumentException if malformed or out of [0, 1]
         */
        public static ThresholdRange parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected FROM:TO:STEP such as 0.80:0.99:0.01, was '" + text + "'");
            }
            try {
                return new ThresholdRange(
                        new BigDecimal(parts[0].trim()),
                        new BigDecimal(parts[1].trim()),
                        new BigDecimal(parts[2].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "expected FROM:TO:STEP of decimal numbers such as 0.80:0.99:0.01, was '" + text + "'", e);
            }
        }

        /**
         * Returns the thresholds, computed in decimal so that 0.80 + 12 × 0.01 is exactly 0.92.
         *
         * @return the thresholds, ascending, {@code from} first and {@code to} last when the step reaches it
         */
        public List<Double> values() {
            List<Double> values = new ArrayList<>();
            for (BigDecimal t = from; t.compareTo(to) <= 0; t = t.add(step)) {
                values.add(t.doubleValue());
            }
            return values;
        }

        /**
         * Returns the lowest threshold.
         *
         * @return {@code from} as a double
         */
        public double lowest() {
            return from.doubleValue();
        }

        @Override
        public String toString() {
            return from.toPlainString() + ":" + to.toPlainString() + ":" + step.toPlainString();
        }
    }
}
