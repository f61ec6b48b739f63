package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HitPathCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String result(String method, String store, double score, String unit) {
        return "{\"benchmark\":\"dev.semcache.bench.jmh.HitPathBenchmark." + method + "\",\"mode\":\"avgt\","
                + "\"params\":{\"entries\":\"1000\",\"model\":\"ALL_MINILM_L6_V2\",\"store\":\"" + store + "\"},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreUnit\":\"" + unit + "\"}}";
    }

    @Test
    void hitpath_jmhResults_reportsRatioOfSemanticHitToEmbeddingPlusRawKnn() throws IOException {
        Path file = dir.resolve("hitpath.json");
        Files.writeString(
                file,
                "["
                        + String.join(
                                ",",
                                List.of(
                                        result("embedding", "JEDIS", 4000, "us/op"),
                                        result("rawKnn", "JEDIS", 0.5, "ms/op"),
                                        result("semanticHit", "JEDIS", 5400, "us/op"),
                                        result("exactHit", "JEDIS", 300_000, "ns/op"),
                                        result("embedding", "IN_MEMORY", 4000, "us/op"),
                                        "{\"benchmark\":\"dev.semcache.bench.jmh.EmbeddingBenchmark.embedOne\",\"params\":{},"
                                                + "\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"us/op\"}}"))
                        + "]");

        int exitCode = run("hitpath", "--jmh", file.toString(), "--json");

        assertThat(exitCode).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        JsonNode jedis = json.get("rows").get(1);
        assertThat(jedis.get("store").asText()).isEqualTo("JEDIS");
        assertThat(jedis.get("limitMicros").asDouble()).isEqualTo(4500.0);
        assertThat(jedis.get("hitToLimitRatio").asDouble()).isCloseTo(1.2, within(1e-6));
        assertThat(jedis.get("exactHitMicros").asDouble()).isEqualTo(300.0);
        assertThat(json.get("rows").get(0).has("hitToLimitRatio")).isFalse();
        assertThat(out.toString()).contains("| JEDIS | 1000 | ALL_MINILM_L6_V2 | 4000.0 µs | 500.0 µs | 4500.0 µs |");
    }

    @Test
    void hitpath_noHitPathResults_isAUsageError() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "[]");

        int exitCode = run("hitpath", "--jmh", file.toString());

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("holds no HitPathBenchmark results");
    }

    @Test
    void hitpath_measure_interleavesRealOperationsAndReportsPairedRatio() throws IOException {
        int exitCode = run(
                "hitpath",
                "--measure",
                "--store",
                "IN_MEMORY",
                "--entries",
                "24",
                "--model",
                "ALL_MINILM_L6_V2",
                "--seconds",
                "1",
                "--json");

        assertThat(exitCode).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(json.get("mode").asText()).isEqualTo("interleaved");
        JsonNode row = json.get("rows").get(0);
        assertThat(row.get("store").asText()).isEqualTo("IN_MEMORY");
        // A semantic hit embeds the prompt, so it cannot be cheaper than a tenth of the embedding alone, and an
        // exact hit embeds nothing, so it is cheaper than the embedding.
        assertThat(row.get("semanticHitMicros").asDouble())
                .isGreaterThan(row.get("embeddingMicros").asDouble() / 10);
        assertThat(row.get("exactHitMicros").asDouble())
                .isLessThan(row.get("embeddingMicros").asDouble());
        assertThat(row.get("pairedRatioMedian").asDouble()).isPositive();
        assertThat(out.toString())
                .contains("Times are medians over interleaved rounds")
                .contains("median of per-round semantic hit / (embedding + raw KNN)");
    }

    @Test
    void hitpath_neitherJmhNorMeasure_isAUsageError() {
        int exitCode = run("hitpath");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("give either --jmh RESULTS.json or --measure");
    }

    private int run(String... args) {
        picocli.CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
