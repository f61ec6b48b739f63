package dev.semcache.cache.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

final class StatsPublisherTest {
    private final SharedCounters shared = SharedCounters.inMemory();

    @Test
    void publish_twoProcesses_sharedTotalIsTheSum() {
        StatsRecorder replicaA = StatsRecorder.concurrent(PriceTable.defaults());
        StatsRecorder replicaB = StatsRecorder.concurrent(PriceTable.defaults());
        StatsPublisher publisherA = new StatsPublisher(replicaA, shared, "bot");
        StatsPublisher publisherB = new StatsPublisher(replicaB, shared, "bot");
        replicaA.exactHit();
        replicaA.tokensSaved("gpt-4o", 100, 10);
        replicaB.miss();

        publisherA.publish().toCompletableFuture().join();
        publisherB.publish().toCompletableFuture().join();
        replicaA.semanticHit(0.95);
        publisherA.publish().toCompletableFuture().join();
        publisherA.publish().toCompletableFuture().join();

        CacheStats total = shared.read("bot").toCompletableFuture().join();
        assertThat(total.exactHits()).isEqualTo(1);
        assertThat(total.semanticHits()).isEqualTo(1);
        assertThat(total.misses()).isEqualTo(1);
        assertThat(total.hitRate()).isEqualTo(2.0 / 3);
        assertThat(total.nanoUsdSaved()).isEqualTo(100 * 2_500 + 10 * 10_000);
        assertThat(shared.read("other").toCompletableFuture().join()).isEqualTo(CacheStats.empty());
    }

    @Test
    void publish_sharedCountersFail_countsSentWithNextReport() {
        FlakyCounters flaky = new FlakyCounters();
        StatsRecorder local = StatsRecorder.concurrent(PriceTable.empty());
        StatsPublisher publisher = new StatsPublisher(local, flaky, "bot");
        local.miss();
        flaky.down = true;

        assertThatThrownBy(() -> publisher.publish().toCompletableFuture().join())
                .isInstanceOf(CompletionException.class);
        flaky.down = false;
        local.miss();
        publisher.publish().toCompletableFuture().join();

        assertThat(shared.read("bot").toCompletableFuture().join().misses()).isEqualTo(2);
    }

    /** Shared counters that fail while {@link #down}: a fault injector around the in-memory ones. */
    private final class FlakyCounters implements SharedCounters {
        volatile boolean down;

        @Override
        public CompletionStage<Void> add(String namespace, CacheStats delta) {
            if (down) {
                return CompletableFuture.failedFuture(new IllegalStateException("counters unreachable"));
            }
            return shared.add(namespace, delta);
        }

        @Override
        public CompletionStage<CacheStats> read(String namespace) {
            return shared.read(namespace);
        }
    }
}
