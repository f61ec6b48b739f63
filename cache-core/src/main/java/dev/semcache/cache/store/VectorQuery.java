package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A nearest-neighbour query restricted to one namespace and scope.
 *
 * @param namespace the namespace to search
 * @param scope the scope hash every match must carry
 * @param vector the L2-normalised query vector; copied
 * @param limit the most matches to return, positive
 * @param minSimilarity the least cosine similarity (not distance) a match must have, in [-1, 1]
 * @since 0.1.0
 */
public record VectorQuery(String namespace, String scope, float[] vector, int limit, double minSimilarity) {

    /** Validates and copies the vector. */
    public VectorQuery {
        requireNonNull(namespace, "namespace");
        requireNonNull(scope, "scope");
        requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (!(minSimilarity >= -1.0 && minSimilarity <= 1.0)) {
            throw new IllegalArgumentException("minSimilarity must be in [-1, 1], was " + minSimilarity);
        }
        vector = vector.clone();
    }

    /**
     * Returns a copy of the query vector.
     *
     * @return the vector
     */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorQuery other
                && namespace.equals(other.namespace)
                && scope.equals(other.scope)
                && Arrays.equals(vector, other.vector)
                && limit == other.limit
                && Double.compare(minSimilarity, other.minSimilarity) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * namespace.hashCode() + scope.hashCode()) + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "VectorQuery[namespace=" + namespace + ", scope=" + scope + ", dim=" + vector.length + ", limit=" + limit
                + ", minSimilarity=" + minSimilarity + "]";
    }
}
