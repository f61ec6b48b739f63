package dev.semcache.cache.client;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.SemanticCache;

/**
 * Static factories that put a {@link SemanticCache} in front of a {@link ChatClient}.
 *
 * <pre>{@code
 * ChatClient cached = SemanticCaching.wrap(client, cache);
 * ChatAnswer answer = cached.complete(request); // from the cache when a paraphrase was answered before
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SemanticCaching {

    private SemanticCaching() {}

    /**
     * Returns a client that answers from the cache when it can and otherwise calls the given client and stores its
     * reusable answers.
     *
     * <p>The returned client is transparent to failure: what the delegate throws reaches the caller unchanged and is
     * never stored; cache failures never reach the caller. Wrapping a client already wrapped with the same cache and
     * options returns it as it is.
     *
     * @param client the client to wrap
     * @param cache the cache
     * @return the caching client
     * @throws IllegalArgumentException if the client is already wrapped with another cache or other options
     */
    public static ChatClient wrap(ChatClient client, SemanticCache cache) {
        return wrap(client, cache, LookupOptions.defaults());
    }

    /**
     * Returns a caching client that applies the given options to every request; see {@link #wrap(ChatClient,
     * SemanticCache)}.
     *
     * @param client the client to wrap
     * @param cache the cache
     * @param options the options for every request, such as a namespace
     * @return the caching client
     * @throws IllegalArgumentException if the client is already wrapped with another cache or other options
     */
    public static ChatClient wrap(ChatClient client, SemanticCache cache, LookupOptions options) {
        requireNonNull(client, "client");
        requireNonNull(cache, "cache");
        requireNonNull(options, "options");
        if (client instanceof CachingChatClient caching) {
            if (caching.cache() == cache && caching.options().equals(options)) {
                return caching;
            }
            throw new IllegalArgumentException(
                    "client is already wrapped with another SemanticCache or other options; wrap the original client");
        }
        return new CachingChatClient(client, cache, options);
    }
}
