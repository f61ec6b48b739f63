package dev.semcache.service.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class ServiceStatsTest {
    private static final PriceTable PRICES =
            PriceTable.builder().put("priced", ModelPrice.perMillion("1", "2")).build();

    private static ServiceStats stats() {
        return new ServiceStats(PRICES, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static RequestRecord record(String ns, String model, RequestOutcome outcome, long prompt, long completion) {
        return new RequestRecord(ns, model, outcome, 2_000_000, prompt, completion, false, false, false);
    }

    @Test
    void snapshot_noRequests_hitRateIsZero() {
        StatsView view = stats().snapshot(CacheStats.empty());

        assertThat(view.total().requests()).isZero();
        assertThat(view.total().hitRate()).isZero();
        assertThat(view.total().usdComplete()).isTrue();
    }

    @Test
    void snapshot_mixedTraffic_countsTotalsPerModelAndPerNamespace() {
        ServiceStats stats = stats();
        stats.onRequest(record("ns-a", "priced", RequestOutcome.SEMANTIC_HIT, 1_000_000, 500_000));
        stats.onRequest(record("ns-a", "priced", RequestOutcome.MISS, 0, 0));
        stats.onRequest(record("ns-b", "unpriced", RequestOutcome.EXACT_HIT, 10, 5));
        stats.onRequest(record("ns-b", "unpriced", RequestOutcome.BYPASS, 0, 0));

        StatsView view = stats.snapshot(CacheStats.empty());

        assertThat(view.total().requests()).isEqualTo(4);
        assertThat(view.total().hits()).isEqualTo(2);
        assertThat(view.total().exactHits()).isEqualTo(1);
        assertThat(view.total().semanticHits()).isEqualTo(1);
        assertThat(view.total().hitRate()).isEqualTo(2.0 / 3.0);
        assertThat(view.total().usdSaved()).isEqualTo(2.0);
        assertThat(view.total().tokensWithUnknownPrice()).isEqualTo(15);
        assertThat(view.total().usdComplete()).isFalse();
        assertThat(view.models().get("priced").usdComplete()).isTrue();
        assertThat(view.namespaces().get("ns-a").misses()).isEqualTo(1);
        assertThat(view.namespaces().get("ns-b").bypasses()).isEqualTo(1);
        assertThat(view.total().hitLatency().count()).isEqualTo(2);
        assertThat(view.total().hitLatency().p50Ms()).isBetween(1.9, 2.1);
    }

    @Test
    void record_manyNamespaces_extraOnesShareOneBucket() {
        ServiceStats stats = stats();
        for (int i = 0; i < ServiceStats.MAX_KEYS + 10; i++) {
            stats.onRequest(record("ns-" + i, "m", RequestOutcome.MISS, 0, 0));
        }

        StatsView view = stats.snapshot(CacheStats.empty());

        assertThat(view.namespaces()).hasSize(ServiceStats.MAX_KEYS + 1);
        assertThat(view.namespaces().get(ServiceStats.OTHER).misses()).isEqualTo(10);
    }
}
