package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

/**
 * An entry found by a vector search, with its cosine similarity to the query.
 *
 * @param entry the stored entry
 * @param similarity cosine similarity to the query vector, in [-1, 1] (1 = same direction)
 * @since 0.1.0
 */
public record VectorMatch(CacheEntry entry, double similarity) {

    /** Validates the values. */
    public VectorMatch {
        requireNonNull(entry, "entry");
        if (Double.isNaN(similarity)) {
            throw new IllegalArgumentException("similarity must be a number");
        }
    }
}
