package dev.semcache.service;

import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.embeddings.TextEmbedder;
import dev.semcache.service.config.CacheConfig;
import java.util.Objects;

/** Opens the Redis store of the service. */
final class RedisStores {
    private RedisStores() {}

    static VectorStore lettuce(CacheConfig config, TextEmbedder embedder) {
        String url = Objects.requireNonNull(config.redisUrl(), "redisUrl");
        RedisConnectionConfig connection = RedisConnectionConfig.fromUrl(url);
        VectorIndexOptions index = VectorIndexOptions.of(embedder.modelId(), embedder.dimension());
        // PENDING(stores): VectorStores.lettuce(connection, index) once the stores branch lands it.
        throw new IllegalStateException("the Lettuce store is not available yet for " + connection.redactedUrl() + " ("
                + index.modelId() + "); unset REDIS_URL");
    }
}
