package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class PairsCommandTest {

    private static final String PAIRS = "text_a\ttext_b\tlabel\tkind\n"
            + "The new movie is awesome\tThe new movie is so great\t1\tparaphrase\n"
            + "How do I reset my password?\tHow can I reset my password?\t1\tparaphrase\n"
            + "What is the capital of France?\twhat is the capital of france?\t1\tparaphrase\n"
            + "Convert 50 EUR to USD\tConvert 50 USD to EUR\t0\tdirection\n"
            + "Give me 3 ideas for a party\tGive me 10 ideas for a party\t0\tnumber\n"
            + "The weather is lovely today.\tIt's so sunny outside!\t0\tother\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void pairs_json_lastLineHoldsMetricsAndKinds() throws IOException {
        Path file = write(PAIRS);

        int exitCode = run("pairs", "--file", file.toString(), "--json", "--threshold", "0.92", "--verifier", "off");

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(lastLine());
        for (String field : List.of("precision", "recall", "f1", "falseHitRate", "tp", "fp", "tn", "fn")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("rows").asInt()).isEqualTo(6);
        assertThat(json.get("tp").asInt() + json.get("fn").asInt()).isEqualTo(3);
        assertThat(json.get("fp").asInt() + json.get("tn").asInt()).isEqualTo(3);
        assertThat(json.get("outcomes").get("exact").asInt()).isEqualTo(1);
        assertThat(json.get("kinds").fieldNames())
                .toIterable()
                .containsExactly("direction", "number", "other", "paraphrase");
        assertThat(json.get("kinds").get("direction").get("fp").asInt()).isEqualTo(1);
        assertThat(json.get("kinds").get("paraphrase").has("falseHitRate")).isTrue();
    }

    @Test
    void pairs_sweep_printsCurveLowestThresholdChartAndDecisions() throws IOException {
        Path file = write(PAIRS);
        Path chart = dir.resolve("sweep.png");
        Path decisions = dir.resolve("decisions.tsv");

        int exitCode = run(
                "pairs",
                "--file",
                file.toString(),
                "--model",
                "all-minilm-l6-v2",
                "--sweep",
                "0.60:0.99:0.01",
                "--verifier",
                "off",
                "--target-precision",
                "0.9",
                "--chart",
                chart.toString(),
                "--decisions",
                decisions.toString(),
                "--json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("sweep 0.60:0.99:0.01:")
                .containsPattern("(?m)^0\\.92 +6 ")
                .containsPattern("lowest threshold reaching precision 0\\.9: 0\\.\\d+|no threshold in");
        JsonNode json = new ObjectMapper().readTree(lastLine());
        assertThat(json.get("sweep")).hasSize(40);
        assertThat(json.get("sweep").get(0).get("threshold").asDouble()).isEqualTo(0.6);
        // At 0.60 the accept-all cache hits everything but "sunny" (cosine 0.666 is above, so that too).
        assertThat(json.get("sweep").get(0).get("hits").asInt()).isEqualTo(6);
        assertThat(json.has("lowestThresholdReachingTarget")).isTrue();
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        List<String> lines = Files.readAllLines(decisions);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("line\tlabel\tkind\toutcome\thit\tsimilarity");
        assertThat(lines.get(1)).startsWith("2\t1\tparaphrase\tnot_found\t0\t0.89");
        assertThat(lines.get(3)).startsWith("4\t1\tparaphrase\texact\t1\t1.0000");
    }

    @Test
    void pairs_verifierOn_rejectsTheDirectionSwapTheScoreAccepts() throws IOException {
        Path file = write(PAIRS);

        int off = run("pairs", "--file", file.toString(), "--json", "--verifier", "off", "--threshold", "0.9");
        JsonNode withoutVerifier = new ObjectMapper().readTree(lastLine());
        out.getBuffer().setLength(0);
        int on = run("pairs", "--file", file.toString(), "--json", "--verifier", "on", "--threshold", "0.9");
        JsonNode withVerifier = new ObjectMapper().readTree(lastLine());

        assertThat(off).as(err.toString()).isZero();
        assertThat(on).as(err.toString()).isZero();
        assertThat(withoutVerifier.get("kinds").get("direction").get("fp").asInt())
                .isEqualTo(1);
        assertThat(withVerifier.get("kinds").get("direction").get("fp").asInt()).isZero();
        assertThat(withVerifier.get("outcomes").get("rejected").asInt()).isPositive();
        assertThat(withVerifier.get("verifier").asText()).isEqualTo("on");
    }

    @Test
    void pairs_missingFile_exitsWithUsageError() {
        int exitCode = run("pairs", "--file", dir.resolve("nope.tsv").toString());

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--file: no such file:");
    }

    @Test
    void pairs_badSweep_exitsWithUsageError() throws IOException {
        Path file = write(PAIRS);

        int exitCode = run("pairs", "--file", file.toString(), "--sweep", "0.9:0.8:0.01");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--sweep: FROM must not exceed TO");
    }

    @Test
    void pairs_thresholdOutOfRange_exitsWithUsageError() throws IOException {
        Path file = write(PAIRS);

        int exitCode = run("pairs", "--file", file.toString(), "--threshold", "1.5");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--threshold must be in [0, 1], was 1.5");
    }

    @Test
    void pairs_chartWithoutSweep_exitsWithUsageError() throws IOException {
        Path file = write(PAIRS);

        int exitCode = run("pairs", "--file", file.toString(), "--chart", "x.png");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--chart needs --sweep");
    }

    @Test
    void pairs_badVerifierValue_exitsWithUsageError() throws IOException {
        Path file = write(PAIRS);

        int exitCode = run("pairs", "--file", file.toString(), "--verifier", "maybe");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--verifier").contains("maybe");
    }

    @Test
    void pairs_malformedRow_failsNamingTheLine() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\tb\t1\n" + "a\tb\t2\n");

        int exitCode = run("pairs", "--file", file.toString());

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString())
                .contains(file + ":3: label must be 0 or 1, was '2'")
                .doesNotContain("\tat ");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String lastLine() {
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }
}
