/**
 * Cache statistics and money: the {@link dev.semcache.cache.stats.StatsRecorder} role the cache reports events to,
 * the in-process {@link dev.semcache.cache.stats.ConcurrentStatsRecorder}, the immutable
 * {@link dev.semcache.cache.stats.CacheStats} snapshot, and the {@link dev.semcache.cache.stats.PriceTable} that turns
 * saved tokens into US dollars.
 */
@NullMarked
package dev.semcache.cache.stats;

import org.jspecify.annotations.NullMarked;
