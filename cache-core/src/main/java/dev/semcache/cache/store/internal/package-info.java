/**
 * Implementations of {@link dev.semcache.cache.store.VectorStore}; not an API. Types here are public only so that
 * {@link dev.semcache.cache.store.VectorStores} can reach them; they may change or disappear in any release.
 */
@NullMarked
package dev.semcache.cache.store.internal;

import org.jspecify.annotations.NullMarked;
