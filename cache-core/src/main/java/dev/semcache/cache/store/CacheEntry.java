package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;

/**
 * One stored answer with the vector of the prompt that produced it.
 *
 * <p>The store treats {@code responseJson} as opaque text; the cache decides its format.
 *
 * @param id unique id of the entry within its namespace, safe in Redis key names
 * @param namespace the tenant namespace the entry belongs to
 * @param scope hash of everything that must match exactly for the answer to be reusable
 * @param exactKey hash of scope and normalised prompt text, for lookups without embedding
 * @param prompt the semantic text that was embedded
 * @param vector the L2-normalised embedding of {@code prompt}; copied on the way in and out
 * @param responseJson the stored answer, serialised by the cache
 * @param model the model that produced the answer
 * @param promptTokens input tokens the original call consumed, not negative
 * @param completionTokens output tokens the original call produced, not negative
 * @param createdAt when the answer was stored
 * @param hits how often the entry has been served, not negative
 * @since 0.1.0
 */
public record CacheEntry(
        String id,
        String namespace,
        String scope,
        String exactKey,
        String prompt,
        float[] vector,
        String responseJson,
        String model,
        long promptTokens,
        long completionTokens,
        Instant createdAt,
        long hits) {

    /** Validates and copies the vector. */
    public CacheEntry {
        requireNonNull(id, "id");
        requireNonNull(namespace, "namespace");
        requireNonNull(scope, "scope");
        requireNonNull(exactKey, "exactKey");
        requireNonNull(prompt, "prompt");
        requireNonNull(vector, "vector");
        requireNonNull(responseJson, "responseJson");
        requireNonNull(model, "model");
        requireNonNull(createdAt, "createdAt");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        if (promptTokens < 0 || completionTokens < 0 || hits < 0) {
            throw new IllegalArgumentException("promptTokens, completionTokens and hits must not be negative, were "
                    + promptTokens + ", " + completionTokens + ", " + hits);
        }
        vector = vector.clone();
    }

    /**
     * Returns a copy of the vector.
     *
     * @return the embedding of {@link #prompt()}
     */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /**
     * Returns a copy of this entry with another hit count.
     *
     * @param newHits the hit count
     * @return the copy
     */
    public CacheEntry withHits(long newHits) {
        return new CacheEntry(
                id,
                namespace,
                scope,
                exactKey,
                prompt,
                vector,
                responseJson,
                model,
                promptTokens,
                completionTokens,
                createdAt,
                newHits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheEntry other
                && id.equals(other.id)
                && namespace.equals(other.namespace)
                && scope.equals(other.scope)
                && exactKey.equals(other.exactKey)
                && prompt.equals(other.prompt)
                && Arrays.equals(vector, other.vector)
                && responseJson.equals(other.responseJson)
                && model.equals(other.model)
                && promptTokens == other.promptTokens
                && completionTokens == other.completionTokens
                && createdAt.equals(other.createdAt)
                && hits == other.hits;
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + namespace.hashCode();
    }

    @Override
    public String toString() {
        // The prompt and answer may be sensitive and large; keep them out of logs.
        return "CacheEntry[id=" + id + ", namespace=" + namespace + ", scope=" + scope + ", model=" + model
                + ", createdAt=" + createdAt + ", hits=" + hits + "]";
    }
}
