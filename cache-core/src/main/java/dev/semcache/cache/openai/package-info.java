/**
 * Semantic caching for the official OpenAI Java SDK ({@code com.openai:openai-java}):
 * {@link dev.semcache.cache.openai.OpenAiSemanticCache#wrap} puts a {@link dev.semcache.cache.SemanticCache} in front
 * of {@code client.chat().completions()}.
 *
 * <p>The SDK is an optional dependency of cache-core: applications that use this package bring it themselves.
 */
@NullMarked
package dev.semcache.cache.openai;

import org.jspecify.annotations.NullMarked;
