package dev.semcache.cache.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.SemanticCache;

/**
 * Static factories that put a {@link SemanticCache} in front of a LangChain4j {@link ChatModel}.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").build();
 * ChatModel cached = LangChain4jSemanticCache.wrap(model, cache);
 * String answer = cached.chat("How can I reset my password?"); // served from the cache for a paraphrase
 * }</pre>
 *
 * <p><b>Mapping.</b> A LangChain4j request becomes a {@link dev.semcache.cache.ChatRequest} with the parameters in
 * effect (the model's {@code defaultRequestParameters()} overridden by the request's): model name, temperature,
 * top-p, top-k, penalties, stop sequences, tool specifications, tool choice and response format all enter the cache
 * scope; so does, for parameter types other than the default (such as {@code OpenAiChatRequestParameters}), their full
 * description except the output token limits and the user id. Messages map by type: system, user (text contents;
 * any other content bypasses the cache), AI (text and tool execution requests) and tool results. A hit becomes a
 * {@code ChatResponse} with an {@code AiMessage}, the stored {@code TokenUsage}, the model name and {@code
 * FinishReason.STOP}.
 *
 * <p>The wrapped model is transparent to failure: what the delegate throws reaches the caller unchanged and nothing is
 * stored; cache failures never reach the caller. Listeners of the delegate see only the calls that reach it.
 *
 * @since 0.1.0
 */
public final class LangChain4jSemanticCache {

    private LangChain4jSemanticCache() {}

    /**
     * Returns a chat model that answers from the cache when it can and otherwise calls the given model and stores its
     * reusable answers. Wrapping a model already wrapped with the same cache and options returns it as it is.
     *
     * @param model the model to wrap
     * @param cache the cache
     * @return the caching model
     * @throws IllegalArgumentException if the model is already wrapped with another cache or other options
     */
    public static ChatModel wrap(ChatModel model, SemanticCache cache) {
        return wrap(model, cache, LookupOptions.defaults());
    }

    /**
     * Returns a caching chat model that applies the given options to every request; see {@link #wrap(ChatModel,
     * SemanticCache)}.
     *
     * @param model the model to wrap
     * @param cache the cache
     * @param options the options for every request, such as a namespace
     * @return the caching model
     * @throws IllegalArgumentException if the model is already wrapped with another cache or other options
     */
    public static ChatModel wrap(ChatModel model, SemanticCache cache, LookupOptions options) {
        requireNonNull(model, "model");
        requireNonNull(cache, "cache");
        requireNonNull(options, "options");
        if (model instanceof CachingChatModel caching) {
            if (caching.cache() == cache && caching.options().equals(options)) {
                return caching;
            }
            throw new IllegalArgumentException(
                    "model is already wrapped with another SemanticCache or other options; wrap the original model");
        }
        return new CachingChatModel(model, cache, options);
    }
}
