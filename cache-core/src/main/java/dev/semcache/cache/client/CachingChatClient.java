package dev.semcache.cache.client;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.SemanticCache;
import java.util.function.Function;

/** A {@link ChatClient} that answers from a {@link SemanticCache} first; see {@link SemanticCaching#wrap}. */
final class CachingChatClient implements ChatClient {
    private final ChatClient delegate;
    private final SemanticCache cache;
    private final LookupOptions options;

    CachingChatClient(ChatClient delegate, SemanticCache cache, LookupOptions options) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.cache = requireNonNull(cache, "cache");
        this.options = requireNonNull(options, "options");
    }

    @Override
    public ChatAnswer complete(ChatRequest request) {
        return cache.getOrCompute(request, options, delegate::complete, Function.identity(), LookupResult.Hit::answer);
    }

    SemanticCache cache() {
        return cache;
    }

    LookupOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "CachingChatClient[" + delegate + "]";
    }
}
