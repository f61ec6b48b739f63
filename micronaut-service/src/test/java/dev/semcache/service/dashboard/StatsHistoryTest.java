package dev.semcache.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.service.config.DashboardConfig;
import dev.semcache.service.observe.RequestOutcome;
import dev.semcache.service.observe.RequestRecord;
import dev.semcache.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class StatsHistoryTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final PriceTable PRICES = PriceTable.builder()
            .put("gpt-test", ModelPrice.perMillion("1.00", "2.00"))
            .build();

    private final TestClock clock = new TestClock(T0.plusSeconds(3));
    private final StatsHistory history =
            new StatsHistory(new DashboardConfig(Duration.ofSeconds(10), Duration.ofMinutes(1)), PRICES, clock);

    @Test
    void snapshot_noTraffic_listsEveryAlignedSlotOfTheWindowEmpty() {
        HistoryView view = history.snapshot();

        assertThat(view.slotSeconds()).isEqualTo(10);
        assertThat(view.now()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.slots())
                .extracting(HistoryView.Slot::start)
                .containsExactly(
                        T0.minusSeconds(50),
                        T0.minusSeconds(40),
                        T0.minusSeconds(30),
                        T0.minusSeconds(20),
                        T0.minusSeconds(10),
                        T0);
        assertThat(view.slots()).allSatisfy(slot -> assertThat(slot.requests()).isZero());
        assertThat(view.window().start()).isEqualTo(T0.minusSeconds(50));
        assertThat(view.window().hitRate()).isZero();
    }

    @Test
    void onRequest_eachOutcome_countsInTheCurrentSlot() {
        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));
        history.onRequest(record(RequestOutcome.SEMANTIC_HIT, 0, 0));
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        history.onRequest(record(RequestOutcome.BYPASS, 0, 0));

        HistoryView.Slot current = history.snapshot().slots().get(5);
        assertThat(current.start()).isEqualTo(T0);
        assertThat(current.requests()).isEqualTo(4);
        assertThat(current.exactHits()).isEqualTo(1);
        assertThat(current.semanticHits()).isEqualTo(1);
        assertThat(current.misses()).isEqualTo(1);
        assertThat(current.bypasses()).isEqualTo(1);
        assertThat(current.hitRate()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void onRequest_inLaterSlots_keepsEachSlotApartAndSumsTheWindow() {
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.ofSeconds(10));
        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));
        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));

        HistoryView view = history.snapshot();

        assertThat(view.slots().get(4).misses()).isEqualTo(1);
        assertThat(view.slots().get(5).exactHits()).isEqualTo(2);
        assertThat(view.slots().get(5).start()).isEqualTo(T0.plusSeconds(10));
        assertThat(view.window().requests()).isEqualTo(3);
        assertThat(view.window().hitRate()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void onRequest_hitOfPricedModel_savesTokensAndDollarsByThePriceTable() {
        history.onRequest(record(RequestOutcome.SEMANTIC_HIT, 1_000_000, 500_000));

        HistoryView.Slot window = history.snapshot().window();

        assertThat(window.tokensSaved()).isEqualTo(1_500_000);
        assertThat(window.usdSaved()).isCloseTo(2.00, within(1e-9));
    }

    @Test
    void onRequest_hitOfUnpricedModel_savesTokensButNoDollars() {
        history.onRequest(
                new RequestRecord("ns", "unknown-model", RequestOutcome.EXACT_HIT, 1, 100, 50, false, false, false));

        HistoryView.Slot window = history.snapshot().window();

        assertThat(window.tokensSaved()).isEqualTo(150);
        assertThat(window.usdSaved()).isZero();
    }

    @Test
    void onRequest_flagsAndLatencies_areCountedAndAveragedPerKind() {
        history.onRequest(new RequestRecord(
                "ns", "gpt-test", RequestOutcome.EXACT_HIT, Duration.ofMillis(2).toNanos(), 0, 0, false, false, false));
        history.onRequest(new RequestRecord(
                "ns",
                "gpt-test",
                RequestOutcome.SEMANTIC_HIT,
                Duration.ofMillis(4).toNanos(),
                0,
                0,
                false,
                false,
                false));
        history.onRequest(new RequestRecord(
                "ns", "gpt-test", RequestOutcome.MISS, Duration.ofMillis(900).toNanos(), 0, 0, true, true, true));
        history.onRequest(new RequestRecord(
                "ns", "gpt-test", RequestOutcome.BYPASS, Duration.ofMillis(1100).toNanos(), 0, 0, false, false, false));

        HistoryView.Slot window = history.snapshot().window();

        assertThat(window.hitLatencyMeanMs()).isCloseTo(3.0, within(1e-9));
        assertThat(window.missLatencyMeanMs()).isCloseTo(1000.0, within(1e-9));
        assertThat(window.verifierRejections()).isEqualTo(1);
        assertThat(window.cacheErrors()).isEqualTo(1);
        assertThat(window.upstreamErrors()).isEqualTo(1);
    }

    @Test
    void snapshot_afterTheRetention_dropsSlotsThatLeftTheWindow() {
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.ofSeconds(50));
        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));

        HistoryView stillThere = history.snapshot();
        clock.advance(Duration.ofSeconds(10));
        HistoryView gone = history.snapshot();

        assertThat(stillThere.window().misses()).isEqualTo(1);
        assertThat(stillThere.window().exactHits()).isEqualTo(1);
        assertThat(gone.window().misses()).isZero();
        assertThat(gone.window().exactHits()).isEqualTo(1);
    }

    @Test
    void onRequest_oneRetentionLater_reusesTheSlotWithoutTheOldCounts() {
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.ofMinutes(1));

        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));

        HistoryView.Slot current = history.snapshot().slots().get(5);
        assertThat(current.start()).isEqualTo(T0.plusSeconds(60));
        assertThat(current.misses()).isZero();
        assertThat(current.exactHits()).isEqualTo(1);
    }

    @Test
    void snapshot_afterIdlingLongerThanTheWindow_isEmpty() {
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.ofHours(5));

        HistoryView view = history.snapshot();

        assertThat(view.window().requests()).isZero();
        assertThat(view.slots()).hasSize(6).allSatisfy(slot -> assertThat(slot.requests())
                .isZero());
    }

    @Test
    void onRequest_clockSteppedBackBeyondTheWindow_isNotCounted() {
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.between(clock.instant(), T0.minus(Duration.ofMinutes(2))));

        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(3)));

        HistoryView view = history.snapshot();
        assertThat(view.window().exactHits()).isZero();
        assertThat(view.window().misses()).isEqualTo(1);
    }

    @Test
    void onRequest_clockSteppedBackWithinTheWindow_countsInItsEarlierSlot() {
        clock.advance(Duration.ofSeconds(20));
        history.onRequest(record(RequestOutcome.MISS, 0, 0));
        clock.advance(Duration.ofSeconds(-20));

        history.onRequest(record(RequestOutcome.EXACT_HIT, 0, 0));
        clock.advance(Duration.ofSeconds(20));

        HistoryView view = history.snapshot();
        assertThat(view.slots().get(3).exactHits()).isEqualTo(1);
        assertThat(view.slots().get(5).misses()).isEqualTo(1);
    }

    @Test
    void config_retentionNotAMultipleOfTheSlot_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new DashboardConfig(Duration.ofSeconds(7), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("semcache.dashboard.history-retention");
    }

    @Test
    void config_fractionalSlot_isRejected() {
        assertThatThrownBy(() -> new DashboardConfig(Duration.ofMillis(1500), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of seconds");
    }

    @Test
    void config_tooManySlots_isRejected() {
        assertThatThrownBy(() -> new DashboardConfig(Duration.ofSeconds(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10000 slots");
    }

    @Test
    void config_defaults_keepAnHourOfTenSecondSlots() {
        assertThat(DashboardConfig.defaults().slotCount()).isEqualTo(360);
    }

    private static RequestRecord record(RequestOutcome outcome, long promptSaved, long completionSaved) {
        return new RequestRecord(
                "ns", "gpt-test", outcome, 1_000_000, promptSaved, completionSaved, false, false, false);
    }
}
