package dev.semcache.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ConfusionTest {

    @Test
    void rates_typicalCounts_followTheirDefinitions() {
        Confusion counts = new Confusion(6, 2, 8, 4);

        assertThat(counts.rows()).isEqualTo(20);
        assertThat(counts.hits()).isEqualTo(8);
        assertThat(counts.precision()).isEqualTo(0.75);
        assertThat(counts.recall()).isEqualTo(0.6);
        assertThat(counts.f1()).isCloseTo(2 * 0.75 * 0.6 / (0.75 + 0.6), within(1e-12));
        assertThat(counts.falseHitRate()).isEqualTo(0.2);
        assertThat(counts.hitRate()).isEqualTo(0.4);
    }

    @Test
    void rates_noRows_areZeroNotNaN() {
        Confusion counts = Confusion.empty();

        assertThat(counts.precision()).isZero();
        assertThat(counts.recall()).isZero();
        assertThat(counts.f1()).isZero();
        assertThat(counts.falseHitRate()).isZero();
        assertThat(counts.hitRate()).isZero();
    }

    @Test
    void precision_noHits_isZero() {
        Confusion counts = new Confusion(0, 0, 5, 3);

        assertThat(counts.precision()).isZero();
        assertThat(counts.recall()).isZero();
        assertThat(counts.falseHitRate()).isZero();
    }

    @Test
    void recallAndF1_onlyLabelZeroRowsAllHit_areZeroAndFalseHitRateIsOne() {
        Confusion counts = new Confusion(0, 4, 0, 0);

        assertThat(counts.precision()).isZero();
        assertThat(counts.recall()).isZero();
        assertThat(counts.f1()).isZero();
        assertThat(counts.falseHitRate()).isEqualTo(1.0);
    }

    @Test
    void falseHitRate_onlyLabelOneRows_isZero() {
        Confusion counts = new Confusion(3, 0, 0, 1);

        assertThat(counts.precision()).isEqualTo(1.0);
        assertThat(counts.recall()).isEqualTo(0.75);
        assertThat(counts.falseHitRate()).isZero();
    }

    @Test
    void plus_eachDecision_countsInItsCell() {
        Confusion counts = Confusion.empty()
                .plus(true, true)
                .plus(false, true)
                .plus(false, false)
                .plus(true, false)
                .plus(true, true);

        assertThat(counts).isEqualTo(new Confusion(2, 1, 1, 1));
        assertThat(counts.plus(counts)).isEqualTo(new Confusion(4, 2, 2, 2));
    }

    @Test
    void constructor_negativeCount_throwsNamingCounts() {
        assertThatThrownBy(() -> new Confusion(1, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fp=-1");
    }
}
