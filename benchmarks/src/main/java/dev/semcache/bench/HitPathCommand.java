package dev.semcache.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.jmh.HitPathBenchmark;
import dev.semcache.bench.jmh.StoreKind;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Samples;
import dev.semcache.embeddings.BundledModel;
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
 * {@code semcache-bench hitpath}: reports the full semantic hit as a ratio to its limits, the embedding plus one raw
 * KNN round trip, per store, entry count and model, in one of two ways.
 *
 * <ul>
 *   <li>{@code --jmh RESULTS.json}: from the JMH results of {@link HitPathBenchmark}. Each operation runs in its own
 *       fork, one after the other, so on a shared machine they may see different loads.
 *   <li>{@code --measure}: in this process, with the same setup as the JMH suite, the operations interleaved round
 *       by round (embedding, raw KNN, store search, exact hit, semantic hit, semantic miss), after a warm-up. Every
 *       round's ratio is computed from operations a few milliseconds apart, so a change of machine load affects
 *       numerator and denominator alike; the median of those paired ratios is reported next to the ratio of medians.
 * </ul>
 *
 * <pre>{@code
 * REDIS_URL=redis://127.0.0.1:6379 java -cp benchmarks/target/semcache-bench.jar org.openjdk.jmh.Main \
 *     HitPathBenchmark -rf json -rff hitpath.json
 * java -jar benchmarks/target/semcache-bench.jar hitpath --jmh hitpath.json --out hitpath.md
 * REDIS_URL=redis://127.0.0.1:6379 java -jar benchmarks/target/semcache-bench.jar hitpath --measure \
 *     --store IN_MEMORY,JEDIS,LETTUCE --seconds 30
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "hitpath",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        description = "Reports the semantic hit as a ratio to embedding + raw KNN: from HitPathBenchmark's JMH JSON"
                + " (--jmh), or measured here with the operations interleaved (--measure).")
public final class HitPathCommand implements Callable<Integer> {

    /** The benchmark whose results this command reads. */
    static final String BENCHMARK = "dev.semcache.bench.jmh.HitPathBenchmark.";

    private static final List<String> METHODS =
            List.of("embedding", "rawKnn", "storeSearch", "exactHit", "semanticHit", "semanticMiss");

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Option(names = "--jmh", paramLabel = "RESULTS.json", description = "JMH results (-rf json) to report.")
    private @Nullable Path jmh;

    @Option(names = "--measure", description = "Measure here, interleaving the operations, instead of reading JMH.")
    private boolean measure;

    @Option(
            names = "--store",
            split = ",",
            paramLabel = "KIND",
            defaultValue = "IN_MEMORY",
            description = "With --measure: IN_MEMORY, JEDIS, LETTUCE (comma-separated; Redis from REDIS_URL or"
                    + " -Dsemcache.redis.url). Default: ${DEFAULT-VALUE}.")
    private List<StoreKind> stores = List.of(StoreKind.IN_MEMORY);

    @Option(
            names = "--entries",
            paramLabel = "N",
            defaultValue = "1000",
            description = "With --measure: entries in the namespace. Default: ${DEFAULT-VALUE}.")
    private int entries;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = "BGE_SMALL_EN_V1_5",
            description = "With --measure: ALL_MINILM_L6_V2 or BGE_SMALL_EN_V1_5. Default: ${DEFAULT-VALUE}.")
    private BundledModel model = BundledModel.BGE_SMALL_EN_V1_5;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "20",
            description = "With --measure: measured seconds per store, after as many again of warm-up (at most 600)."
                    + " Default: ${DEFAULT-VALUE}.")
    private int seconds;

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
        if ((jmh == null) == !measure) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --jmh RESULTS.json or --measure");
        }
        if (measure) {
            if (seconds < 1 || seconds > 600) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--seconds must be in [1, 600], was " + seconds);
            }
            if (entries < 24) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--entries must be at least 24, was " + entries);
            }
            return measure();
        }
        Path results = jmh;
        if (results == null || !Files.isRegularFile(results)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jmh: no such file: " + results);
        }
        List<Row> rows = read(results);
        if (rows.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--jmh: " + results + " holds no HitPathBenchmark results");
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

    private int measure() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Row> rows = new ArrayList<>();
        List<Double> pairedMedians = new ArrayList<>();
        for (StoreKind kind : stores) {
            HitPathBenchmark bench = new HitPathBenchmark();
            bench.store = kind;
            bench.entries = entries;
            bench.model = model;
            bench.setUp();
            Map<String, Samples> samples = new LinkedHashMap<>();
            METHODS.forEach(m -> samples.put(m, new Samples()));
            List<Double> ratios = new ArrayList<>();
            try {
                rounds(bench, seconds, null, null);
                rounds(bench, seconds, samples, ratios);
            } finally {
                bench.tearDown();
            }
            Map<String, String> params = new TreeMap<>();
            params.put("entries", Integer.toString(entries));
            params.put("model", model.name());
            params.put("store", kind.name());
            Map<String, Double> micros = new LinkedHashMap<>();
            samples.forEach((m, v) -> micros.put(m, v.percentile(0.5) / 1000.0));
            rows.add(new Row(params, micros));
            ratios.sort(null);
            pairedMedians.add(ratios.isEmpty() ? Double.NaN : ratios.get(ratios.size() / 2));
            stdout.println(String.format(
                    Locale.ROOT,
                    "%s: %d rounds, median paired ratio %.2f",
                    kind,
                    ratios.size(),
                    pairedMedians.get(pairedMedians.size() - 1)));
        }
        String table = markdown(rows)
                .replace("Times are JMH average times per operation", "Times are medians over interleaved rounds");
        StringBuilder paired = new StringBuilder(
                "\n| store | median of per-round semantic hit / (embedding + raw KNN) |\n" + "| --- | ---: |\n");
        for (int i = 0; i < rows.size(); i++) {
            paired.append("| ")
                    .append(rows.get(i).params().get("store"))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f×", pairedMedians.get(i)))
                    .append(" |\n");
        }
        stdout.print(table + paired);
        if (out != null) {
            try {
                Files.writeString(out, table + paired, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        if (json) {
            ObjectNode node = toJson(rows);
            node.put("mode", "interleaved");
            ArrayNode array = (ArrayNode) node.get("rows");
            for (int i = 0; i < rows.size(); i++) {
                ((ObjectNode) array.get(i)).put("pairedRatioMedian", Json.round(pairedMedians.get(i)));
            }
            stdout.println(Json.line(node));
        }
        stdout.flush();
        return 0;
    }

    private static void rounds(
            HitPathBenchmark bench,
            int seconds,
            @Nullable Map<String, Samples> samples,
            @Nullable List<Double> ratios) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            bench.embedding();
            long t1 = System.nanoTime();
            bench.rawKnn();
            long t2 = System.nanoTime();
            bench.storeSearch();
            long t3 = System.nanoTime();
            bench.exactHit();
            long t4 = System.nanoTime();
            bench.semanticHit();
            long t5 = System.nanoTime();
            bench.semanticMiss();
            long t6 = System.nanoTime();
            if (samples != null && ratios != null) {
                samples.get("embedding").add(t1 - t0);
                samples.get("rawKnn").add(t2 - t1);
                samples.get("storeSearch").add(t3 - t2);
                samples.get("exactHit").add(t4 - t3);
                samples.get("semanticHit").add(t5 - t4);
                samples.get("semanticMiss").add(t6 - t5);
                ratios.add((double) (t5 - t4) / ((t1 - t0) + (t2 - t1)));
            }
        }
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
