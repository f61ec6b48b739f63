package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

/**
 * The decisions at one threshold of a sweep.
 *
 * @param threshold the similarity threshold
 * @param counts the decisions' counts
 * @since 0.1.0
 */
public record SweepPoint(double threshold, Confusion counts) {

    /** Validates the values. */
    public SweepPoint {
        requireNonNull(counts, "counts");
    }
}
