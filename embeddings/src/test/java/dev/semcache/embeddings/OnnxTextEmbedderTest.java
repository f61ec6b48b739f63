package dev.semcache.embeddings;

import static dev.semcache.embeddings.SharedEmbedders.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class OnnxTextEmbedderTest {

    private static final List<String> PROMPTS = List.of(
            "What is the capital of France?",
            "Hi",
            "Explain the difference between a process and a thread in an operating system, with an example in Java.",
            "Convert 100 EUR to USD",
            "Write a haiku about autumn leaves falling on a quiet pond.",
            "How do I reset my password?",
            "Summarise the plot of Hamlet in three sentences, and say why Ophelia matters.",
            "ok");

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void embedAll_textsOfDifferentLengths_equalSingleEmbeddings(BundledModel model) {
        OnnxTextEmbedder embedder = SharedEmbedders.get(model);

        List<float[]> batch = embedder.embedAll(PROMPTS);

        assertThat(batch).hasSize(PROMPTS.size());
        for (int i = 0; i < PROMPTS.size(); i++) {
            assertThat(batch.get(i))
                    .as("texts[%d] %s", i, PROMPTS.get(i))
                    .containsExactly(embedder.embed(PROMPTS.get(i)), within(1e-5f));
        }
    }

    @Test
    void embedAll_moreTextsThanBatchSize_keepsOrderAcrossChunks() {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();
        List<String> texts = IntStream.range(0, 70)
                .mapToObj(i -> PROMPTS.get(i % PROMPTS.size()) + " (request " + i + ")")
                .collect(Collectors.toList());

        List<float[]> vectors = embedder.embedAll(texts);

        assertThat(vectors).hasSize(70);
        for (int i : new int[] {0, 31, 32, 33, 64, 69}) {
            assertThat(vectors.get(i)).as("texts[%d]", i).containsExactly(embedder.embed(texts.get(i)), within(1e-5f));
        }
    }

    @Test
    void embedAll_emptyList_returnsEmptyList() {
        assertThat(SharedEmbedders.miniLm().embedAll(List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void embed_textLongerThanMaxLength_equalsEmbeddingOfTruncatedPrefix(BundledModel model) {
        OnnxTextEmbedder embedder = SharedEmbedders.get(model);
        // Common words, one word piece each, so the truncated prefix ends on a word boundary.
        String sentence = "the cat sat on the mat and the dog ran to the park ";
        String longText = sentence.repeat(5000 / 13 + 1);
        TokenEmbeddings tokens = embedder.embedTokens(longText);
        TokenEmbeddings.Token lastRead = tokens.tokens().get(tokens.size() - 2);

        float[] full = embedder.embed(longText);
        float[] prefix = embedder.embed(longText.substring(0, lastRead.end()));

        assertThat(longText.split(" ")).hasSizeGreaterThan(5000);
        assertThat(tokens.truncated()).isTrue();
        assertThat(tokens.size()).isEqualTo(embedder.maxLength());
        assertThat(norm(full)).isCloseTo(1.0, within(1e-5));
        assertThat(full).containsExactly(prefix, within(1e-5f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n", "\u00a0\u2003"})
    void embed_emptyOrBlankText_throwsEmbeddingException(String text) {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

        assertThatThrownBy(() -> embedder.embed(text))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageStartingWith("cannot embed the text: it is ")
                .hasMessageMatching(".*(empty|blank).*");
    }

    @Test
    @SuppressWarnings("NullAway") // null is what is tested
    void embed_nullText_throwsEmbeddingException() {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

        assertThatThrownBy(() -> embedder.embed(nullString()))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("cannot embed the text: it is null");
    }

    @Test
    void embedAll_blankTextInBatch_throwsNamingItsIndex() {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

        assertThatThrownBy(() -> embedder.embedAll(List.of("Hello", "world", "  ")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("cannot embed texts[2]: it is blank (whitespace only)");
    }

    @Test
    @SuppressWarnings("NullAway") // null is what is tested
    void embedAll_nullTextInBatch_throwsNamingItsIndex() {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();
        List<String> texts = Arrays.asList("Hello", nullString());

        assertThatThrownBy(() -> embedder.embedAll(texts))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("cannot embed texts[1]: it is null");
    }

    @Test
    void embed_onlyZeroWidthCharacters_throwsEmbeddingException() {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

        assertThatThrownBy(() -> embedder.embed("\u200b\u200b"))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("no token is left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hôm nay trời đẹp quá", "I love this 😍🔥!", "🎉🎉🎉", "今天天气很好", "Привет, как дела?"})
    void embed_nonEnglishOrEmojiText_returnsFiniteUnitVector(String text) {
        for (BundledModel model : BundledModel.values()) {
            float[] vector = SharedEmbedders.get(model).embed(text);

            assertThat(vector).hasSize(384);
            for (float v : vector) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            assertThat(norm(vector)).as(model.modelId()).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void embed_vietnameseText_matchesIndependentComputation() {
        float[] vector = SharedEmbedders.miniLm().embed("Hôm nay trời đẹp quá");

        // First components from Python onnxruntime + tokenizers on the same files.
        assertThat(Arrays.copyOf(vector, 4))
                .containsExactly(new float[] {-0.06082182f, 0.06846884f, -0.05881385f, -0.03395527f}, within(1e-4f));
    }

    @Test
    void embed_eightThreadsAtOnce_giveSameVectorsAsOne() throws Exception {
        OnnxTextEmbedder embedder = SharedEmbedders.miniLm();
        List<float[]> expected = new ArrayList<>();
        for (String prompt : PROMPTS) {
            expected.add(embedder.embed(prompt));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<float[]>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int shift = t;
            tasks.add(() -> {
                start.await();
                List<float[]> results = new ArrayList<>(Collections.nCopies(PROMPTS.size(), new float[0]));
                for (int k = 0; k < 2 * PROMPTS.size(); k++) {
                    int i = (k + shift) % PROMPTS.size();
                    results.set(
                            i,
                            k % 2 == 0
                                    ? embedder.embed(PROMPTS.get(i))
                                    : embedder.embedAll(PROMPTS).get(i));
                }
                return results;
            });
        }

        List<Future<List<float[]>>> futures = new ArrayList<>();
        try {
            for (Callable<List<float[]>> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();

            for (Future<List<float[]>> future : futures) {
                List<float[]> results = future.get(5, TimeUnit.MINUTES);
                for (int i = 0; i < PROMPTS.size(); i++) {
                    assertThat(results.get(i)).containsExactly(expected.get(i), within(1e-5f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void embed_afterClose_throwsEmbeddingException() {
        OnnxTextEmbedder embedder = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2);
        embedder.embed("warm up");

        embedder.close();
        embedder.close();

        assertThatThrownBy(() -> embedder.embed("Hello"))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("embedder all-minilm-l6-v2 is closed");
        assertThatThrownBy(() -> embedder.embedAll(List.of("Hello")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> embedder.embedTokens("Hello"))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("closed");
        assertThat(embedder.dimension()).isEqualTo(384);
    }

    @Test
    void toString_bundledModel_describesSettings() {
        assertThat(SharedEmbedders.miniLm())
                .hasToString("OnnxTextEmbedder[all-minilm-l6-v2, 384 dimensions, MEAN, max 256 tokens]");
    }

    private static @Nullable String nullString() {
        return null;
    }
}
