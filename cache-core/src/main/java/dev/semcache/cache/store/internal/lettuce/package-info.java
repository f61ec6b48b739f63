/**
 * The Redis vector store on Lettuce; not an API, reached through
 * {@link dev.semcache.cache.store.VectorStores#lettuce(dev.semcache.cache.store.RedisConnectionConfig,
 * dev.semcache.cache.store.VectorIndexOptions)}.
 */
@NullMarked
package dev.semcache.cache.store.internal.lettuce;

import org.jspecify.annotations.NullMarked;
