package dev.semcache.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.bench.eval.LabelledPair;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PromptCatalogTest {

    @Test
    void match_labelsAndTransitiveParaphrases_classifyServedAnswers() {
        PromptCatalog catalog = PromptCatalog.of(List.of(
                new LabelledPair(2, "a", "b", true, null),
                new LabelledPair(3, "b", "c", true, null),
                new LabelledPair(4, "a", "d", false, null),
                new LabelledPair(5, "e", "f", true, null)));
        int a = catalog.find("a");

        assertThat(catalog.size()).isEqualTo(6);
        assertThat(catalog.match(a, a)).isEqualTo(PromptCatalog.Match.SAME_PROMPT);
        assertThat(catalog.match(a, catalog.find("c"))).isEqualTo(PromptCatalog.Match.SAME_MEANING);
        assertThat(catalog.match(catalog.find("d"), a)).isEqualTo(PromptCatalog.Match.LABELLED_DIFFERENT);
        assertThat(catalog.match(a, catalog.find("e"))).isEqualTo(PromptCatalog.Match.UNLABELLED);
        assertThat(catalog.find("zzz")).isEqualTo(-1);
    }
}
