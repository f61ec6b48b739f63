package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What the cache did with one labelled pair: {@code text_a} stored, {@code text_b} looked up.
 *
 * @param pair the row
 * @param outcome {@code exact} or {@code semantic} for a hit; for a miss the {@link dev.semcache.cache.MissReason}
 *     code ({@code not_found}, {@code rejected}, {@code max_tokens}, {@code error}); {@code bypass:<reason>} when the
 *     cache left the lookup alone; {@code not_stored} when {@code text_a} could not be stored
 * @param similarity the cosine similarity of the candidate the lookup found (1.0 for an exact hit), or NaN when the
 *     vector search returned none at the lookup's threshold
 * @param verdict the verifier's reason ({@code accepted}, or why it rejected), or {@code null} when it was not asked
 * @param hit whether the lookup served the stored answer
 * @param lookupThreshold the similarity threshold the lookup ran with
 * @since 0.1.0
 */
public record PairOutcome(
        LabelledPair pair,
        String outcome,
        double similarity,
        @Nullable String verdict,
        boolean hit,
        double lookupThreshold) {

    /** Validates the values. */
    public PairOutcome {
        requireNonNull(pair, "pair");
        requireNonNull(outcome, "outcome");
    }

    /**
     * Returns whether the same lookup would have hit at a higher threshold: an exact hit always does, a semantic
     * candidate does when its similarity reaches the threshold and the verifier accepted it. This replays the cache's
     * own rule on the similarity and verdict its lookup produced; it is exact for thresholds at or above the one the
     * lookup ran with, since the candidates seen then include every candidate at the higher threshold.
     *
     * @param threshold a threshold at least {@link #lookupThreshold()}
     * @return whether the lookup would have hit
     * @throws IllegalArgumentException if the threshold is below the lookup's
     */
    public boolean hitAt(double threshold) {
        if (threshold < lookupThreshold) {
            throw new IllegalArgumentException("the lookup ran at threshold " + lookupThreshold
                    + "; what it would do at the lower " + threshold + " is unknown");
        }
        if (outcome.equals("exact")) {
            return true;
        }
        if (Double.isNaN(similarity) || similarity < threshold) {
            return false;
        }
        return hit || "accepted".equals(verdict);
    }
    /**
     * Returns what the same lookup would have reported at a higher threshold, by the rule of {@link #hitAt(double)}:
     * {@code exact}, {@code semantic}, {@code rejected}, {@code not_found}, or this outcome's own code when no
     * candidate was seen.
     *
     * @param threshold a threshold at least {@link #lookupThreshold()}
     * @return the outcome code
     * @throws IllegalArgumentException if the threshold is below the lookup's
     */
    public String outcomeAt(double threshold) {
        boolean hitThen = hitAt(threshold);
        if (threshold == lookupThreshold || outcome.equals("exact") || Double.isNaN(similarity)) {
            return outcome;
        }
        if (hitThen) {
            return "semantic";
        }
        return similarity < threshold ? "not_found" : "rejected";
    }
}
