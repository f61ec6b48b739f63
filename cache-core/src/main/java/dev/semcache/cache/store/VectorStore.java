package dev.semcache.cache.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where cache entries and their vectors live: the service provider interface behind the semantic cache.
 *
 * <p>Every method returns a {@link CompletionStage}. Non-blocking implementations (Lettuce) complete it on their I/O
 * threads; blocking ones (in-memory, Jedis) do the work on the calling thread and return a completed stage. A stage
 * completes exceptionally with a {@link StoreUnavailableException} when the backing store cannot be reached; callers
 * (the cache) treat that as a miss and never surface it to their own callers.
 *
 * <p>Entries expire after the time to live given when they were put; an expired entry is never returned. The exact
 * key of an entry (see {@link CacheEntry#exactKey()}) finds it without a vector search.
 *
 * <p>Implementations are thread-safe and must be {@link #close() closed} to release connections.
 *
 * @since 0.1.0
 */
public interface VectorStore extends AutoCloseable {

    /**
     * Stores an entry and its exact key, replacing any entry with the same id.
     *
     * @param entry the entry; its vector length must equal the store's dimension
     * @param ttl how long the entry lives, positive
     * @return a stage completed once the entry is visible to {@link #search} and {@link #findExact}
     */
    CompletionStage<Void> put(CacheEntry entry, Duration ttl);

    /**
     * Points another exact key at an existing entry, so a semantic hit becomes an exact hit next time.
     *
     * @param namespace the namespace of the entry
     * @param exactKey the additional exact key
     * @param entryId the id of an existing entry
     * @param ttl how long the link lives, positive
     * @return a stage completed once the link is visible
     */
    CompletionStage<Void> linkExact(String namespace, String exactKey, String entryId, Duration ttl);

    /**
     * Finds the entry an exact key points to.
     *
     * @param namespace the namespace to look in
     * @param exactKey the exact key
     * @return a stage with the live entry, or empty when none exists or it expired
     */
    CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey);

    /**
     * Finds the entries nearest to a vector within one namespace and scope.
     *
     * @param query the vector, namespace, scope, limit and minimum similarity
     * @return a stage with at most {@link VectorQuery#limit()} matches of similarity at least
     *     {@link VectorQuery#minSimilarity()}, most similar first
     */
    CompletionStage<List<VectorMatch>> search(VectorQuery query);

    /**
     * Adds one to an entry's hit count; does nothing when the entry no longer exists.
     *
     * @param namespace the namespace of the entry
     * @param entryId the entry's id
     * @return a stage completed once counted
     */
    CompletionStage<Void> recordHit(String namespace, String entryId);

    /**
     * Removes one entry.
     *
     * @param namespace the namespace of the entry
     * @param entryId the entry's id
     * @return a stage with {@code true} when an entry was removed
     */
    CompletionStage<Boolean> remove(String namespace, String entryId);

    /**
     * Removes every entry of a namespace.
     *
     * @param namespace the namespace to empty
     * @return a stage with the number of entries removed
     */
    CompletionStage<Long> removeNamespace(String namespace);

    /**
     * Removes every entry of this store (of its model and dimension).
     *
     * @return a stage with the number of entries removed
     */
    CompletionStage<Long> clear();

    /**
     * Returns a short human-readable description, such as {@code redis-jedis(127.0.0.1:6379)}, never containing
     * credentials.
     *
     * @return the description
     */
    String describe();

    /** Releases the connections held by this store. */
    @Override
    void close();
}
