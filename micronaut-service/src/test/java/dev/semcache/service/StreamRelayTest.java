package dev.semcache.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.semcache.testing.FakeOpenAiServer.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A streamed miss reaches the client chunk by chunk while the upstream is still sending, not after it finished. */
final class StreamRelayTest {
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
    void streamedMiss_chunksReachTheClientWhileTheUpstreamIsPaused() throws Exception {
        CountDownLatch resume = new CountDownLatch(1);
        service.upstream.enqueue(Reply.text("alpha beta gamma delta"));
        service.upstream.pauseNextStream(2, resume);
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ServiceFixture.freshKey())
                .POST(HttpRequest.BodyPublishers.ofString(
                        ServiceFixture.chat(ServiceFixture.MODEL, "Stream me four words", true)))
                .build();
        List<String> received = new CopyOnWriteArrayList<>();

        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        received.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        List<String> beforeResume = List.copyOf(received);
        resume.countDown();
        reading.get();

        assertThat(response.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(beforeResume).hasSize(2).noneMatch(line -> line.contains("[DONE]"));
        assertThat(beforeResume.get(1)).contains("alpha");
        assertThat(received).last().isEqualTo("data: [DONE]");
    }
}
