package dev.semcache.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.Verdict;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PairEvaluatorTest {

    private static final List<LabelledPair> ROWS = List.of(
            new LabelledPair(2, "The new movie is awesome", "The new movie is so great", true, "paraphrase"),
            new LabelledPair(3, "Convert 50 EUR to USD", "Convert 50 USD to EUR", false, "direction"),
            new LabelledPair(4, "What is the capital of France?", "what is the capital of  France?", true, "exact"),
            new LabelledPair(5, "The weather is lovely today.", "It's so sunny outside!", true, "paraphrase"),
            new LabelledPair(6, "Give me 3 ideas for a party", "Give me 10 ideas for a party", false, "number"),
            new LabelledPair(7, "How do I reset my password?", "How can I reset my password?", true, "paraphrase"));

    private static OnnxTextEmbedder embedder;

    @BeforeAll
    static void loadModel() {
        embedder = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void evaluate_referencePairs_reportsTheCacheSimilarityAndDecision() {
        List<PairOutcome> outcomes = evaluate(HitVerifier.acceptAll(), 0.0, 1, 32);

        assertThat(outcomes.get(0).similarity()).isBetween(0.8919, 0.8959);
        assertThat(outcomes.get(0).outcome()).isEqualTo("semantic");
        assertThat(outcomes.get(2).outcome()).isEqualTo("exact");
        assertThat(outcomes.get(3).similarity()).isBetween(0.6640, 0.6680);
    }

    @Test
    void evaluate_sweepAtZeroReplayedAtThreshold_matchesRealLookupsAtThreshold() {
        List<PairOutcome> sweep = evaluate(HitVerifier.acceptAll(), 0.0, 1, 32);
        List<PairOutcome> real = evaluate(HitVerifier.acceptAll(), 0.88, 3, 32);

        for (int i = 0; i < ROWS.size(); i++) {
            assertThat(sweep.get(i).hitAt(0.88))
                    .as("row %d", i)
                    .isEqualTo(real.get(i).hit());
            assertThat(sweep.get(i).outcomeAt(0.88))
                    .as("row %d", i)
                    .isEqualTo(real.get(i).outcome());
        }
    }

    @Test
    void evaluate_batchedOrNot_decidesTheSame() {
        List<PairOutcome> batched = evaluate(HitVerifier.acceptAll(), 0.0, 1, 32);
        List<PairOutcome> single = evaluate(HitVerifier.acceptAll(), 0.0, 1, 1);

        for (int i = 0; i < ROWS.size(); i++) {
            assertThat(batched.get(i).similarity())
                    .as("row %d", i)
                    .isCloseTo(single.get(i).similarity(), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(batched.get(i).outcome()).isEqualTo(single.get(i).outcome());
        }
    }

    @Test
    void evaluate_rejectingVerifier_recordsSimilarityAndReasonOfTheRejection() {
        HitVerifier rejectDirections = (query, candidate, similarity) ->
                query.contains("USD to EUR") ? Verdict.reject("direction") : Verdict.accept();

        List<PairOutcome> outcomes = evaluate(rejectDirections, 0.0, 1, 32);

        PairOutcome direction = outcomes.get(1);
        assertThat(direction.outcome()).isEqualTo("rejected");
        assertThat(direction.verdict()).isEqualTo("direction");
        assertThat(direction.similarity()).isGreaterThan(0.9);
        assertThat(direction.hitAt(0.5)).isFalse();
    }

    @Test
    void evaluate_rows_areIsolatedFromEachOther() {
        List<LabelledPair> rows = List.of(
                new LabelledPair(2, "How do I reset my password?", "Where is the nearest train station?", false, null),
                new LabelledPair(3, "Where is the nearest train station?", "How do I reset my password?", false, null));

        List<PairOutcome> outcomes = new ArrayList<>();
        try (PairEvaluator evaluator = new PairEvaluator(embedder, HitVerifier.acceptAll(), 0.9, 3, 1)) {
            outcomes.addAll(evaluator.evaluate(rows, done -> {}));
        }

        assertThat(outcomes).extracting(PairOutcome::hit).containsExactly(false, false);
    }

    private static List<PairOutcome> evaluate(HitVerifier verifier, double threshold, int candidates, int batch) {
        try (PairEvaluator evaluator = new PairEvaluator(embedder, verifier, threshold, candidates, batch)) {
            List<PairOutcome> outcomes = evaluator.evaluate(ROWS, done -> {});
            if (batch > 1) {
                assertThat(evaluator.unpreparedEmbeddings()).isZero();
            }
            return outcomes;
        }
    }
}
