package dev.semcache.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench hitpath}: reads the JMH JSON results of {@link dev.semcache.bench.jmh.HitPathBenchmark} and
 * reports the full semantic hit as a ratio to its limits, the embedding plus one raw KNN round trip measured in the
 * same run, per store, entry count and model.
 *
 * <pre>{@code
 * REDIS_URL=redis://127.0.0.1:6379 java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main \
 *     HitPathBenchmark -rf json -rff hitpath.json
 * java -jar benchmarks/target/semcache-bench.jar hitpath --jmh hitpath.json --out hitpath.md
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "hitpath",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        description = "Reports the semantic hit as a ratio to embedding + raw KNN from HitPathBenchmark's JMH JSON.")
public final class HitPathCommand implements Callable<Integer> {

    /** The benchmark whose results this command reads. */
    static final String BENCHMARK = "dev.semcache.bench.jmh.HitPathBenchmark.";

    private static final List<String> METHODS =
            List.of("embedding", "rawKnn", "storeSearch", "exactHit", "semanticHit", "semanticMiss");

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Option(names = "--jmh", required = true, paramLabel = "RESULTS.json", description = "JMH results (-rf json).")
    private Path jmh = Path.of("");

    @Option(names = "--out", paramLabel = "OUT.md", description = "Also write the table as Markdown.")
    private @Nullable Path out;

    @Option(names = "--json", description = "End stdout with the numbers as one line of JSON.")
    private boolean json;

    /** One row: the scores of one parameter combination, in microseconds per operation. */
    record Row(Map<String, String> params, Map<String, Double> micros) {
        @Nullable
        Double get(String method) {
            return micros.get(method);
        }

        /** Embedding plus raw KNN, or null when either is missing. */
        @Nullable
        Double limit() {
            Double embedding = micros.get("embedding");
            Double raw = micros.get("rawKnn");
            return embedding != null && raw != null ? embedding + raw : null;
        }

        @Nullable
        Double ratio() {
            Double limit = limit();
            Double hit = micros.get("semanticHit");
            return limit != null && hit != null && limit > 0 ? hit / limit : null;
        }
    }

    /**
     * Reads the results and prints the table.
     *
     * @return 0
     */
    @Override
    public Integer call() {
        if (!Files.isRegularFile(jmh)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jmh: no such file: " + jmh);
        }
        List<Row> rows = read(jmh);
        if (rows.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--jmh: " + jmh + " holds no HitPathBenchmark results");
        }
        String table = markdown(rows);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(table);
        if (out != null) {
            try {
                Files.writeString(out, table, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        if (json) {
            stdout.println(Json.line(toJson(rows)));
        }
        stdout.flush();
        return 0;
    }

    static List<Row> read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + file + ": " + e.getMessage(), e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(file + " is not a JMH JSON result (expected an array)");
        }
        Map<String, Row> rows = new TreeMap<>();
        for (JsonNode result : root) {
            String benchmark = result.path("benchmark").asText();
            if (!benchmark.startsWith(BENCHMARK)) {
                continue;
            }
            String method = benchmark.substring(BENCHMARK.length());
            Map<String, String> params = new TreeMap<>();
            result.path("params")
                    .properties()
                    .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            double micros = toMicros(
                    metric.path("score").asDouble(), metric.path("scoreUnit").asText());
            rows.computeIfAbsent(params.toString(), k -> new Row(params, new LinkedHashMap<>()))
                    .micros()
                    .put(method, micros);
        }
        return new ArrayList<>(rows.values());
    }

    static double toMicros(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score / 1000;
            case "us/op" -> score;
            case "ms/op" -> score * 1000;
            case "s/op" -> score * 1_000_000;
            default ->
                throw new IllegalArgumentException(
                        "unsupported JMH unit '" + unit + "': run the average-time mode (the default)");
        };
    }

    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| store | entries | model | embedding | raw KNN | limit = embedding + raw KNN | semantic hit |"
                + " hit / limit | overhead | exact hit | store search | semantic miss |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            Double limit = row.limit();
            Double hit = row.get("semanticHit");
            Double ratio = row.ratio();
            md.append("| ")
                    .append(row.params().getOrDefault("store", "?"))
                    .append(" | ")
                    .append(row.params().getOrDefault("entries", "?"))
                    .append(" | ")
                    .append(row.params().getOrDefault("model", "?"))
                    .append(" | ")
                    .append(micros(row.get("embedding")))
                    .append(" | ")
                    .append(micros(row.get("rawKnn")))
                    .append(" | ")
                    .append(micros(limit))
                    .append(" | ")
                    .append(micros(hit))
                    .append(" | ")
                    .append(ratio != null ? String.format(Locale.ROOT, "%.2f×", ratio) : "-")
                    .append(" | ")
                    .append(limit != null && hit != null ? micros(hit - limit) : "-")
                    .append(" | ")
                    .append(micros(row.get("exactHit")))
                    .append(" | ")
                    .append(micros(row.get("storeSearch")))
                    .append(" | ")
                    .append(micros(row.get("semanticMiss")))
                    .append(" |\n");
        }
        md.append("\nTimes are JMH average times per operation in microseconds (µs). raw KNN is one FT.SEARCH sent as a"
                + " raw client command (for IN_MEMORY: the store's own search). overhead = semantic hit - limit.\n");
        return md.toString();
    }

    private static ObjectNode toJson(List<Row> rows) {
        ObjectNode root = Json.object();
        root.put("command", "hitpath");
        ArrayNode array = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode node = array.addObject();
            row.params().forEach(node::put);
            for (String method : METHODS) {
                Double value = row.get(method);
                if (value != null) {
                    node.put(method + "Micros", Json.round(value));
                }
            }
            Double limit = row.limit();
            Double ratio = row.ratio();
            if (limit != null) {
                node.put("limitMicros", Json.round(limit));
            }
            if (ratio != null) {
                node.put("hitToLimitRatio", Json.round(ratio));
            }
        }
        return root;
    }

    private static String micros(@Nullable Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f µs", value);
    }
}
