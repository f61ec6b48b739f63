package dev.semcache.service;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.cache.stats.StatsRecorder;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import dev.semcache.embeddings.TextEmbedder;
import dev.semcache.service.config.CacheConfig;
import dev.semcache.service.observe.ServiceStats;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the cache core's objects for the service: the embedding model, the vector store, the price table and the
 * {@link SemanticCache} itself.
 *
 * <p>Each bean can be replaced by an application bean annotated {@code @Replaces}; the two stores exclude each other
 * through {@link RedisConfigured}. Beans that hold native resources or connections are closed when the application
 * stops.
 *
 * @since 0.1.0
 */
@Factory
final class CacheFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFactory.class);

    /**
     * Loads the bundled embedding model named by {@code semcache.cache.model}.
     *
     * @param config the cache configuration
     * @return the embedder, closed on shutdown
     * @throws IllegalArgumentException if no bundled model has that id
     */
    @Singleton
    @Bean(preDestroy = "close")
    TextEmbedder textEmbedder(CacheConfig config) {
        BundledModel model = BundledModel.fromModelId(config.model())
                .orElseThrow(() -> new IllegalArgumentException(CacheConfig.PREFIX + ".model (SEMCACHE_MODEL) must be "
                        + "one of "
                        + Arrays.stream(BundledModel.values())
                                .map(BundledModel::modelId)
                                .collect(Collectors.joining(", "))
                        + ", was '" + config.model() + "'"));
        return OnnxTextEmbedder.bundled(model);
    }

    /**
     * Connects to Redis through Lettuce, when {@code semcache.cache.redis-url} is set.
     *
     * @param config the cache configuration
     * @param embedder decides the index's model id and dimension
     * @return the store, closed on shutdown
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(condition = RedisConfigured.class)
    VectorStore redisStore(CacheConfig config, TextEmbedder embedder) {
        return RedisStores.lettuce(config, embedder);
    }

    /**
     * Keeps entries in memory, when no Redis URL is configured.
     *
     * @return the store, closed on shutdown
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(condition = RedisConfigured.Not.class)
    VectorStore inMemoryStore() {
        LOG.warn("REDIS_URL is not set: the cache keeps its entries in memory, where they are lost on restart and not "
                + "shared between replicas. Set REDIS_URL (semcache.cache.redis-url) to use Redis.");
        return VectorStores.inMemory();
    }

    /**
     * Provides the hit verifier named by {@code semcache.cache.verifier}: the strict one by default, which rejects
     * near misses whose differences change the meaning; replace this bean (with {@code @Replaces(HitVerifier.class)})
     * to bring another.
     *
     * @param config the cache configuration
     * @return the verifier
     */
    @Singleton
    HitVerifier hitVerifier(CacheConfig config) {
        return CacheConfig.VERIFIER_OFF.equals(config.verifier()) ? HitVerifier.acceptAll() : HitVerifier.strict();
    }

    /**
     * Loads the bundled price table.
     *
     * @return the prices that turn saved tokens into dollars
     */
    @Singleton
    PriceTable priceTable() {
        return PriceTable.defaults();
    }

    /**
     * Provides the wall clock.
     *
     * @return the system clock in UTC
     */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Counts the service's requests.
     *
     * @param prices turns saved tokens into dollars
     * @param clock tells when counting started
     * @return the statistics
     */
    @Singleton
    ServiceStats serviceStats(PriceTable prices, Clock clock) {
        return new ServiceStats(prices, clock);
    }

    /**
     * Builds the cache.
     *
     * @param embedder the embedding model
     * @param store the vector store
     * @param verifier judges semantic candidates
     * @param config threshold and time to live
     * @param prices for the dollars saved
     * @param executor runs embedding and verification off the event loop
     * @param clock the clock for ages and time to live
     * @return the cache, created at start-up so that a wrong model or store setting stops the service at once
     */
    @Context
    SemanticCache semanticCache(
            TextEmbedder embedder,
            VectorStore store,
            HitVerifier verifier,
            CacheConfig config,
            PriceTable prices,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor,
            Clock clock) {
        SemanticCache cache = SemanticCache.builder()
                .embedder(embedder)
                .store(store)
                .verifier(verifier)
                .similarityThreshold(config.threshold())
                .ttl(config.ttl())
                .statsRecorder(StatsRecorder.concurrent(prices))
                .executor(executor)
                .clock(clock)
                .build();
        LOG.info(
                "semcache ready: store {}, model {} ({} dimensions), threshold {}, ttl {}",
                store.describe(),
                embedder.modelId(),
                embedder.dimension(),
                config.threshold(),
                config.ttl());
        return cache;
    }
}
