package dev.semcache.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.semcache.service.ServiceFixture;
import dev.semcache.testing.FakeOpenAiServer.Reply;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SingleFlightTest {
    private static final int CLIENTS = 5;
    private static ServiceFixture service;

    @BeforeAll
    static void start() {
        service = ServiceFixture.inMemory(Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void concurrentIdenticalMisses_makeOneUpstreamCall_andAllGetTheAnswer() {
        String key = ServiceFixture.freshKey();
        CountDownLatch release = new CountDownLatch(1);
        service.upstream.enqueue(Reply.text("The shared answer.").heldUntil(release));
        String nonStream = ServiceFixture.chat(ServiceFixture.MODEL, "What do all of you want to know?", false);
        String stream = ServiceFixture.chat(ServiceFixture.MODEL, "What do all of you want to know?", true);
        SingleFlight flights = service.bean(ChatProxy.class).flights();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String body = i % 2 == 0 ? nonStream : stream;
            calls.add(CompletableFuture.supplyAsync(
                    () -> service.postJson("/v1/chat/completions", body, "Authorization", "Bearer " + key)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> flights.followersWaiting() == CLIENTS - 1);
        release.countDown();
        List<HttpResponse<String>> responses =
                calls.stream().map(CompletableFuture::join).toList();

        assertThat(service.upstream.requestCount()).isEqualTo(1);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("shared");
        });
        assertThat(responses.stream()
                        .filter(r -> r.headers().firstValue("X-Cache-Shared").isPresent()))
                .hasSize(CLIENTS - 1);
        assertThat(responses.get(1).body()).startsWith("data: ").endsWith("data: [DONE]\n\n");
    }
}
