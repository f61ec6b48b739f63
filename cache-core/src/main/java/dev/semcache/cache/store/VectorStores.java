package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.internal.InMemoryVectorStore;
import dev.semcache.cache.store.internal.jedis.JedisVectorStore;
import dev.semcache.cache.store.internal.lettuce.LettuceVectorStore;
import java.time.Clock;

/**
 * Static factories for the standard {@link VectorStore} implementations.
 *
 * <p>The implementations themselves are not part of the API; only the {@link VectorStore} interface is.
 *
 * @since 0.1.0
 */
public final class VectorStores {

    private VectorStores() {}

    /**
     * Returns a new in-memory store whose entries expire by the system clock.
     *
     * @return a new, empty store
     * @see #inMemory(Clock)
     */
    public static VectorStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * Returns a new in-memory store whose entries expire by the given clock.
     *
     * <p>The store searches by brute force: it computes the dot product of the query with every live entry of the
     * namespace and scope, which equals the cosine similarity because vectors are L2-normalised. It suits tests,
     * single-process use and caches of up to some ten thousand entries. Expired entries are never returned and are
     * dropped lazily when a lookup meets them or when an entry is put.
     *
     * <p>The dimension of the store is set by the first entry put; afterwards, entries and queries of another length
     * are rejected with {@link IllegalArgumentException}.
     *
     * <p>The store is thread-safe; every stage it returns is already completed.
     *
     * @param clock the clock deciding when entries expire; tests pass a fake one
     * @return a new, empty store
     */
    public static VectorStore inMemory(Clock clock) {
        return new InMemoryVectorStore(requireNonNull(clock, "clock"));
    }

    /**
     * Returns a store on Redis with the Query Engine (Redis Stack 7.2+, Redis 8), through a pooled, blocking Jedis
     * client.
     *
     * <p>Each call borrows one of {@link RedisConnectionConfig#poolSize()} connections and does its work on the
     * calling thread; the returned stages are already completed. A Redis failure completes a stage exceptionally with
     * a {@link StoreUnavailableException} naming host, port and cause, never the password. Vectors whose length is not
     * {@link VectorIndexOptions#dimension()} are rejected with {@link IllegalArgumentException}.
     *
     * <p>The index is created now if missing (safely when several processes start at once); if Redis cannot be
     * reached yet, this method still returns and the next search creates the index. The store must be closed.
     *
     * @param connection where Redis is, with timeouts and pool size
     * @param index the model, dimension, algorithm and key prefix
     * @return a new store owning its connection pool
     */
    public static VectorStore jedis(RedisConnectionConfig connection, VectorIndexOptions index) {
        return new JedisVectorStore(requireNonNull(connection, "connection"), requireNonNull(index, "index"));
    }

    /**
     * Returns a store on Redis with the Query Engine (Redis Stack 7.2+, Redis 8), through one multiplexed,
     * non-blocking Lettuce connection.
     *
     * <p>No method blocks: stages are completed by Lettuce's I/O threads, so work chained onto them must not block
     * either. A Redis failure completes a stage exceptionally with a {@link StoreUnavailableException} naming host,
     * port and cause, never the password. Vectors whose length is not {@link VectorIndexOptions#dimension()} are
     * rejected with {@link IllegalArgumentException}. {@link RedisConnectionConfig#poolSize()} does not apply.
     *
     * <p>This method starts connecting and returns at once; a failed connection is retried by the next call, and an
     * open one reconnects by itself after a drop. The index is created on first use if missing (safely when several
     * processes start at once). The store must be closed.
     *
     * @param connection where Redis is, with timeouts
     * @param index the model, dimension, algorithm and key prefix
     * @return a new store owning its client and connection
     */
    public static VectorStore lettuce(RedisConnectionConfig connection, VectorIndexOptions index) {
        return new LettuceVectorStore(requireNonNull(connection, "connection"), requireNonNull(index, "index"));
    }
}
