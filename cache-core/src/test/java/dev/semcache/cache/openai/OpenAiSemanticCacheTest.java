package dev.semcache.cache.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.testing.Embedders;
import dev.semcache.testing.FakeOpenAiServer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class OpenAiSemanticCacheTest {
    private static final String SYSTEM = "You are a helpful support agent.";
    private static final String QUESTION = "How do I reset my password?";
    private static final String PARAPHRASE = "How can I reset my password?";

    private final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    private final OpenAIClient client = OpenAIOkHttpClient.builder()
            .baseUrl(upstream.baseUrl())
            .apiKey("test")
            .maxRetries(0)
            .build();
    private final SemanticCache cache = SemanticCache.builder()
            .embedder(Embedders.miniLm())
            .store(VectorStores.inMemory())
            .build();
    private final ChatCompletionService cached =
            OpenAiSemanticCache.wrap(client.chat().completions(), cache);

    OpenAiSemanticCacheTest() {
        upstream.answerWith(request -> FakeOpenAiServer.Reply.text("Answer to: " + request.lastUserText())
                .withUsage(1000, 500)
                .withModel(request.model() + "-2024-07-18"));
    }

    @AfterEach
    void stop() {
        client.close();
        upstream.close();
    }

    private static ChatCompletionCreateParams params(ChatModel model, String system, String question) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage(system)
                .addUserMessage(question)
                .temperature(0.0)
                .build();
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElseThrow();
    }

    @Test
    void create_paraphraseOfCachedPrompt_servedFromCacheWithoutUpstreamCall() {
        ChatCompletion first = cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));

        ChatCompletion second = cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, PARAPHRASE));

        assertThat(upstream.requestCount()).isEqualTo(1);
        assertThat(text(second)).isEqualTo(text(first)).isEqualTo("Answer to: " + QUESTION);
        assertThat(second.id()).startsWith("chatcmpl-semcache-");
        assertThat(second.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(second.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(second.usage().orElseThrow().completionTokens()).isEqualTo(500);
    }

    @Test
    @SuppressWarnings("deprecation") // seed is deprecated in the SDK but still on the wire, and in the scope
    void create_otherModelOrSystemPrompt_reachesUpstream() {
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));

        cached.create(params(ChatModel.GPT_4O, SYSTEM, QUESTION));
        cached.create(params(ChatModel.GPT_4O_MINI, "Answer like a pirate.", PARAPHRASE));
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION).toBuilder()
                .seed(7L)
                .build());

        assertThat(upstream.requestCount()).isEqualTo(4);
        assertThat(upstream.requests().get(1).model()).isEqualTo("gpt-4o");
        assertThat(upstream.requests().get(3).json().get("seed").asLong()).isEqualTo(7);
    }

    @Test
    @SuppressWarnings("deprecation") // user is deprecated in the SDK but still on the wire, and out of the scope
    void create_maxTokensOrUserDiffer_stillServedFromCache() {
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));

        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION).toBuilder()
                .user("someone-else")
                .maxCompletionTokens(600L)
                .build());
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION).toBuilder()
                .maxCompletionTokens(100L)
                .build());

        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void stats_afterHits_hitRateAndUsdSavedWithDatedModelName() {
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, PARAPHRASE));
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, "What is the capital of France?"));

        CacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        // The answer names gpt-4o-mini-2024-07-18, priced as gpt-4o-mini: 1000 x $0.15/1M + 500 x $0.60/1M per hit.
        assertThat(stats.nanoUsdSaved()).isEqualTo(2 * 450_000);
        assertThat(stats.models()).containsKey("gpt-4o-mini-2024-07-18");
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void create_rateLimited_sdkExceptionUnchangedAndNothingStored() {
        upstream.enqueue(FakeOpenAiServer.Reply.tooManyRequests(1));

        assertThatThrownBy(() -> cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION)))
                .isInstanceOf(RateLimitException.class);
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));

        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void createStreaming_passesThroughUncached() {
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));

        String streamed;
        try (StreamResponse<ChatCompletionChunk> stream =
                cached.createStreaming(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION))) {
            streamed = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }

        assertThat(streamed).isEqualTo("Answer to: " + QUESTION);
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void wrap_twiceOrWithOptions_stillOneCachingLayer() {
        ChatCompletionService withTimeout = cached.withOptions(options -> options.maxRetries(1));

        assertThat(OpenAiSemanticCache.wrap(cached, cache)).isSameAs(cached);
        assertThat(withTimeout).isInstanceOf(CachingChatCompletionService.class);
        withTimeout.create(params(ChatModel.GPT_4O_MINI, SYSTEM, QUESTION));
        cached.create(params(ChatModel.GPT_4O_MINI, SYSTEM, PARAPHRASE));
        assertThat(upstream.requestCount()).isEqualTo(1);
    }
}
