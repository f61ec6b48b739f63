package dev.semcache.bench.eval;

/**
 * The four counts of a cache's decisions on labelled pairs and the rates derived from them. A <em>positive</em> is a
 * hit (the cache served the stored answer); a row is <em>true</em> when its label is 1 (the answer is right for it).
 *
 * <p>Every rate whose denominator is zero is 0.0, never NaN (the convention of scikit-learn's {@code zero_division=0}),
 * so that JSON stays numeric; the counts tell an empty denominator apart from a real zero.
 *
 * @param tp label-1 rows that hit: right answers served
 * @param fp label-0 rows that hit: wrong answers served, the failure that matters most
 * @param tn label-0 rows that missed
 * @param fn label-1 rows that missed: money not saved
 * @since 0.1.0
 */
public record Confusion(long tp, long fp, long tn, long fn) {

    private static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    /** Validates that no count is negative. */
    public Confusion {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException(
                    "counts must not be negative, were tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn);
        }
    }

    /**
     * Returns the counts of no rows.
     *
     * @return all zeros
     */
    public static Confusion empty() {
        return EMPTY;
    }

    /**
     * Returns these counts plus one decision.
     *
     * @param same the row's label: {@code true} for 1
     * @param hit whether the cache served the stored answer
     * @return the new counts
     */
    public Confusion plus(boolean same, boolean hit) {
        if (same) {
            return hit ? new Confusion(tp + 1, fp, tn, fn) : new Confusion(tp, fp, tn, fn + 1);
        }
        return hit ? new Confusion(tp, fp + 1, tn, fn) : new Confusion(tp, fp, tn + 1, fn);
    }

    /**
     * Returns the sum of these counts and others.
     *
     * @param other the other counts
     * @return the sums
     */
    public Confusion plus(Confusion other) {
        return new Confusion(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn);
    }

    /**
     * Returns the number of rows.
     *
     * @return tp + fp + tn + fn
     */
    public long rows() {
        return tp + fp + tn + fn;
    }

    /**
     * Returns the number of hits.
     *
     * @return tp + fp
     */
    public long hits() {
        return tp + fp;
    }

    /**
     * Returns the share of hits that served a right answer.
     *
     * @return tp / (tp + fp), or 0.0 when there was no hit
     */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /**
     * Returns the share of label-1 rows that hit.
     *
     * @return tp / (tp + fn), or 0.0 when there was no label-1 row
     */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /**
     * Returns the harmonic mean of precision and recall.
     *
     * @return 2 tp / (2 tp + fp + fn), or 0.0 when there was neither a hit nor a label-1 row
     */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /**
     * Returns the share of label-0 rows that hit: how often a wrong answer is served when one could be.
     *
     * @return fp / (fp + tn), or 0.0 when there was no label-0 row
     */
    public double falseHitRate() {
        return ratio(fp, fp + tn);
    }

    /**
     * Returns the share of rows that hit.
     *
     * @return (tp + fp) / rows, or 0.0 when there was no row
     */
    public double hitRate() {
        return ratio(tp + fp, rows());
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
