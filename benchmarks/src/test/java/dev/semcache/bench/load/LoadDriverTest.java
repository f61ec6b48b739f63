package dev.semcache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.testing.FakeOpenAiServer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LoadDriverTest {

    @Test
    void run_againstFakeUpstream_recordsDirectLatenciesWithinBounds() {
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            LoadDriver driver = new LoadDriver(HttpClient.newHttpClient(), "test");
            RequestMix mix = new RequestMix("gpt-4o-mini", 0.5, "t");

            PhaseResult result = driver.run(
                    "direct",
                    upstream.chatCompletionsUri(),
                    true,
                    false,
                    2,
                    Duration.ofSeconds(5),
                    20,
                    mix,
                    1,
                    n -> {});

            assertThat(result.completed()).isEqualTo(20);
            assertThat(result.failed()).isZero();
            assertThat(result.latency()).containsOnlyKeys(LoadDriver.DIRECT);
            assertThat(result.wallNanos()).isPositive();
        }
    }

    @Test
    void run_streams_readsToDoneAndRecordsFirstByte() {
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            LoadDriver driver = new LoadDriver(HttpClient.newHttpClient(), "test");
            RequestMix mix = new RequestMix("gpt-4o-mini", 0.0, "t");

            PhaseResult result = driver.run(
                    "direct", upstream.chatCompletionsUri(), true, true, 1, Duration.ofSeconds(5), 5, mix, 1, n -> {});

            assertThat(result.completed()).isEqualTo(5);
            assertThat(result.firstByte().get(LoadDriver.DIRECT).count()).isEqualTo(5);
        }
    }

    @Test
    void run_unauthorised_countsErrorsByStatus() {
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            LoadDriver driver = new LoadDriver(HttpClient.newHttpClient(), "");
            RequestMix mix = new RequestMix("gpt-4o-mini", 0.5, "t");

            PhaseResult result = driver.run(
                    "direct", upstream.chatCompletionsUri(), true, false, 1, Duration.ofSeconds(5), 3, mix, 1, n -> {});

            assertThat(result.errors()).containsEntry("HTTP 401", 3L);
        }
    }
}
