/**
 * Semantic caching for LangChain4j: {@link dev.semcache.cache.langchain4j.LangChain4jSemanticCache#wrap} puts a
 * {@link dev.semcache.cache.SemanticCache} in front of any {@code dev.langchain4j.model.chat.ChatModel}.
 *
 * <p>LangChain4j ({@code dev.langchain4j:langchain4j-core}) is an optional dependency of cache-core: applications that
 * use this package bring it themselves.
 */
@NullMarked
package dev.semcache.cache.langchain4j;

import org.jspecify.annotations.NullMarked;
