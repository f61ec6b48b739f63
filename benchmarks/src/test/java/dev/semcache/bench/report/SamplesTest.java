package dev.semcache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SamplesTest {

    @Test
    void percentile_unsortedSamples_usesNearestRank() {
        Samples samples = new Samples();
        for (long v : new long[] {50, 10, 40, 20, 30, 100, 90, 80, 70, 60}) {
            samples.add(v);
        }

        assertThat(samples.percentile(0.5)).isEqualTo(50);
        assertThat(samples.percentile(0.9)).isEqualTo(90);
        assertThat(samples.percentile(0.99)).isEqualTo(100);
        assertThat(samples.percentile(0)).isEqualTo(10);
        assertThat(samples.max()).isEqualTo(100);
        assertThat(samples.mean()).isEqualTo(55.0);
        assertThat(samples.count()).isEqualTo(10);
    }

    @Test
    void percentile_empty_isZero() {
        Samples samples = new Samples();

        assertThat(samples.percentile(0.99)).isZero();
        assertThat(samples.mean()).isZero();
    }

    @Test
    void percentile_outOfRange_throws() {
        assertThatThrownBy(() -> new Samples().percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogram_bounds_countsPerBucketWithOverflow() {
        Samples samples = new Samples();
        for (long v : new long[] {1, 5, 10, 11, 1000}) {
            samples.add(v);
        }

        assertThat(samples.histogram(new long[] {5, 10, 100})).containsExactly(2, 1, 1, 1);
    }

    @Test
    void addAll_growsPastInitialCapacity() {
        Samples a = new Samples();
        for (int i = 0; i < 5000; i++) {
            a.add(i);
        }
        Samples b = new Samples();

        b.addAll(a);

        assertThat(b.count()).isEqualTo(5000);
        assertThat(b.percentile(0.5)).isEqualTo(2499);
    }
}
