package dev.semcache.cache.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.semcache.testing.LogCapture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class StatsRecorderTest {

    @Test
    void disabled_singletonAndEmptySnapshot() {
        StatsRecorder disabled = StatsRecorder.disabled();
        disabled.exactHit();

        assertThat(disabled).isSameAs(StatsRecorder.disabled());
        assertThat(disabled.snapshot()).isEqualTo(CacheStats.empty());
    }

    @Test
    void guarded_wrappedTwice_wrapsOnce() {
        StatsRecorder recorder = new ConcurrentStatsRecorder(PriceTable.empty());

        StatsRecorder once = StatsRecorder.guarded(recorder);
        StatsRecorder twice = StatsRecorder.guarded(once);

        assertThat(twice).isSameAs(once).isNotSameAs(recorder);
        assertThat(StatsRecorder.guarded(StatsRecorder.disabled())).isSameAs(StatsRecorder.disabled());
    }

    @Test
    void guarded_delegateThrows_swallowedAndLoggedOnceAtWarn() {
        StatsRecorder broken = new ConcurrentStatsRecorder(PriceTable.empty());
        StatsRecorder throwing = new StatsRecorder() {
            @Override
            public void exactHit() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void semanticHit(double similarity) {}

            @Override
            public void miss() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void bypass(String reason) {}

            @Override
            public void verifierRejection(String reason) {}

            @Override
            public void error() {}

            @Override
            public void lookupLatency(long nanos) {}

            @Override
            public void tokensSaved(String model, long promptTokens, long completionTokens) {}

            @Override
            public CacheStats snapshot() {
                return broken.snapshot();
            }
        };
        StatsRecorder guarded = StatsRecorder.guarded(throwing);

        try (LogCapture log = LogCapture.of(GuardedStatsRecorder.class)) {
            guarded.exactHit();
            guarded.miss();

            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("threw on exactHit");
            assertThat(log.messages(Level.DEBUG)).singleElement().asString().contains("threw on miss");
        }
    }

    @Test
    void concurrent_manyThreads_exactCounts() {
        ConcurrentStatsRecorder recorder = new ConcurrentStatsRecorder(PriceTable.defaults());

        IntStream.range(0, 10_000).parallel().forEach(i -> {
            recorder.exactHit();
            recorder.tokensSaved("gpt-4.1-mini", 10, 5);
            recorder.lookupLatency(i);
        });

        CacheStats stats = recorder.snapshot();
        assertThat(stats.exactHits()).isEqualTo(10_000);
        assertThat(stats.promptTokensSaved()).isEqualTo(100_000);
        // gpt-4.1-mini: 10 x 400 + 5 x 1600 nano-dollars per call.
        assertThat(stats.nanoUsdSaved()).isEqualTo(10_000L * (10 * 400 + 5 * 1600));
        assertThat(stats.latencyCount()).isEqualTo(10_000);
    }

    @Test
    void concurrent_tooManyModelNames_restCountedUnderOther() {
        ConcurrentStatsRecorder recorder = new ConcurrentStatsRecorder(PriceTable.defaults());

        for (int i = 0; i < ConcurrentStatsRecorder.MAX_MODELS + 10; i++) {
            recorder.tokensSaved("model-" + i, 1, 1);
        }
        recorder.tokensSaved("gpt-4o", 1000, 0);

        CacheStats stats = recorder.snapshot();
        assertThat(stats.models()).hasSize(ConcurrentStatsRecorder.MAX_MODELS + 1);
        ModelSavings other = stats.models().get(ConcurrentStatsRecorder.OTHER_MODELS);
        assertThat(other.hits()).isEqualTo(11);
        assertThat(other.usdSaved()).isEmpty();
        assertThat(stats.nanoUsdSaved()).isEqualTo(2_500_000);
        assertThat(stats.tokensWithUnknownPrice()).isEqualTo(2L * (ConcurrentStatsRecorder.MAX_MODELS + 10));
    }
}
