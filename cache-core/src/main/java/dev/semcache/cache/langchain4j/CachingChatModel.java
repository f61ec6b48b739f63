package dev.semcache.cache.langchain4j;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.SemanticCache;
import java.util.List;
import java.util.Set;

/** A LangChain4j {@link ChatModel} that answers from a {@link SemanticCache} first. */
final class CachingChatModel implements ChatModel {
    private final ChatModel delegate;
    private final SemanticCache cache;
    private final LookupOptions options;

    CachingChatModel(ChatModel delegate, SemanticCache cache, LookupOptions options) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.cache = requireNonNull(cache, "cache");
        this.options = requireNonNull(options, "options");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return cached(request, delegate::chat);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return cached(request, delegate::doChat);
    }

    private ChatResponse cached(ChatRequest request, java.util.function.Function<ChatRequest, ChatResponse> call) {
        requireNonNull(request, "request");
        ChatRequestParameters effective = delegate.defaultRequestParameters() == null
                ? request.parameters()
                : delegate.defaultRequestParameters().overrideWith(request.parameters());
        dev.semcache.cache.ChatRequest ours = LangChain4jMapping.toRequest(request.messages(), effective, delegate);
        return cache.getOrCompute(
                ours,
                options,
                ignored -> call.apply(request),
                response -> LangChain4jMapping.toAnswer(response, ours.model()),
                LangChain4jMapping::toResponse);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    SemanticCache cache() {
        return cache;
    }

    LookupOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "CachingChatModel[" + delegate.getClass().getSimpleName() + "]";
    }
}
