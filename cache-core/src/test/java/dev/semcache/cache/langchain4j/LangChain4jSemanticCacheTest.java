package dev.semcache.cache.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.testing.Embedders;
import dev.semcache.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class LangChain4jSemanticCacheTest {
    private static final String QUESTION = "How do I reset my password?";
    private static final String PARAPHRASE = "How can I reset my password?";

    private final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    private final SemanticCache cache = SemanticCache.builder()
            .embedder(Embedders.miniLm())
            .store(VectorStores.inMemory())
            .build();

    LangChain4jSemanticCacheTest() {
        upstream.answerWith(request -> FakeOpenAiServer.Reply.text("Answer to: " + request.lastUserText())
                .withUsage(1000, 500));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private ChatModel openAi(String modelName) {
        return OpenAiChatModel.builder()
                .baseUrl(upstream.baseUrl())
                .apiKey("test")
                .modelName(modelName)
                .temperature(0.0)
                .maxRetries(0)
                .build();
    }

    @Test
    void chat_paraphraseOfCachedPrompt_servedFromCacheWithoutUpstreamCall() {
        ChatModel cached = LangChain4jSemanticCache.wrap(openAi("gpt-4o-mini"), cache);

        String first = cached.chat(QUESTION);
        ChatResponse second = cached.chat(
                ChatRequest.builder().messages(UserMessage.from(PARAPHRASE)).build());

        assertThat(upstream.requestCount()).isEqualTo(1);
        assertThat(first).isEqualTo("Answer to: " + QUESTION);
        assertThat(second.aiMessage().text()).isEqualTo(first);
        assertThat(second.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(second.tokenUsage().inputTokenCount()).isEqualTo(1000);
        assertThat(second.tokenUsage().outputTokenCount()).isEqualTo(500);
        assertThat(second.modelName()).isEqualTo("gpt-4o-mini");
        assertThat(second.id()).startsWith("chatcmpl-semcache-");
    }

    @Test
    void chat_otherModelOrSystemPrompt_reachesUpstream() {
        ChatModel mini = LangChain4jSemanticCache.wrap(openAi("gpt-4o-mini"), cache);
        ChatModel full = LangChain4jSemanticCache.wrap(openAi("gpt-4o"), cache);
        mini.chat(QUESTION);

        full.chat(QUESTION);
        mini.chat(SystemMessage.from("Answer like a pirate."), UserMessage.from(PARAPHRASE));
        mini.chat(ChatRequest.builder()
                .messages(UserMessage.from(QUESTION))
                .temperature(0.9)
                .build());

        assertThat(upstream.requestCount()).isEqualTo(4);
        assertThat(upstream.requests().get(1).model()).isEqualTo("gpt-4o");
        assertThat(upstream.requests().get(2).systemText()).isEqualTo("Answer like a pirate.");
    }

    @Test
    void stats_afterHits_hitRateAndUsdSaved() {
        ChatModel cached = LangChain4jSemanticCache.wrap(openAi("gpt-4o-mini"), cache);

        cached.chat(QUESTION);
        cached.chat(PARAPHRASE);
        cached.chat(QUESTION);
        cached.chat("What is the capital of France?");

        CacheStats stats = cache.stats();
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        // Two hits on gpt-4o-mini, each 1000 x $0.15/1M + 500 x $0.60/1M.
        assertThat(stats.nanoUsdSaved()).isEqualTo(2 * 450_000);
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void chat_upstreamFails_sameExceptionTypeAndNothingStored() {
        ChatModel raw = openAi("gpt-4o-mini");
        ChatModel cached = LangChain4jSemanticCache.wrap(raw, cache);
        upstream.enqueue(FakeOpenAiServer.Reply.serverError());
        upstream.enqueue(FakeOpenAiServer.Reply.serverError());

        Throwable direct = catchThrowable(() -> raw.chat(QUESTION));
        Throwable throughCache = catchThrowable(() -> cached.chat(QUESTION));
        String afterFailure = cached.chat(QUESTION);

        assertThat(direct).isNotNull();
        assertThat(throughCache).isNotNull().hasSameClassAs(direct).hasMessage(direct.getMessage());
        assertThat(afterFailure).isEqualTo("Answer to: " + QUESTION);
        assertThat(upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void chat_truncatedAnswer_notStored() {
        ChatModel cached = LangChain4jSemanticCache.wrap(openAi("gpt-4o-mini"), cache);
        upstream.enqueue(FakeOpenAiServer.Reply.text("Open Sett").withFinishReason("length"));

        cached.chat(QUESTION);
        cached.chat(QUESTION);

        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void wrap_twice_sameInstance() {
        ChatModel cached = LangChain4jSemanticCache.wrap(openAi("gpt-4o-mini"), cache);

        assertThat(LangChain4jSemanticCache.wrap(cached, cache)).isSameAs(cached);
        assertThatThrownBy(() -> LangChain4jSemanticCache.wrap(
                        cached,
                        SemanticCache.builder()
                                .embedder(Embedders.miniLm())
                                .store(VectorStores.inMemory())
                                .build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
