/**
 * The Redis vector store on Jedis; not an API, reached through
 * {@link dev.semcache.cache.store.VectorStores#jedis(dev.semcache.cache.store.RedisConnectionConfig,
 * dev.semcache.cache.store.VectorIndexOptions)}.
 */
@NullMarked
package dev.semcache.cache.store.internal.jedis;

import org.jspecify.annotations.NullMarked;
