package dev.semcache.cache.openai;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.core.RequestOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionDeleteParams;
import com.openai.models.chat.completions.ChatCompletionDeleted;
import com.openai.models.chat.completions.ChatCompletionListPage;
import com.openai.models.chat.completions.ChatCompletionListParams;
import com.openai.models.chat.completions.ChatCompletionRetrieveParams;
import com.openai.models.chat.completions.ChatCompletionUpdateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import com.openai.services.blocking.chat.completions.MessageService;
import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatFormatException;
import dev.semcache.cache.ChatJson;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.SemanticCache;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OpenAI SDK's {@link ChatCompletionService} with a {@link SemanticCache} in front of {@code create}. */
final class CachingChatCompletionService implements ChatCompletionService {
    private static final Logger logger = LoggerFactory.getLogger(CachingChatCompletionService.class);

    private final ChatCompletionService delegate;
    private final SemanticCache cache;
    private final LookupOptions options;

    CachingChatCompletionService(ChatCompletionService delegate, SemanticCache cache, LookupOptions options) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.cache = requireNonNull(cache, "cache");
        this.options = requireNonNull(options, "options");
    }

    @Override
    public ChatCompletion create(ChatCompletionCreateParams params, RequestOptions requestOptions) {
        requireNonNull(params, "params");
        requireNonNull(requestOptions, "requestOptions");
        ChatRequest request = toRequest(params);
        if (request == null) {
            return delegate.create(params, requestOptions);
        }
        return cache.getOrCompute(
                request,
                options,
                ignored -> delegate.create(params, requestOptions),
                CachingChatCompletionService::toAnswer,
                CachingChatCompletionService::toCompletion);
    }

    private static @Nullable ChatRequest toRequest(ChatCompletionCreateParams params) {
        try {
            return ChatJson.parseRequest(ObjectMappers.jsonMapper().writeValueAsString(params._body()));
        } catch (JsonProcessingException | ChatFormatException e) {
            // The SDK will report what is wrong with the request; the cache just stays out of the way.
            logger.debug("Cannot read chat completion params; not cached", e);
            return null;
        }
    }

    private static @Nullable ChatAnswer toAnswer(ChatCompletion completion) {
        try {
            return ChatJson.parseResponse(ObjectMappers.jsonMapper().writeValueAsString(completion));
        } catch (JsonProcessingException | ChatFormatException e) {
            logger.debug("Cannot read chat completion; not stored", e);
            return null;
        }
    }

    private static ChatCompletion toCompletion(LookupResult.Hit hit) {
        long created = Instant.now().minus(hit.age()).getEpochSecond();
        String json = ChatJson.writeResponse(hit.answer(), "chatcmpl-semcache-" + hit.entryId(), created);
        try {
            return ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class);
        } catch (JsonProcessingException e) {
            // ChatJson writes the format the SDK reads; failing here is a bug, not an outage.
            throw new IllegalStateException("cannot turn a cached answer into a ChatCompletion", e);
        }
    }

    @Override
    public StreamResponse<ChatCompletionChunk> createStreaming(
            ChatCompletionCreateParams params, RequestOptions requestOptions) {
        return delegate.createStreaming(params, requestOptions);
    }

    @Override
    public ChatCompletionService.WithRawResponse withRawResponse() {
        return delegate.withRawResponse();
    }

    @Override
    public ChatCompletionService withOptions(Consumer<ClientOptions.Builder> modifier) {
        return new CachingChatCompletionService(delegate.withOptions(modifier), cache, options);
    }

    @Override
    public MessageService messages() {
        return delegate.messages();
    }

    @Override
    public ChatCompletion retrieve(ChatCompletionRetrieveParams params, RequestOptions requestOptions) {
        return delegate.retrieve(params, requestOptions);
    }

    @Override
    public ChatCompletion update(ChatCompletionUpdateParams params, RequestOptions requestOptions) {
        return delegate.update(params, requestOptions);
    }

    @Override
    public ChatCompletionListPage list(ChatCompletionListParams params, RequestOptions requestOptions) {
        return delegate.list(params, requestOptions);
    }

    @Override
    public ChatCompletionDeleted delete(ChatCompletionDeleteParams params, RequestOptions requestOptions) {
        return delegate.delete(params, requestOptions);
    }

    SemanticCache cache() {
        return cache;
    }

    LookupOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "CachingChatCompletionService[" + delegate.getClass().getSimpleName() + "]";
    }
}
