package dev.semcache.cache.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class CacheStatsTest {

    @Test
    void hitRate_noRequests_zero() {
        assertThat(CacheStats.empty().hitRate()).isEqualTo(0.0);
        assertThat(CacheStats.empty().averageSemanticSimilarity()).isEqualTo(0.0);
        assertThat(CacheStats.empty().latencyP50Nanos()).isZero();
    }

    @Test
    void hitRate_hitsOverRequestsIncludingBypasses() {
        CacheStats stats = CacheStats.builder()
                .exactHits(1)
                .semanticHits(2)
                .misses(4)
                .bypasses(1)
                .build();

        assertThat(stats.requests()).isEqualTo(8);
        assertThat(stats.hits()).isEqualTo(3);
        assertThat(stats.hitRate()).isEqualTo(3.0 / 8);
    }

    @Test
    void plus_nearMaxCounts_saturates() {
        CacheStats big = CacheStats.builder()
                .misses(Long.MAX_VALUE - 1)
                .nanoUsdSaved(Long.MAX_VALUE)
                .build();

        CacheStats sum = big.plus(big);

        assertThat(sum.misses()).isEqualTo(Long.MAX_VALUE);
        assertThat(sum.nanoUsdSaved()).isEqualTo(Long.MAX_VALUE);
        assertThat(sum.requests()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void minus_laterMinusEarlier_interval() {
        ConcurrentStatsRecorder recorder = new ConcurrentStatsRecorder(PriceTable.defaults());
        recorder.exactHit();
        recorder.tokensSaved("gpt-4o", 100, 10);
        recorder.lookupLatency(1_000);
        CacheStats earlier = recorder.snapshot();
        recorder.semanticHit(0.95);
        recorder.tokensSaved("gpt-4o", 200, 20);
        recorder.miss();
        recorder.lookupLatency(2_000_000);
        CacheStats later = recorder.snapshot();

        CacheStats interval = later.minus(earlier);

        assertThat(interval.exactHits()).isZero();
        assertThat(interval.semanticHits()).isEqualTo(1);
        assertThat(interval.misses()).isEqualTo(1);
        assertThat(interval.promptTokensSaved()).isEqualTo(200);
        assertThat(interval.models().get("gpt-4o").hits()).isEqualTo(1);
        assertThat(interval.latencyCount()).isEqualTo(1);
        assertThat(earlier.plus(interval)).isEqualTo(later);
        assertThat(earlier.minus(later).exactHits()).isEqualTo(0);
    }

    @Test
    void latency_percentiles_withinBucketPrecision() {
        CacheStats.Builder b = CacheStats.builder();
        for (long ms = 1; ms <= 100; ms++) {
            b.addLatency(ms * 1_000_000, 1);
        }

        CacheStats stats = b.build();

        assertThat(stats.latencyCount()).isEqualTo(100);
        assertThat(stats.latencyP50Nanos()).isBetween(47_000_000L, 53_500_000L);
        assertThat(stats.latencyP90Nanos()).isBetween(84_500_000L, 95_500_000L);
        assertThat(stats.latencyP99Nanos()).isBetween(93_000_000L, 105_500_000L);
    }

    @Test
    void latencyNanos_badQuantile_rejected() {
        assertThatThrownBy(() -> CacheStats.empty().latencyNanos(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantile");
    }

    @Test
    void histogram_bucketsCoverEveryLong_inOrder() {
        assertThat(LatencyHistogram.bucket(0)).isZero();
        assertThat(LatencyHistogram.bucket(-5)).isZero();
        assertThat(LatencyHistogram.bucket(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            long lower = LatencyHistogram.lowerBound(i);
            assertThat(lower).isGreaterThan(LatencyHistogram.lowerBound(i - 1));
            assertThat(LatencyHistogram.bucket(lower)).isEqualTo(i);
            assertThat(LatencyHistogram.bucket(lower - 1)).isEqualTo(i - 1);
        }
    }
}
