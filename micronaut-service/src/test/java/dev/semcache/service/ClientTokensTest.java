package dev.semcache.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When the service holds the upstream key, only clients with a configured token may spend it. */
final class ClientTokensTest {
    private static ServiceFixture service;

    @BeforeAll
    static void start() {
        service = ServiceFixture.inMemory(Map.of(
                "semcache.upstream.api-key", "sk-upstream-secret", "semcache.client-auth.tokens", "tok-a,tok-b"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void chat_withoutOrWithWrongToken_is401_andNothingGoesUpstream() {
        String body = ServiceFixture.chat(ServiceFixture.MODEL, "hello", false);

        HttpResponse<String> none = service.postJson("/v1/chat/completions", body);
        HttpResponse<String> wrong = service.postJson("/v1/chat/completions", body, "Authorization", "Bearer sk-x");
        HttpResponse<String> models = service.get("/v1/models", "Authorization", "Bearer sk-x");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"type\":\"invalid_request_error\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_api_key");
        assertThat(models.statusCode()).isEqualTo(401);
        assertThat(service.upstream.requests()).isEmpty();
    }

    @Test
    void chat_withAClientToken_goesUpstreamWithTheServicesKey() {
        HttpResponse<String> ok = service.postJson(
                "/v1/chat/completions",
                ServiceFixture.chat(ServiceFixture.MODEL, "hello with a token", false),
                "Authorization",
                "Bearer tok-b");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(service.upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-upstream-secret");
    }
}
