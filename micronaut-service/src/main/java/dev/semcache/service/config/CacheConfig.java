package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The cache behind the proxy: store, embedding model, similarity threshold, time to live and request limits.
 *
 * @param redisUrl the Redis URL ({@code REDIS_URL}), such as {@code redis://:password@host:6379/0}; {@code null} or
 *     blank keeps entries in memory (lost on restart, not shared between replicas)
 * @param model the bundled embedding model id ({@code SEMCACHE_MODEL}), such as {@code all-minilm-l6-v2}
 * @param threshold the least cosine similarity of a semantic hit ({@code SEMCACHE_THRESHOLD}), in [0, 1]
 * @param ttl how long an answer stays cached ({@code SEMCACHE_TTL}), positive
 * @param maxBodyBytes the largest chat completions request body accepted, in bytes; larger ones get 413
 * @param verifier the hit verifier ({@code SEMCACHE_VERIFIER}): {@code strict} (the default) rejects near misses
 *     whose differences change the meaning (numbers, direction, negation, ...); {@code off} trusts the score alone
 * @since 0.1.0
 */
@ConfigurationProperties(CacheConfig.PREFIX)
public record CacheConfig(
        @Nullable String redisUrl,
        @Bindable(defaultValue = DEFAULT_MODEL) String model,
        @Bindable(defaultValue = "0.92") double threshold,
        @Bindable(defaultValue = "7d") Duration ttl,
        @Bindable(defaultValue = "1048576") int maxBodyBytes,
        @Bindable(defaultValue = VERIFIER_STRICT) String verifier) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.cache";

    /** The verifier setting that turns on the strict hit verifier, the default. */
    public static final String VERIFIER_STRICT = "strict";

    /** The verifier setting that trusts the similarity score alone. */
    public static final String VERIFIER_OFF = "off";

    /** The default embedding model. */
    public static final String DEFAULT_MODEL = "bge-small-en-v1.5";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public CacheConfig {
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException(PREFIX + ".threshold must be in [0, 1], was " + threshold);
        }
        Durations.requirePositive(ttl, PREFIX + ".ttl");
        if (!VERIFIER_STRICT.equals(verifier) && !VERIFIER_OFF.equals(verifier)) {
            throw new IllegalArgumentException(PREFIX + ".verifier must be '" + VERIFIER_STRICT + "' or '"
                    + VERIFIER_OFF + "', was '" + verifier + "'");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-body-bytes must be positive, was " + maxBodyBytes);
        }
    }

    @Override
    public String toString() {
        // The Redis URL may carry a password.
        return "CacheConfig[redis=" + (redisUrl == null ? "in-memory" : "configured") + ", model=" + model
                + ", threshold=" + threshold + ", ttl=" + ttl + ", maxBodyBytes=" + maxBodyBytes + ", verifier="
                + verifier + "]";
    }
}
