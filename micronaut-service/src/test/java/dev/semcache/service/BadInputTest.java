package dev.semcache.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semcache.cache.SemanticCache;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed request gets a 4xx with an OpenAI error body naming the problem, and nothing is looked up or sent. */
final class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Bearer sk-bad-input";
    private static ServiceFixture service;

    @BeforeAll
    static void start() {
        service = ServiceFixture.inMemory(
                Map.of("semcache.cache.max-body-bytes", 4096, "micronaut.server.max-request-size", "64KB"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"model\":", 400, "invalid_json", null),
                Arguments.of("array body", "[1,2]", 400, "invalid_json", null),
                Arguments.of(
                        "missing model", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 400, null, "model"),
                Arguments.of(
                        "model not a string",
                        "{\"model\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        null,
                        "model"),
                Arguments.of("missing messages", "{\"model\":\"gpt-4o-mini\"}", 400, null, "messages"),
                Arguments.of(
                        "messages not an array",
                        "{\"model\":\"gpt-4o-mini\",\"messages\":\"hi\"}",
                        400,
                        null,
                        "messages"),
                Arguments.of("empty messages", "{\"model\":\"gpt-4o-mini\",\"messages\":[]}", 400, null, "messages"),
                Arguments.of(
                        "temperature a string",
                        "{\"model\":\"gpt-4o-mini\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        null,
                        "temperature"),
                Arguments.of(
                        "stream not a boolean",
                        "{\"model\":\"gpt-4o-mini\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        400,
                        null,
                        "stream"),
                Arguments.of("empty body", "", 400, "empty_body", null),
                Arguments.of(
                        "body over the chat limit",
                        "{\"model\":\"" + "x".repeat(5000) + "\"}",
                        413,
                        "body_too_large",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void post_badBody_isRejectedWithOpenAiError(String name, String body, int status, String code, String param)
            throws Exception {
        HttpResponse<String> response = service.postJson("/v1/chat/completions", body, "Authorization", AUTH);

        assertOpenAiError(response, status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        if (code != null) {
            assertThat(error.get("code").asText()).isEqualTo(code);
        }
        if (param != null) {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
        assertNothingLookedUpOrSent();
    }

    @Test
    void post_invalidUtf8_isRejected() throws Exception {
        byte[] body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"\u0000\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        body[body.length - 5] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8

        HttpResponse<String> response =
                service.post("/v1/chat/completions", "application/json", body, "Authorization", AUTH);

        assertOpenAiError(response, 400);
        assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("invalid_encoding");
        assertNothingLookedUpOrSent();
    }

    @Test
    void post_wrongContentType_isRejectedWith415() throws Exception {
        HttpResponse<String> response = service.post(
                "/v1/chat/completions",
                "text/plain",
                ServiceFixture.chat("gpt-4o-mini", "hi", false).getBytes(StandardCharsets.UTF_8),
                "Authorization",
                AUTH);

        assertOpenAiError(response, 415);
        assertNothingLookedUpOrSent();
    }

    @Test
    void post_formContentType_isRejectedWith415() throws Exception {
        HttpResponse<String> response = service.post(
                "/v1/chat/completions", "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8));

        assertOpenAiError(response, 415);
        assertNothingLookedUpOrSent();
    }

    @Test
    void post_bodyOverMicronautsLimit_isRejectedWith413InOpenAiFormat() throws Exception {
        HttpResponse<String> response = service.postJson(
                "/v1/chat/completions", "{\"model\":\"" + "x".repeat(100_000) + "\"}", "Authorization", AUTH);

        assertOpenAiError(response, 413);
        assertNothingLookedUpOrSent();
    }

    @Test
    void get_unknownPath_isOpenAi404() throws Exception {
        HttpResponse<String> response = service.get("/nothing-here");

        assertOpenAiError(response, 404);
    }

    @Test
    void get_chatCompletionsWithWrongMethod_isNotAServerError() throws Exception {
        HttpResponse<String> response = service.get("/v1/chat/completions", "Authorization", AUTH);

        // GET /v1/chat/completions is OpenAI's "list stored completions": passed through to the upstream.
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(JSON.readTree(response.body()).get("error").isObject()).isTrue();
    }

    private static void assertOpenAiError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
    }

    private static void assertNothingLookedUpOrSent() {
        assertThat(service.upstream.requestCount()).isZero();
        assertThat(service.bean(SemanticCache.class).stats().requests()).isZero();
    }
}
