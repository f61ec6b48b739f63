package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semcache.bench.replay.ReplayReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ReplayCommandTest {

    private static final String PAIRS = "text_a\ttext_b\tlabel\n"
            + "How do I reset my password?\tHow can I reset my password?\t1\n"
            + "Convert 50 EUR to USD\tConvert 50 USD to EUR\t0\n"
            + "What is the capital of France?\tWhich city is the capital of France?\t1\n"
            + "Give me 3 ideas for a party\tGive me 10 ideas for a party\t0\n"
            + "Why is the sky blue?\tWhat makes the sky look blue?\t1\n"
            + "How do I cancel my subscription?\tHow do I start a subscription?\t0\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void replay_tinyFile_writesJsonMarkdownAndCharts() throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, PAIRS, StandardCharsets.UTF_8);
        Path reports = dir.resolve("out");

        int exitCode = run(
                "replay",
                "--file",
                file.toString(),
                "--events",
                "30",
                "--latency-scale",
                "0",
                "--out",
                reports.toString(),
                "--json");

        assertThat(exitCode).as(err.toString()).isZero();
        for (String name : new String[] {
            ReplayReport.JSON_FILE, ReplayReport.MARKDOWN_FILE, ReplayReport.HIT_RATE_CHART, ReplayReport.LATENCY_CHART
        }) {
            assertThat(reports.resolve(name)).isNotEmptyFile();
        }
        JsonNode json = new ObjectMapper().readTree(Files.readString(reports.resolve(ReplayReport.JSON_FILE)));
        assertThat(json.get("events").asInt()).isEqualTo(30);
        assertThat(json.get("hits").asInt())
                .isEqualTo(
                        json.get("exactHits").asInt() + json.get("semanticHits").asInt())
                .isEqualTo(json.get("rightHits").asInt()
                        + json.get("wrongHits").asInt()
                        + json.get("unlabelledHits").asInt());
        // Every exact repeat of a first-time prompt hits.
        assertThat(json.get("kinds").get("repeat").get("hitRate").asDouble()).isEqualTo(1.0);
        assertThat(json.get("savings").get("usdSaved").asDouble()).isPositive();
        assertThat(json.get("savings").get("usdSaved").asDouble())
                .isEqualTo(
                        json.get("savings").get("cacheStatsUsdSaved").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6));
        assertThat(json.get("latencyMillis").get("hit").get("count").asInt())
                .isEqualTo(json.get("hits").asInt());
        assertThat(Files.readString(reports.resolve(ReplayReport.MARKDOWN_FILE)))
                .contains("| near_miss |");
        String[] lines = out.toString().strip().split("\\R");
        assertThat(new ObjectMapper()
                        .readTree(lines[lines.length - 1])
                        .get("command")
                        .asText())
                .isEqualTo("replay");
    }

    @Test
    void replay_unpricedModel_exitsWithUsageErrorListingKnownModels() throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, PAIRS, StandardCharsets.UTF_8);

        int exitCode = run("replay", "--file", file.toString(), "--out", dir.toString(), "--llm-model", "gpt-99");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString())
                .contains("--llm-model: 'gpt-99' is not in the price table")
                .contains("gpt-4o-mini");
    }

    @Test
    void replay_sharesAboveOne_exitsWithUsageError() throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, PAIRS, StandardCharsets.UTF_8);

        int exitCode = run(
                "replay",
                "--file",
                file.toString(),
                "--out",
                dir.toString(),
                "--repeat-share",
                "0.8",
                "--follow-up-share",
                "0.5");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("repeatShare + followUpShare must not exceed 1");
    }

    @Test
    void replay_missingOut_exitsWithUsageError() {
        int exitCode = run("replay", "--file", "x.tsv");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    }

    private int run(String... args) {
        CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
