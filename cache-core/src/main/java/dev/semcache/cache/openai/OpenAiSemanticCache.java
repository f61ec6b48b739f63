package dev.semcache.cache.openai;

import static java.util.Objects.requireNonNull;

import com.openai.services.blocking.chat.ChatCompletionService;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.SemanticCache;

/**
 * Static factories that put a {@link SemanticCache} in front of the OpenAI Java SDK's chat completions service.
 *
 * <pre>{@code
 * OpenAIClient client = OpenAIOkHttpClient.fromEnv();
 * ChatCompletionService completions = OpenAiSemanticCache.wrap(client.chat().completions(), cache);
 * ChatCompletion completion = completions.create(ChatCompletionCreateParams.builder()
 *         .model(ChatModel.GPT_4O_MINI)
 *         .addUserMessage("How can I reset my password?")
 *         .build());
 * }</pre>
 *
 * <p><b>What is cached.</b> {@code create(params)} and {@code create(params, requestOptions)}, including the
 * structured-output variants that delegate to them. The request body is serialised with the SDK's own JSON mapper and
 * read by {@link dev.semcache.cache.ChatJson}, so every body parameter, typed or additional, enters the cache scope as
 * on the wire. A hit becomes a {@code ChatCompletion} with id {@code chatcmpl-semcache-<entry id>}, one choice, the
 * stored usage and finish reason. Streaming ({@code createStreaming}), {@code withRawResponse()}, stored completions
 * ({@code retrieve}, {@code update}, {@code list}, {@code delete}) and {@code messages()} go to the delegate unchanged;
 * {@code withOptions(...)} returns a cached service around the delegate's variant.
 *
 * <p>The wrapped service is transparent to failure: what the delegate throws (such as {@code RateLimitException})
 * reaches the caller unchanged and nothing is stored; cache failures never reach the caller.
 *
 * @since 0.1.0
 */
public final class OpenAiSemanticCache {

    private OpenAiSemanticCache() {}

    /**
     * Returns a chat completions service that answers from the cache when it can and otherwise calls the given one and
     * stores its reusable answers. Wrapping a service already wrapped with the same cache and options returns it as
     * it is.
     *
     * @param completions the SDK's service, {@code client.chat().completions()}
     * @param cache the cache
     * @return the caching service
     * @throws IllegalArgumentException if the service is already wrapped with another cache or other options
     */
    public static ChatCompletionService wrap(ChatCompletionService completions, SemanticCache cache) {
        return wrap(completions, cache, LookupOptions.defaults());
    }

    /**
     * Returns a caching chat completions service that applies the given options to every request; see {@link
     * #wrap(ChatCompletionService, SemanticCache)}.
     *
     * @param completions the SDK's service
     * @param cache the cache
     * @param options the options for every request, such as a namespace
     * @return the caching service
     * @throws IllegalArgumentException if the service is already wrapped with another cache or other options
     */
    public static ChatCompletionService wrap(
            ChatCompletionService completions, SemanticCache cache, LookupOptions options) {
        requireNonNull(completions, "completions");
        requireNonNull(cache, "cache");
        requireNonNull(options, "options");
        if (completions instanceof CachingChatCompletionService caching) {
            if (caching.cache() == cache && caching.options().equals(options)) {
                return caching;
            }
            throw new IllegalArgumentException("service is already wrapped with another SemanticCache or other"
                    + " options; wrap the original service");
        }
        return new CachingChatCompletionService(completions, cache, options);
    }
}
