/**
 * Caching for any chat client: the small {@link dev.semcache.cache.client.ChatClient} role and
 * {@link dev.semcache.cache.client.SemanticCaching#wrap}, which puts a {@link dev.semcache.cache.SemanticCache} in
 * front of one.
 */
@NullMarked
package dev.semcache.cache.client;

import org.jspecify.annotations.NullMarked;
