package dev.semcache.bench.report;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.VectorStores;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.search.SearchProtocol.SearchCommand;

/**
 * A vector store a benchmark owns for one run: in memory, or on Redis under a key prefix of its own
 * ({@code semcache-bench-<random>}) so that it never touches anyone else's data, emptied and its index dropped on
 * {@link #close()}.
 *
 * @since 0.1.0
 */
public final class BenchStore implements AutoCloseable {

    /** The client library of a Redis store. */
    public enum Client {
        /** {@link VectorStores#jedis}. */
        JEDIS,
        /** {@link VectorStores#lettuce}. */
        LETTUCE
    }

    private final VectorStore store;
    private final @Nullable RedisConnectionConfig redis;
    private final @Nullable VectorIndexOptions index;

    private BenchStore(VectorStore store, @Nullable RedisConnectionConfig redis, @Nullable VectorIndexOptions index) {
        this.store = store;
        this.redis = redis;
        this.index = index;
    }

    /**
     * Opens an in-memory store.
     *
     * @return the store
     */
    public static BenchStore inMemory() {
        return new BenchStore(VectorStores.inMemory(), null, null);
    }

    /**
     * Opens a store on Redis under a fresh key prefix.
     *
     * @param url the Redis URL, such as {@code redis://127.0.0.1:6379}
     * @param client the client library
     * @param modelId the embedding model's id
     * @param dimension the vectors' length
     * @param purpose a short word for the prefix, such as {@code replay}
     * @return the store
     * @throws IllegalArgumentException if the URL is malformed
     */
    public static BenchStore redis(String url, Client client, String modelId, int dimension, String purpose) {
        RedisConnectionConfig config = RedisConnectionConfig.fromUrl(requireNonNull(url, "url"));
        String prefix = "semcache-bench-" + purpose + "-"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        VectorIndexOptions index =
                VectorIndexOptions.builder(modelId, dimension).keyPrefix(prefix).build();
        VectorStore store =
                switch (client) {
                    case JEDIS -> VectorStores.jedis(config, index);
                    case LETTUCE -> VectorStores.lettuce(config, index);
                };
        return new BenchStore(store, config, index);
    }

    /**
     * Returns the store.
     *
     * @return the store
     */
    public VectorStore store() {
        return store;
    }

    /**
     * Returns the index options of a Redis store.
     *
     * @return the options, or {@code null} in memory
     */
    public @Nullable VectorIndexOptions index() {
        return index;
    }

    /**
     * Returns the connection of a Redis store.
     *
     * @return the connection settings, or {@code null} in memory
     */
    public @Nullable RedisConnectionConfig redis() {
        return redis;
    }

    /**
     * Returns the store's description.
     *
     * @return such as {@code in-memory} or {@code redis-jedis(127.0.0.1:6379)} plus the index name
     */
    public String describe() {
        return store.describe() + (index != null ? " index " + index.indexName() : "");
    }

    /** Removes every entry the run wrote, drops its index, and closes the store. */
    @Override
    public void close() {
        try {
            if (redis != null && index != null) {
                store.clear().toCompletableFuture().join();
                dropIndex(redis, index.indexName());
            }
        } finally {
            store.close();
        }
    }

    /**
     * Opens a raw Jedis connection to the same server, for commands that bypass the store.
     *
     * @param config the connection settings
     * @return a connection, to be closed
     */
    public static Jedis rawJedis(RedisConnectionConfig config) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .ssl(config.tls())
                .database(config.database())
                .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                .socketTimeoutMillis((int) config.commandTimeout().toMillis());
        if (config.username() != null) {
            client.user(config.username());
        }
        if (config.password() != null) {
            client.password(config.password());
        }
        return new Jedis(new HostAndPort(config.host(), config.port()), client.build());
    }

    private static void dropIndex(RedisConnectionConfig config, String indexName) {
        try (Jedis jedis = rawJedis(config)) {
            jedis.sendCommand(SearchCommand.DROPINDEX, indexName);
        } catch (RuntimeException e) {
            // An index that was never created (no entry written) is fine; anything else is worth a line.
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("unknown index")
                    && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no such index")) {
                System.err.println("warning: could not drop index " + indexName + ": " + e.getMessage());
            }
        }
    }
}
