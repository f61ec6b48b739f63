/**
 * The vector store service provider interface and its implementations (in memory, Redis through Jedis, Redis
 * through Lettuce), reached through {@link dev.semcache.cache.store.VectorStores}.
 */
@NullMarked
package dev.semcache.cache.store;

import org.jspecify.annotations.NullMarked;
