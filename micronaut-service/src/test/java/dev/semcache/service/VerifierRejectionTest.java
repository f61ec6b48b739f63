package dev.semcache.service;

import static dev.semcache.service.ServiceAssertions.awaitStored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A near miss the verifier rejects is a MISS that says why, and is counted. */
final class VerifierRejectionTest {
    private static ServiceFixture service;

    @BeforeAll
    static void start() {
        service = ServiceFixture.inMemory(Map.of(RejectingVerifier.PROPERTY, "reject-rewordings"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void rejectedNearMiss_isMissWithVerdictHeader_andCounted() throws Exception {
        String key = ServiceFixture.freshKey();
        service.postJson(
                "/v1/chat/completions",
                ServiceFixture.chat(ServiceFixture.MODEL, "What is the capital of France?", false),
                "Authorization",
                "Bearer " + key);
        awaitStored(service, key, ServiceFixture.MODEL, "What is the capital of France?");

        HttpResponse<String> nearMiss = service.postJson(
                "/v1/chat/completions",
                ServiceFixture.chat(ServiceFixture.MODEL, "Which city is the capital of France?", false),
                "Authorization",
                "Bearer " + key);

        assertThat(nearMiss.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(nearMiss.headers().firstValue("X-Cache-Verdict")).contains("rejected:test-reworded");
        assertThat(service.upstream.requestCount()).isEqualTo(2);
        assertThat(new ObjectMapper()
                        .readTree(service.get("/stats").body())
                        .at("/total/verifierRejections")
                        .asLong())
                .isEqualTo(1);
    }
}
