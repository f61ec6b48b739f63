package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class SimilarityCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void similarity_movieReferencePair_printsPublishedCosine() {
        int exitCode = run(
                "similarity", "--model", "all-minilm-l6-v2", "The new movie is awesome", "The new movie is so great");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(lastLine(out)).matches("\\d\\.\\d{4}");
        assertThat(Double.parseDouble(lastLine(out))).isCloseTo(0.8939, within(0.002));
    }

    @Test
    void similarity_defaultModelIsBge_printsItsCosine() {
        int exitCode = run("similarity", "The new movie is awesome", "The new movie is so great");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(Double.parseDouble(lastLine(out))).isCloseTo(0.9657, within(0.002));
    }

    @Test
    void similarity_modelDirectory_loadsCustomModel(@TempDir Path dir) throws IOException {
        copyResource("all-minilm-l6-v2.onnx", dir.resolve("model.onnx"));
        copyResource("all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));

        int exitCode = run(
                "similarity",
                "--model",
                dir.toString(),
                "--pooling",
                "mean",
                "--max-length",
                "256",
                "The new movie is awesome",
                "The new movie is so great");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(Double.parseDouble(lastLine(out))).isCloseTo(0.8939, within(0.002));
    }

    @Test
    void similarity_unknownModel_exitsNonZeroWithMessage() {
        int exitCode = run("similarity", "--model", "no-such-model", "a", "b");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("--model: 'no-such-model' is neither a bundled model (all-minilm-l6-v2, bge-small-en-v1.5)")
                .doesNotContain("\tat ");
    }

    @Test
    void similarity_directoryWithoutTokenizer_exitsNonZeroWithMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "x");

        int exitCode = run("similarity", "--model", dir.toString(), "a", "b");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("has no tokenizer.json");
    }

    @Test
    void similarity_maxLengthAboveModelMaximum_exitsNonZeroWithMessage() {
        int exitCode = run("similarity", "--max-length", "1000", "a", "b");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("maxLength 1000 exceeds the maximum input of bge-small-en-v1.5");
    }

    @Test
    void similarity_blankText_failsWithoutStackTrace() {
        int exitCode = run("similarity", "hello", "  ");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString())
                .startsWith("semcache-bench similarity: cannot embed texts[1]: it is blank")
                .doesNotContain("\tat ");
    }

    @Test
    void similarity_blankTextVerbose_printsStackTrace() {
        int exitCode = run("similarity", "--verbose", "hello", "  ");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString()).contains("EmbeddingException").contains("\tat ");
    }

    @Test
    void semcacheBench_noSubcommand_exitsWithUsageError() {
        int exitCode = run();

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("missing subcommand");
    }

    private int run(String... args) {
        CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String lastLine(StringWriter writer) {
        String[] lines = writer.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SimilarityCommandTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
    }
}
