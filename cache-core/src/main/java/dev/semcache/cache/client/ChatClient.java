package dev.semcache.cache.client;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatRequest;

/**
 * Anything that answers a chat completion request: an HTTP client for a provider, a relay, a local model.
 *
 * <p>Implementations are thread-safe. Failures are reported by throwing; {@link SemanticCaching#wrap} passes them to
 * the caller unchanged.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ChatClient {

    /**
     * Answers a request.
     *
     * @param request the request
     * @return the answer of its first choice
     */
    ChatAnswer complete(ChatRequest request);
}
