package dev.semcache.service;

import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.embeddings.TextEmbedder;
import dev.semcache.service.config.CacheConfig;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the Redis store of the service. */
final class RedisStores {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStores.class);

    private RedisStores() {}

    /**
     * Opens a Lettuce store on the configured Redis; returns at once, connecting in the background, so that the service
     * starts (and fails open) while Redis is down.
     */
    static VectorStore lettuce(CacheConfig config, TextEmbedder embedder) {
        String url = Objects.requireNonNull(config.redisUrl(), "redisUrl");
        RedisConnectionConfig connection = RedisConnectionConfig.fromUrl(url);
        LOG.info("cache store: Redis at {} through Lettuce", connection.redactedUrl());
        return VectorStores.lettuce(connection, VectorIndexOptions.of(embedder.modelId(), embedder.dimension()));
    }
}
