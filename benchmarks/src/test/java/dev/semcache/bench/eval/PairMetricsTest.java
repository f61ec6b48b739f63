package dev.semcache.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.bench.eval.PairMetrics.ThresholdRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PairMetricsTest {

    private static final LabelledPair SAME = new LabelledPair(2, "a", "b", true, "paraphrase");
    private static final LabelledPair OTHER = new LabelledPair(3, "c", "d", false, "number");

    @Test
    void thresholdRange_parse_includesBothEndsExactly() {
        ThresholdRange range = ThresholdRange.parse("0.80:0.92:0.04");

        assertThat(range.values()).containsExactly(0.8, 0.84, 0.88, 0.92);
        assertThat(range).hasToString("0.80:0.92:0.04");
    }

    @Test
    void thresholdRange_malformed_throwsWithExample() {
        assertThatThrownBy(() -> ThresholdRange.parse("0.8-0.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected FROM:TO:STEP");
        assertThatThrownBy(() -> ThresholdRange.parse("0.9:0.8:0.01")).hasMessageContaining("FROM must not exceed TO");
        assertThatThrownBy(() -> ThresholdRange.parse("0.8:1.2:0.01")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ThresholdRange.parse("0.8:0.9:0")).hasMessageContaining("STEP must be positive");
        assertThatThrownBy(() -> ThresholdRange.parse("a:b:c")).hasMessageContaining("decimal numbers");
    }

    @Test
    void hitAt_semanticAccepted_hitsUpToItsSimilarity() {
        PairOutcome outcome = new PairOutcome(SAME, "semantic", 0.9, "accepted", true, 0.0);

        assertThat(outcome.hitAt(0.9)).isTrue();
        assertThat(outcome.hitAt(0.91)).isFalse();
        assertThat(outcome.outcomeAt(0.95)).isEqualTo("not_found");
        assertThat(outcome.outcomeAt(0.5)).isEqualTo("semantic");
    }

    @Test
    void hitAt_rejected_neverHits() {
        PairOutcome outcome = new PairOutcome(OTHER, "rejected", 0.99, "direction", false, 0.0);

        assertThat(outcome.hitAt(0.5)).isFalse();
        assertThat(outcome.outcomeAt(0.5)).isEqualTo("rejected");
        assertThat(outcome.outcomeAt(0.995)).isEqualTo("not_found");
    }

    @Test
    void hitAt_exact_alwaysHits() {
        PairOutcome outcome = new PairOutcome(SAME, "exact", 1.0, null, true, 0.92);

        assertThat(outcome.hitAt(1.0)).isTrue();
    }

    @Test
    void hitAt_belowLookupThreshold_throws() {
        PairOutcome outcome = new PairOutcome(SAME, "not_found", Double.NaN, null, false, 0.92);

        assertThatThrownBy(() -> outcome.hitAt(0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ran at threshold 0.92");
    }

    @Test
    void sweep_outcomes_countsEachThresholdAndFindsLowestReachingPrecision() {
        List<PairOutcome> outcomes = List.of(
                new PairOutcome(SAME, "semantic", 0.95, "accepted", true, 0.0),
                new PairOutcome(SAME, "semantic", 0.85, "accepted", true, 0.0),
                new PairOutcome(OTHER, "semantic", 0.90, "accepted", true, 0.0),
                new PairOutcome(OTHER, "not_found", Double.NaN, null, false, 0.0));

        List<SweepPoint> points = PairMetrics.sweep(outcomes, ThresholdRange.parse("0.80:0.96:0.05"));

        assertThat(points)
                .containsExactly(
                        new SweepPoint(0.8, new Confusion(2, 1, 1, 0)),
                        new SweepPoint(0.85, new Confusion(2, 1, 1, 0)),
                        new SweepPoint(0.9, new Confusion(1, 1, 1, 1)),
                        new SweepPoint(0.95, new Confusion(1, 0, 2, 1)));
        assertThat(PairMetrics.lowestThresholdReaching(points, 0.95)).hasValue(0.95);
        assertThat(PairMetrics.lowestThresholdReaching(points, 0.6)).hasValue(0.8);
        assertThat(PairMetrics.lowestThresholdReaching(List.of(new SweepPoint(0.99, Confusion.empty())), 0.0))
                .isEmpty();
    }

    @Test
    void byKind_rowsWithAndWithoutKind_countsEachKindAndNone() {
        LabelledPair noKind = new LabelledPair(4, "e", "f", true, null);
        List<PairOutcome> outcomes = List.of(
                new PairOutcome(SAME, "semantic", 0.95, "accepted", true, 0.92),
                new PairOutcome(OTHER, "semantic", 0.95, "accepted", true, 0.92),
                new PairOutcome(noKind, "not_found", Double.NaN, null, false, 0.92));

        Map<String, Confusion> kinds = PairMetrics.byKind(outcomes, 0.92);

        assertThat(kinds)
                .containsExactly(
                        Map.entry(PairMetrics.NO_KIND, new Confusion(0, 0, 0, 1)),
                        Map.entry("number", new Confusion(0, 1, 0, 0)),
                        Map.entry("paraphrase", new Confusion(1, 0, 0, 0)));
    }

    @Test
    void byKind_noKindColumn_isEmpty() {
        LabelledPair noKind = new LabelledPair(2, "e", "f", true, null);

        assertThat(PairMetrics.byKind(List.of(new PairOutcome(noKind, "exact", 1.0, null, true, 0.92)), 0.92))
                .isEmpty();
    }
}
