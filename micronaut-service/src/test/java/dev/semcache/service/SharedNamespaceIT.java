package dev.semcache.service;

import static dev.semcache.service.ServiceAssertions.awaitStored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.testing.RedisStack;
import dev.semcache.testing.RedisTestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With {@code semcache.tenancy.mode: shared}, clients with different credentials share one namespace. */
@RedisStack
final class SharedNamespaceIT {

    @Test
    void sharedMode_twoCredentials_shareTheAnswer(RedisTestServer redis) {
        String shared = "it-shared-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceFixture service = ServiceFixture.start(Map.of(
                "semcache.cache.redis-url",
                redis.url(),
                "semcache.tenancy.mode",
                "shared",
                "semcache.tenancy.shared-namespace",
                shared))) {
            String alice = ServiceFixture.freshKey();
            String bob = ServiceFixture.freshKey();
            String question = "How do I reset my password?";

            HttpResponse<String> first = service.postJson(
                    "/v1/chat/completions",
                    ServiceFixture.chat(ServiceFixture.MODEL, question, false),
                    "Authorization",
                    "Bearer " + alice);
            awaitStored(service, alice, ServiceFixture.MODEL, question);
            HttpResponse<String> second = service.postJson(
                    "/v1/chat/completions",
                    ServiceFixture.chat(ServiceFixture.MODEL, "How can I reset my password?", false),
                    "Authorization",
                    "Bearer " + bob);

            assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
            assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
            assertThat(service.upstream.requestCount()).isEqualTo(1);
        }
    }
}
