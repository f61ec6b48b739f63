package dev.semcache.bench.jmh;

import dev.semcache.bench.report.BenchStore;

/**
 * The vector store implementations the suites run over. The Redis ones need a Redis Stack: its URL comes from the
 * system property {@value #URL_PROPERTY} (pass it to the forks with {@code -jvmArgsAppend}) or the environment variable
 * {@code REDIS_URL}; each trial writes under a key prefix of its own and drops it at the end.
 *
 * @since 0.1.0
 */
public enum StoreKind {
    /** {@link dev.semcache.cache.store.VectorStores#inMemory()}: brute force over the namespace, no network. */
    IN_MEMORY,
    /** {@link dev.semcache.cache.store.VectorStores#jedis}: pooled, blocking. */
    JEDIS,
    /** {@link dev.semcache.cache.store.VectorStores#lettuce}: one multiplexed, non-blocking connection. */
    LETTUCE;

    /** The system property naming the Redis URL. */
    public static final String URL_PROPERTY = "semcache.redis.url";

    /**
     * Opens a fresh store of this kind.
     *
     * @param modelId the embedding model's id
     * @param dimension the vectors' length
     * @param purpose a short word for the key prefix
     * @return the store, to be closed (which removes what it wrote)
     * @throws IllegalStateException if a Redis kind is asked for and no URL is set
     */
    public BenchStore open(String modelId, int dimension, String purpose) {
        return switch (this) {
            case IN_MEMORY -> BenchStore.inMemory();
            case JEDIS -> BenchStore.redis(redisUrl(), BenchStore.Client.JEDIS, modelId, dimension, purpose);
            case LETTUCE -> BenchStore.redis(redisUrl(), BenchStore.Client.LETTUCE, modelId, dimension, purpose);
        };
    }

    /**
     * Returns the Redis URL the suites use.
     *
     * @return the URL
     * @throws IllegalStateException if neither the property nor the environment variable is set
     */
    public static String redisUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv("REDIS_URL");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("the Redis store kinds need a Redis Stack: set REDIS_URL or -D"
                    + URL_PROPERTY + "=redis://host:port, or run with -p store=IN_MEMORY");
        }
        return url;
    }
}
