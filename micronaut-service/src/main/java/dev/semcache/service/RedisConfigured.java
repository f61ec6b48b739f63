package dev.semcache.service;

import dev.semcache.service.config.CacheConfig;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Holds when {@code semcache.cache.redis-url} ({@code REDIS_URL}) is set and not blank.
 *
 * @since 0.1.0
 */
final class RedisConfigured implements Condition {
    static final String PROPERTY = CacheConfig.PREFIX + ".redis-url";

    @Override
    public boolean matches(ConditionContext context) {
        return context.getProperty(PROPERTY, String.class)
                .map(url -> !url.isBlank())
                .orElse(false);
    }

    /** Holds when no Redis URL is configured. */
    static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !new RedisConfigured().matches(context);
        }
    }
}
