package dev.semcache.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.semcache.cache.langchain4j.LangChain4jSemanticCache;
import dev.semcache.cache.openai.OpenAiSemanticCache;
import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.testing.CountingEmbedder;
import dev.semcache.testing.Embedders;
import dev.semcache.testing.FakeOpenAiServer;
import dev.semcache.testing.RedisStack;
import dev.semcache.testing.RedisTestServer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The semantic cache and its client decorators on a real Redis Stack, through the Jedis and the Lettuce store. Each
 * run uses its own index (a random model id) and namespaces, and drops them afterwards.
 */
@RedisStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SemanticCacheRedisIT {
    private static final String SYSTEM = "You are a helpful support agent.";
    private static final String QUESTION = "How do I reset my password?";
    private static final String PARAPHRASE = "How can I reset my password?";

    enum Client {
        JEDIS(VectorStores::jedis),
        LETTUCE(VectorStores::lettuce);

        final BiFunction<RedisConnectionConfig, VectorIndexOptions, VectorStore> open;

        Client(BiFunction<RedisConnectionConfig, VectorIndexOptions, VectorStore> open) {
            this.open = open;
        }
    }

    private RedisTestServer redis;
    private VectorIndexOptions index;
    private VectorStore jedisStore;
    private VectorStore lettuceStore;

    @BeforeAll
    void open(RedisTestServer server) {
        redis = server;
        String modelId = "test-cache-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        index = VectorIndexOptions.of(modelId, Embedders.miniLm().dimension());
        jedisStore = Client.JEDIS.open.apply(server.connectionConfig(), index);
        lettuceStore = Client.LETTUCE.open.apply(server.connectionConfig(), index);
    }

    @AfterAll
    void dropIndex() {
        if (redis == null) {
            // No Redis: the extension skipped (or failed) the class before anything was opened.
            return;
        }
        jedisStore.close();
        lettuceStore.close();
        try (JedisPooled admin = new JedisPooled(redis.url())) {
            try {
                admin.ftDropIndexDD(index.indexName());
            } catch (JedisDataException e) {
                // Never created: the keys below are removed all the same.
            }
            for (String prefix : Set.of(index.entryKeyPrefix(), index.exactKeyPrefix())) {
                ScanParams params = new ScanParams().match(prefix + "*").count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = admin.scan(cursor, params);
                    if (!page.getResult().isEmpty()) {
                        admin.unlink(page.getResult().toArray(new String[0]));
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        }
    }

    private VectorStore store(Client client) {
        return client == Client.JEDIS ? jedisStore : lettuceStore;
    }

    private static String freshNamespace() {
        return "it" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private SemanticCache cache(Client client, CountingEmbedder embedder) {
        return SemanticCache.builder()
                .embedder(embedder)
                .store(store(client))
                .namespace(freshNamespace())
                .build();
    }

    /** A LangChain4j OpenAI chat model on the fake upstream, wrapped by the cache. */
    private static ChatModel langchain(FakeOpenAiServer upstream, SemanticCache cache) {
        return LangChain4jSemanticCache.wrap(
                OpenAiChatModel.builder()
                        .baseUrl(upstream.baseUrl())
                        .apiKey("test")
                        .modelName("gpt-4o-mini")
                        .maxRetries(0)
                        .build(),
                cache);
    }

    private static ChatRequest request(String model, String system, String text) {
        return ChatRequest.builder()
                .model(model)
                .addMessage(ChatMessage.system(system))
                .addMessage(ChatMessage.user(text))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void lookup_paraphraseThenSameText_semanticThenExactWithoutEmbedding(Client client) {
        CountingEmbedder embedder = new CountingEmbedder(Embedders.miniLm());
        SemanticCache cache = cache(client, embedder);
        cache.store(
                request("gpt-4o-mini", SYSTEM, QUESTION), ChatAnswer.of("Use the reset link.", "gpt-4o-mini", 30, 5));

        LookupResult semantic = cache.lookup(request("gpt-4o-mini", SYSTEM, PARAPHRASE));
        int embeddings = embedder.calls();
        LookupResult exact = cache.lookup(request("gpt-4o-mini", SYSTEM, PARAPHRASE));

        assertThat(semantic).isInstanceOfSatisfying(LookupResult.Hit.class, hit -> {
            assertThat(hit.kind()).isEqualTo(HitKind.SEMANTIC);
            assertThat(hit.similarity()).isGreaterThanOrEqualTo(0.92);
            assertThat(hit.answer().content()).isEqualTo("Use the reset link.");
        });
        assertThat(exact).isInstanceOfSatisfying(LookupResult.Hit.class, hit -> assertThat(hit.kind())
                .isEqualTo(HitKind.EXACT));
        assertThat(embedder.calls()).isEqualTo(embeddings);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void lookup_otherModelOrSystemPromptOrNamespace_miss(Client client) {
        SemanticCache cache = cache(client, new CountingEmbedder(Embedders.miniLm()));
        cache.store(
                request("gpt-4o-mini", SYSTEM, QUESTION), ChatAnswer.of("Use the reset link.", "gpt-4o-mini", 30, 5));

        LookupResult otherModel = cache.lookup(request("gpt-4o", SYSTEM, PARAPHRASE));
        LookupResult otherSystem = cache.lookup(request("gpt-4o-mini", "Answer like a pirate.", PARAPHRASE));
        LookupResult otherNamespace = cache.lookup(
                request("gpt-4o-mini", SYSTEM, QUESTION),
                LookupOptions.builder().namespace(freshNamespace()).build());

        assertThat(List.of(otherModel, otherSystem, otherNamespace))
                .allSatisfy(result -> assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null)));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void lookupAsync_paraphrase_hit(Client client) {
        SemanticCache cache = cache(client, new CountingEmbedder(Embedders.miniLm()));
        cache.storeAsync(
                        request("gpt-4o-mini", SYSTEM, QUESTION),
                        ChatAnswer.of("Use the reset link.", "gpt-4o-mini", 30, 5),
                        LookupOptions.defaults())
                .toCompletableFuture()
                .join();

        LookupResult result = cache.lookupAsync(request("gpt-4o-mini", SYSTEM, PARAPHRASE))
                .toCompletableFuture()
                .join();

        assertThat(result).isInstanceOf(LookupResult.Hit.class);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void decorators_paraphrase_servedFromRedisWithoutUpstreamCall(Client client) {
        SemanticCache cache = cache(client, new CountingEmbedder(Embedders.miniLm()));
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            upstream.answerWith(r -> FakeOpenAiServer.Reply.text("Answer to: " + r.lastUserText())
                    .withUsage(1000, 500));
            ChatModel langchain = langchain(upstream, cache);
            OpenAIClient sdk = OpenAIOkHttpClient.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey("test")
                    .maxRetries(0)
                    .build();
            ChatCompletionService completions =
                    OpenAiSemanticCache.wrap(sdk.chat().completions(), cache);
            try {
                String first = langchain.chat(QUESTION);
                String second = langchain.chat(PARAPHRASE);
                // LangChain4j's provider parameters are part of its scope: the SDK's requests start their own.
                ChatCompletion sdkFirst = completions.create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage(QUESTION)
                        .build());
                ChatCompletion sdkSecond = completions.create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage(PARAPHRASE)
                        .build());

                assertThat(second).isEqualTo(first);
                assertThat(sdkSecond.choices().get(0).message().content())
                        .isEqualTo(sdkFirst.choices().get(0).message().content())
                        .hasValue(first);
                assertThat(upstream.requestCount()).isEqualTo(2);
                CacheStats stats = cache.stats();
                assertThat(stats.hits()).isEqualTo(2);
                assertThat(stats.hitRate()).isEqualTo(0.5);
                assertThat(stats.nanoUsdSaved()).isEqualTo(2 * 450_000);
            } finally {
                sdk.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void decorators_directionSwap_reachesTheUpstreamThroughTheDefaultVerifier(Client client) {
        SemanticCache cache = cache(client, new CountingEmbedder(Embedders.miniLm()));
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            upstream.answerWith(r -> FakeOpenAiServer.Reply.text("Answer to: " + r.lastUserText()));
            ChatModel langchain = langchain(upstream, cache);

            String eurToUsd = langchain.chat("Convert 50 EUR to USD");
            String usdToEur = langchain.chat("Convert 50 USD to EUR");

            // The prompts embed at 0.98 (MiniLM): the cache found the stored one and the verifier (on by default)
            // refused it, so the second question got its own answer.
            assertThat(eurToUsd).isEqualTo("Answer to: Convert 50 EUR to USD");
            assertThat(usdToEur).isEqualTo("Answer to: Convert 50 USD to EUR");
            assertThat(upstream.requestCount()).isEqualTo(2);
            assertThat(cache.stats().verifierRejections()).isEqualTo(1);
            assertThat(cache.stats().hits()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void lookup_redisUnreachable_failsOpen(Client client) {
        RedisConnectionConfig nowhere = RedisConnectionConfig.builder("redis://127.0.0.1:1")
                .connectTimeout(Duration.ofMillis(200))
                .commandTimeout(Duration.ofMillis(200))
                .build();
        try (VectorStore down = client.open.apply(nowhere, index)) {
            SemanticCache cache = SemanticCache.builder()
                    .embedder(Embedders.miniLm())
                    .store(down)
                    .build();

            LookupResult result = cache.lookup(request("gpt-4o-mini", SYSTEM, QUESTION));
            boolean stored =
                    cache.store(request("gpt-4o-mini", SYSTEM, QUESTION), ChatAnswer.of("x", "gpt-4o-mini", 1, 1));

            assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
            assertThat(stored).isFalse();
            assertThat(cache.stats().errors()).isEqualTo(2);
        }
    }

    @Test
    void invalidateNamespace_storedEntries_removed() {
        SemanticCache cache = cache(Client.LETTUCE, new CountingEmbedder(Embedders.miniLm()));
        cache.store(
                request("gpt-4o-mini", SYSTEM, QUESTION), ChatAnswer.of("Use the reset link.", "gpt-4o-mini", 30, 5));

        long removed = cache.invalidateNamespace(cache.namespace());

        assertThat(removed).isEqualTo(1);
        assertThat(cache.lookup(request("gpt-4o-mini", SYSTEM, QUESTION))).isInstanceOf(LookupResult.Miss.class);
    }
}
