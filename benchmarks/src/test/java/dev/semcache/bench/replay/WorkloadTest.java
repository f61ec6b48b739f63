package dev.semcache.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.bench.eval.LabelledPair;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class WorkloadTest {

    private static List<LabelledPair> pairs(int n) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(new LabelledPair(i + 2, "question " + i, "question " + i + " reworded", i % 2 == 0, null));
        }
        return pairs;
    }

    private static List<ReplayEvent> drain(Workload workload) {
        List<ReplayEvent> events = new ArrayList<>();
        workload.forEachRemaining(events::add);
        return events;
    }

    @Test
    void workload_sameSeed_producesTheSameStream() {
        WorkloadSpec spec = new WorkloadSpec(500, 0.3, 0.3, 1.0, 7);

        assertThat(drain(new Workload(pairs(200), spec))).isEqualTo(drain(new Workload(pairs(200), spec)));
        assertThat(drain(new Workload(pairs(200), spec)))
                .isNotEqualTo(drain(new Workload(pairs(200), new WorkloadSpec(500, 0.3, 0.3, 1.0, 8))));
    }

    @Test
    void workload_shares_areRoughlyRespectedAndEveryKindAppears() {
        List<ReplayEvent> events = drain(new Workload(pairs(2000), new WorkloadSpec(2000, 0.3, 0.3, 1.0, 1)));

        Map<EventKind, Integer> counts = new EnumMap<>(EventKind.class);
        events.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        assertThat(events).hasSize(2000);
        assertThat(counts.get(EventKind.REPEAT)).isBetween(520, 680);
        assertThat(counts.get(EventKind.PARAPHRASE) + counts.get(EventKind.NEAR_MISS))
                .isBetween(520, 680);
        assertThat(counts.get(EventKind.FIRST)).isBetween(720, 880);
        assertThat(counts.get(EventKind.PARAPHRASE)).isPositive();
        assertThat(counts.get(EventKind.NEAR_MISS)).isPositive();
    }

    @Test
    void workload_followUpsAndRepeats_onlyFollowPromptsAlreadyAsked() {
        List<ReplayEvent> events = drain(new Workload(pairs(300), new WorkloadSpec(900, 0.3, 0.3, 1.0, 3)));

        Set<Integer> asked = new HashSet<>();
        for (ReplayEvent event : events) {
            switch (event.kind()) {
                case FIRST -> assertThat(asked).doesNotContain(event.promptId());
                case REPEAT -> assertThat(asked).contains(event.promptId());
                case PARAPHRASE, NEAR_MISS -> {
                    assertThat(asked).contains(event.previousId());
                    assertThat(event.prompt()).endsWith(" reworded");
                }
            }
            asked.add(event.promptId());
        }
    }

    @Test
    void workload_zipfPopularity_concentratesRepeatsOnFewPrompts() {
        List<ReplayEvent> events = drain(new Workload(pairs(500), new WorkloadSpec(3000, 0.6, 0.1, 1.2, 5)));

        Map<Integer, Integer> repeats = new HashMap<>();
        events.stream()
                .filter(e -> e.kind() == EventKind.REPEAT)
                .forEach(e -> repeats.merge(e.promptId(), 1, Integer::sum));
        List<Integer> counts = new ArrayList<>(repeats.values());
        counts.sort(java.util.Comparator.reverseOrder());
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        int top10 = counts.subList(0, 10).stream().mapToInt(Integer::intValue).sum();
        assertThat((double) top10 / total).isGreaterThan(0.3);
    }

    @Test
    void workload_exhaustedFirsts_fallsBackToOtherKinds() {
        List<ReplayEvent> events = drain(new Workload(pairs(3), new WorkloadSpec(50, 0.0, 0.0, 1.0, 1)));

        assertThat(events).hasSize(50);
        assertThat(events.stream().filter(e -> e.kind() == EventKind.FIRST)).hasSize(3);
    }

    @Test
    void workloadSpec_sharesAboveOne_throw() {
        assertThatThrownBy(() -> new WorkloadSpec(10, 0.7, 0.4, 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> new WorkloadSpec(0, 0.1, 0.1, 1.0, 1)).hasMessageContaining("events");
    }
}
