package dev.semcache.service;

import static dev.semcache.service.ServiceAssertions.awaitStored;
import static dev.semcache.service.ServiceAssertions.namespaceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.semcache.testing.FakeOpenAiServer.Reply;
import dev.semcache.testing.RedisStack;
import dev.semcache.testing.RedisTestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proxy end to end on a real Redis Stack and the real embedding model, with the official OpenAI SDK as the client
 * and the fake upstream as the only stand-in. Every test uses a fresh credential, hence a fresh namespace.
 */
@RedisStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ChatCompletionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "admin-" + ServiceFixture.freshKey();

    private ServiceFixture service;

    @BeforeAll
    void start(RedisTestServer redis) {
        service = ServiceFixture.start(
                Map.of("semcache.cache.redis-url", redis.url(), "semcache.admin.token", ADMIN_TOKEN));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void resetUpstream() {
        service.upstream.reset();
    }

    private static ChatCompletionCreateParams ask(String model, String text) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage(text)
                .build();
    }

    private static String header(HttpResponseFor<?> response, String name) {
        return response.headers().values(name).stream().findFirst().orElse(null);
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    private static String streamedText(StreamResponse<ChatCompletionChunk> stream) {
        try (stream) {
            return stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
    }

    @Test
    void rewordedQuestion_nonStreaming_isSemanticHitWithoutUpstreamCall() {
        String key = ServiceFixture.freshKey();
        OpenAIClient client = service.sdk(key);

        HttpResponseFor<ChatCompletion> first = client.chat()
                .completions()
                .withRawResponse()
                .create(ask(ServiceFixture.MODEL, "How do I reset my password?"));
        String firstText = text(first.parse());
        awaitStored(service, key, ServiceFixture.MODEL, "How do I reset my password?");
        HttpResponseFor<ChatCompletion> second = client.chat()
                .completions()
                .withRawResponse()
                .create(ask(ServiceFixture.MODEL, "How can I reset my password?"));
        ChatCompletion secondCompletion = second.parse();

        assertThat(header(first, "X-Cache")).isEqualTo("MISS");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        assertThat(Double.parseDouble(header(second, "X-Cache-Similarity"))).isBetween(0.92, 1.0);
        assertThat(header(second, "Age")).matches("\\d+");
        assertThat(text(secondCompletion)).isEqualTo(firstText);
        assertThat(secondCompletion.id()).isNotEqualTo(first.parse().id());
        assertThat(service.upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void directionSwap_withTheDefaultVerifier_isMissThatSaysWhy_andGetsItsOwnAnswer() throws Exception {
        String key = ServiceFixture.freshKey();
        String namespace = namespaceOf(service, key);
        OpenAIClient client = service.sdk(key);

        client.chat().completions().create(ask(ServiceFixture.MODEL, "Convert 50 EUR to USD"));
        awaitStored(service, key, ServiceFixture.MODEL, "Convert 50 EUR to USD");
        HttpResponseFor<ChatCompletion> swapped = client.chat()
                .completions()
                .withRawResponse()
                .create(ask(ServiceFixture.MODEL, "Convert 50 USD to EUR"));

        // The two prompts embed at about 0.99; only the verifier (on by default) keeps the EUR answer from USD.
        assertThat(header(swapped, "X-Cache")).isEqualTo("MISS");
        assertThat(header(swapped, "X-Cache-Verdict")).isEqualTo("rejected:direction");
        assertThat(text(swapped.parse())).isEqualTo("Answer to: Convert 50 USD to EUR");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
        JsonNode mine = JSON.readTree(
                        service.get("/stats", "X-Admin-Token", ADMIN_TOKEN).body())
                .at("/namespaces/" + namespace);
        assertThat(mine.get("verifierRejections").asLong()).isEqualTo(1);
        assertThat(mine.get("misses").asLong()).isEqualTo(2);
    }

    @Test
    void differentModel_isMiss() {
        String key = ServiceFixture.freshKey();
        OpenAIClient client = service.sdk(key);
        client.chat().completions().create(ask(ServiceFixture.MODEL, "How tall is the Eiffel tower?"));
        awaitStored(service, key, ServiceFixture.MODEL, "How tall is the Eiffel tower?");

        HttpResponseFor<ChatCompletion> other =
                client.chat().completions().withRawResponse().create(ask("gpt-4o", "How tall is the Eiffel tower?"));

        assertThat(header(other, "X-Cache")).isEqualTo("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void twoCredentials_neverShareAnAnswer() {
        String alice = ServiceFixture.freshKey();
        String bob = ServiceFixture.freshKey();
        service.sdk(alice).chat().completions().create(ask(ServiceFixture.MODEL, "What is a semantic cache?"));
        awaitStored(service, alice, ServiceFixture.MODEL, "What is a semantic cache?");

        HttpResponseFor<ChatCompletion> bobs = service.sdk(bob)
                .chat()
                .completions()
                .withRawResponse()
                .create(ask(ServiceFixture.MODEL, "What is a semantic cache?"));

        assertThat(header(bobs, "X-Cache")).isEqualTo("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
        assertThat(namespaceOf(service, alice)).isNotEqualTo(namespaceOf(service, bob));
    }

    @Test
    void streamingHit_parsesInTheSdkToTheSameText() {
        String key = ServiceFixture.freshKey();
        OpenAIClient client = service.sdk(key);

        HttpResponseFor<StreamResponse<ChatCompletionChunk>> first = client.chat()
                .completions()
                .withRawResponse()
                .createStreaming(ask(ServiceFixture.MODEL, "Explain photosynthesis in one sentence."));
        String firstText = streamedText(first.parse());
        JsonNode upstreamBody = service.upstream.lastRequest().json();
        awaitStored(service, key, ServiceFixture.MODEL, "Explain photosynthesis in one sentence.");
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> second = client.chat()
                .completions()
                .withRawResponse()
                .createStreaming(ask(ServiceFixture.MODEL, "Explain photosynthesis in a single sentence."));
        String secondText = streamedText(second.parse());

        assertThat(header(first, "X-Cache")).isEqualTo("MISS");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        assertThat(firstText).isNotBlank();
        assertThat(secondText).isEqualTo(firstText);
        assertThat(upstreamBody.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(service.upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void streamingMiss_withoutUsageAsked_hidesTheUsageChunk_andHitReplaysValidSse() throws Exception {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "Name three primary colours.", true);

        HttpResponse<String> miss = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        awaitStored(service, key, ServiceFixture.MODEL, "Name three primary colours.");
        String withUsage =
                body.replace("\"stream\":true", "\"stream\":true,\"stream_options\":{\"include_usage\":true}");
        HttpResponse<String> hit =
                service.postJson("/v1/chat/completions", withUsage, "Authorization", "Bearer " + key);

        assertThat(miss.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
        assertThat(miss.body()).doesNotContain("\"prompt_tokens\"").endsWith("data: [DONE]\n\n");
        assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(hit.body())
                .startsWith("data: {")
                .contains("\"role\":\"assistant\"", "\"finish_reason\":\"stop\"", "\"prompt_tokens\"")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void upstream429WithRetryAfter_thenSuccess_oneAnswerTwoCalls() {
        service.upstream.enqueue(Reply.tooManyRequests(1));

        HttpResponseFor<ChatCompletion> response = service.sdk(ServiceFixture.freshKey())
                .chat()
                .completions()
                .withRawResponse()
                .create(ask(ServiceFixture.MODEL, "Retry after a rate limit"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response.parse())).isNotBlank();
        assertThat(service.upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void upstream500Twice_thenSuccess_threeCalls() {
        service.upstream.enqueue(Reply.serverError());
        service.upstream.enqueue(Reply.serverError());

        ChatCompletion completion = service.sdk(ServiceFixture.freshKey())
                .chat()
                .completions()
                .create(ask(ServiceFixture.MODEL, "Retry after two server errors"));

        assertThat(text(completion)).isNotBlank();
        assertThat(service.upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void upstream400_isPassedThroughOnce() {
        service.upstream.enqueue(Reply.error(400, "invalid_request_error", "Unsupported parameter: 'foo'", "bad_foo"));

        assertThatThrownBy(() -> service.sdk(ServiceFixture.freshKey())
                        .chat()
                        .completions()
                        .create(ask(ServiceFixture.MODEL, "A request the upstream rejects")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("Unsupported parameter");
                    assertThat(e.code()).contains("bad_foo");
                });
        assertThat(service.upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void upstream401_isPassedThroughOnce() {
        service.upstream.enqueue(
                Reply.error(401, "invalid_request_error", "Incorrect API key provided", "invalid_api_key"));

        assertThatThrownBy(() -> service.sdk(ServiceFixture.freshKey())
                        .chat()
                        .completions()
                        .create(ask(ServiceFixture.MODEL, "A request with a bad key")))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Incorrect API key");
        assertThat(service.upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void upstreamErrorAfterRetries_reachesClient_andNothingIsCached() throws Exception {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "Always failing question", false);
        for (int i = 0; i < 3; i++) {
            service.upstream.enqueue(Reply.serverError());
        }

        HttpResponse<String> failed = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        HttpResponse<String> again = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(failed.body()).at("/error/message").asText()).isNotBlank();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(4);
    }

    @Test
    void cutStream_isNotCached() {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "A stream that breaks off midway please", true);
        service.upstream.enqueue(Reply.text("one two three four five six").cutAfter(3));

        HttpResponse<String> cut = tryPost(body, key);
        HttpResponse<String> again = service.postJson(
                "/v1/chat/completions",
                body.replace("\"stream\":true", "\"stream\":false"),
                "Authorization",
                "Bearer " + key);

        assertThat(cut == null || !cut.body().contains("[DONE]")).isTrue();
        assertThat(again.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void truncatedAnswer_isNotCached() {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "A long answer cut by max tokens", false);
        service.upstream.enqueue(Reply.text("cut short").withFinishReason("length"));

        HttpResponse<String> first = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        HttpResponse<String> again = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);

        assertThat(first.body()).contains("\"length\"");
        assertThat(again.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void noCache_skipsLookupButStores_noStore_doesNotStore() {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "What does HTTP stand for?", false);
        String other = ServiceFixture.chat(ServiceFixture.MODEL, "What does TCP stand for?", false);

        HttpResponse<String> noCache = service.postJson(
                "/v1/chat/completions", body, "Authorization", "Bearer " + key, "Cache-Control", "no-cache");
        awaitStored(service, key, ServiceFixture.MODEL, "What does HTTP stand for?");
        HttpResponse<String> hit = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        service.postJson("/v1/chat/completions", other, "Authorization", "Bearer " + key, "Cache-Control", "no-store");
        HttpResponse<String> stillMiss =
                service.postJson("/v1/chat/completions", other, "Authorization", "Bearer " + key);

        assertThat(noCache.headers().firstValue("X-Cache")).contains("BYPASS");
        assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(hit.headers().firstValue("X-Cache-Lookup")).contains("exact");
        assertThat(stillMiss.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(service.upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void passThrough_getModels_isRelayedWithTheClientsCredential() throws Exception {
        HttpResponse<String> models =
                service.get("/v1/models?limit=5", "Authorization", "Bearer " + ServiceFixture.freshKey());
        HttpResponse<String> anonymous = service.get("/v1/models");

        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.headers().firstValue("X-Cache")).contains("BYPASS");
        assertThat(JSON.readTree(models.body()).at("/data/0/id").asText()).isEqualTo("gpt-4o-mini");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(service.upstream.requests())
                .anySatisfy(r -> assertThat(r.path()).isEqualTo("/v1/models"));
        assertThat(service.upstream.requestCount()).isZero();
    }

    @Test
    void adminInvalidation_needsTheToken_andEmptiesTheNamespace() throws Exception {
        String key = ServiceFixture.freshKey();
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "What is the boiling point of water?", false);
        service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        awaitStored(service, key, ServiceFixture.MODEL, "What is the boiling point of water?");
        String namespace = namespaceOf(service, key);

        HttpResponse<String> none = service.delete("/admin/cache?namespace=" + namespace);
        HttpResponse<String> wrong = service.delete("/admin/cache?namespace=" + namespace, "X-Admin-Token", "nope");
        HttpResponse<String> removed =
                service.delete("/admin/cache?namespace=" + namespace, "Authorization", "Bearer " + ADMIN_TOKEN);
        HttpResponse<String> after = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("removed").asLong()).isEqualTo(1);
        assertThat(after.headers().firstValue("X-Cache")).contains("MISS");
    }

    @Test
    void stats_afterTraffic_countHitsMissesAndSavingsPerNamespace() throws Exception {
        String key = ServiceFixture.freshKey();
        String namespace = namespaceOf(service, key);
        service.postJson(
                "/v1/chat/completions",
                ServiceFixture.chat(ServiceFixture.MODEL, "How many legs does a spider have?", false),
                "Authorization",
                "Bearer " + key);
        awaitStored(service, key, ServiceFixture.MODEL, "How many legs does a spider have?");
        service.postJson(
                "/v1/chat/completions",
                ServiceFixture.chat(ServiceFixture.MODEL, "How many legs does a spider have?", false),
                "Authorization",
                "Bearer " + key);

        // GET /stats needs the admin token when one is configured (dashboard branch).
        JsonNode stats = JSON.readTree(
                service.get("/stats", "X-Admin-Token", ADMIN_TOKEN).body());

        JsonNode mine = stats.at("/namespaces/" + namespace);
        assertThat(mine.get("requests").asLong()).isEqualTo(2);
        assertThat(mine.get("exactHits").asLong()).isEqualTo(1);
        assertThat(mine.get("misses").asLong()).isEqualTo(1);
        assertThat(mine.get("hitRate").asDouble()).isEqualTo(0.5);
        assertThat(mine.get("tokensSaved").asLong()).isPositive();
        assertThat(mine.get("usdSaved").asDouble()).isPositive();
        assertThat(mine.at("/hitLatency/count").asLong()).isEqualTo(1);
        assertThat(stats.at("/models/" + ServiceFixture.MODEL + "/requests").asLong())
                .isPositive();
        assertThat(stats.at("/total/requests").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.has("cache")).isTrue();
    }

    @Test
    void prometheus_exposesTheMetrics() {
        service.sdk(ServiceFixture.freshKey()).chat().completions().create(ask(ServiceFixture.MODEL, "Metrics please"));

        HttpResponse<String> prometheus = service.get("/prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("semcache_requests_total{")
                .contains("gen_ai_client_operation_duration_seconds")
                .contains("gen_ai_request_model=\"gpt-4o-mini\"");
    }

    @Test
    void health_showsRedisAndModel() throws Exception {
        HttpResponse<String> health = service.get("/health");

        JsonNode details = JSON.readTree(health.body()).get("details");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(details.at("/store/status").asText()).isEqualTo("UP");
        assertThat(details.at("/store/details/store").asText()).contains("lettuce");
        assertThat(details.at("/model/status").asText()).isEqualTo("UP");
        assertThat(details.at("/model/details/model").asText()).isEqualTo("bge-small-en-v1.5");
    }

    @Test
    void openApi_documentIsServed() {
        HttpResponse<String> document = service.get("/openapi.yml");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body())
                .contains("openapi: 3")
                .contains("/v1/chat/completions")
                .contains("/stats");
    }

    private HttpResponse<String> tryPost(String body, String key) {
        try {
            return service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key);
        } catch (RuntimeException e) {
            return null; // the client saw the stream break, as it should
        }
    }
}
