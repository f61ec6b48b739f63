package dev.semcache.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.eval.Confusion;
import dev.semcache.bench.eval.LabelledPair;
import dev.semcache.bench.eval.PairEvaluator;
import dev.semcache.bench.eval.PairMetrics;
import dev.semcache.bench.eval.PairMetrics.ThresholdRange;
import dev.semcache.bench.eval.PairOutcome;
import dev.semcache.bench.eval.PairsReader;
import dev.semcache.bench.eval.SweepPoint;
import dev.semcache.bench.report.Charts;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Progress;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench pairs}: measures the answer quality of the cache on labelled prompt pairs.
 *
 * <p>For every row, {@code text_a} is stored in a fresh namespace and {@code text_b} looked up through the real {@link
 * dev.semcache.cache.SemanticCache#lookup} (see {@link PairEvaluator}); a hit on a label-1 row is a right answer, a
 * hit on a label-0 row a wrong one. It prints precision, recall, F1 and false-hit rate overall and per {@code kind};
 * with {@code --sweep} the same over a range of thresholds, the lowest threshold that reaches
 * {@code --target-precision}, and optionally a PNG chart. With {@code --json} the last line of stdout is one JSON
 * object.
 *
 * <pre>{@code
 * java -jar benchmarks/target/semcache-bench.jar pairs --file datasets/prompt-pairs/prompt-pairs-dev.tsv
 * java -jar benchmarks/target/semcache-bench.jar pairs --file qqp_pairs.tsv --limit 4000 --model bge-small-en-v1.5 \
 *     --sweep 0.80:0.99:0.01 --chart qqp-bge.png --decisions qqp-bge.tsv --json
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "pairs",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        description = {
            "Stores text_a and looks text_b up through the real cache for each labelled pair; reports precision,"
                    + " recall, F1 and false-hit rate, overall and per kind.",
            "A hit on a label-0 row is a wrong answer served (a false hit)."
        })
public final class PairsCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(
            names = "--file",
            required = true,
            paramLabel = "F.tsv",
            description = "Tab-separated pairs with a header: text_a, text_b, label (0/1), optional kind.")
    private Path file = Path.of("");

    @Option(
            names = "--threshold",
            paramLabel = "T",
            defaultValue = "0.92",
            description = "Cosine similarity threshold of the cache. Default: ${DEFAULT-VALUE}.")
    private double threshold;

    @Option(
            names = "--sweep",
            paramLabel = "FROM:TO:STEP",
            description = "Also report every threshold of this range, e.g. 0.80:0.99:0.01.")
    private @Nullable String sweep;

    @Option(
            names = "--target-precision",
            paramLabel = "P",
            defaultValue = "0.95",
            description =
                    "With --sweep, report the lowest threshold whose precision reaches P. Default: ${DEFAULT-VALUE}.")
    private double targetPrecision;

    @Option(
            names = "--chart",
            paramLabel = "OUT.png",
            description = "With --sweep, write a precision/recall chart over the thresholds.")
    private @Nullable Path chart;

    @Option(
            names = "--verifier",
            paramLabel = "on|off",
            defaultValue = "on",
            description = "Verify candidates (on) or trust the similarity alone (off). Default: ${DEFAULT-VALUE}.")
    private VerifierChoice verifier = VerifierChoice.ON;

    @Option(
            names = "--decisions",
            paramLabel = "OUT.tsv",
            description = "Write one line per row: label, kind, outcome, hit, similarity, verdict, texts.")
    private @Nullable Path decisions;

    @Option(names = "--json", description = "End the output with one line of JSON holding every number.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Read only the first N rows.")
    private @Nullable Long limit;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "32",
            description = "Embed N rows' texts in one batch ahead of their lookups; 1 lets the cache embed each text"
                    + " itself. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--progress", description = "Draw a progress bar on stderr even when it is not a terminal.")
    private boolean progress;

    /**
     * Runs the evaluation.
     *
     * @return 0
     * @throws CommandLine.ParameterException for a bad option value
     * @throws dev.semcache.bench.eval.PairsFormatException if the file is malformed
     */
    @Override
    public Integer call() {
        ThresholdRange range = validate();
        List<LabelledPair> rows = PairsReader.readAll(file, limit != null ? limit : Long.MAX_VALUE);
        if (rows.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--file: " + file + " has no rows");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<PairOutcome> outcomes;
        String modelId;
        long unprepared;
        long start = System.nanoTime();
        try (OnnxTextEmbedder embedder = modelOptions.open()) {
            modelId = embedder.modelId();
            // A sweep looks up at threshold 0 with one candidate, so every row records its similarity and verdict.
            double lookupThreshold = range != null ? 0.0 : threshold;
            int candidates = range != null ? 1 : dev.semcache.cache.SemanticCache.DEFAULT_CANDIDATES;
            try (PairEvaluator evaluator =
                            new PairEvaluator(embedder, verifier.verifier(), lookupThreshold, candidates, batch);
                    Progress bar = Progress.start("pairs", rows.size(), System.err, progress)) {
                outcomes = evaluator.evaluate(rows, bar);
                unprepared = evaluator.unpreparedEmbeddings();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Confusion overall = PairMetrics.countAt(outcomes, threshold);
        Map<String, Confusion> kinds = PairMetrics.byKind(outcomes, threshold);
        List<SweepPoint> points = range != null ? PairMetrics.sweep(outcomes, range) : List.of();
        OptionalDouble lowest = PairMetrics.lowestThresholdReaching(points, targetPrecision);

        out.println(String.format(
                Locale.ROOT,
                "pairs: %s, %d rows, model %s, threshold %s, verifier %s",
                file.getFileName(),
                rows.size(),
                modelId,
                fmt(threshold),
                verifier.description()));
        printSummary(out, overall, outcomeCounts(outcomes, threshold));
        if (!kinds.isEmpty()) {
            out.println();
            out.println("by kind:");
            printTable(out, "kind", kinds);
        }
        if (range != null) {
            out.println();
            out.println("sweep " + range + ":");
            Map<String, Confusion> curve = new java.util.LinkedHashMap<>();
            for (SweepPoint point : points) {
                curve.put(fmt(point.threshold()), point.counts());
            }
            printTable(out, "threshold", curve);
            out.println();
            if (lowest.isPresent()) {
                Confusion at = PairMetrics.countAt(outcomes, lowest.getAsDouble());
                out.println(String.format(
                        Locale.ROOT,
                        "lowest threshold reaching precision %s: %s (recall %.3f, false-hit rate %.3f)",
                        fmt(targetPrecision),
                        fmt(lowest.getAsDouble()),
                        at.recall(),
                        at.falseHitRate()));
            } else {
                out.println("no threshold in " + range + " reaches precision " + fmt(targetPrecision));
            }
            if (chart != null) {
                writeChart(chart, points, modelId);
                out.println("chart: " + chart);
            }
        }
        if (decisions != null) {
            writeDecisions(decisions, outcomes);
            out.println("decisions: " + decisions);
        }
        out.println(String.format(
                Locale.ROOT, "elapsed %.1f s (%.1f rows/s)", seconds, rows.size() / Math.max(seconds, 1e-9)));
        if (json) {
            out.println(Json.line(toJson(
                    modelId, rows.size(), overall, kinds, outcomes, range, points, lowest, seconds, unprepared)));
        }
        out.flush();
        return 0;
    }

    private @Nullable ThresholdRange validate() {
        CommandLine cl = spec.commandLine();
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(cl, "--threshold must be in [0, 1], was " + threshold);
        }
        if (!(targetPrecision >= 0 && targetPrecision <= 1)) {
            throw new CommandLine.ParameterException(
                    cl, "--target-precision must be in [0, 1], was " + targetPrecision);
        }
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(cl, "--limit must be positive, was " + limit);
        }
        if (batch < 1) {
            throw new CommandLine.ParameterException(cl, "--batch must be positive, was " + batch);
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cl, "--file: no such file: " + file);
        }
        if (chart != null && sweep == null) {
            throw new CommandLine.ParameterException(cl, "--chart needs --sweep");
        }
        if (sweep == null) {
            return null;
        }
        try {
            return ThresholdRange.parse(sweep);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--sweep: " + e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, Confusion c, Map<String, Long> outcomes) {
        out.println(String.format(
                Locale.ROOT,
                "hits %d of %d (%.1f%%): precision %.3f, recall %.3f, F1 %.3f, false-hit rate %.3f"
                        + " (tp %d, fp %d, tn %d, fn %d)",
                c.hits(),
                c.rows(),
                100 * c.hitRate(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.falseHitRate(),
                c.tp(),
                c.fp(),
                c.tn(),
                c.fn()));
        out.println("lookup outcomes: " + outcomes);
    }

    private static Map<String, Long> outcomeCounts(List<PairOutcome> outcomes, double threshold) {
        Map<String, Long> counts = new TreeMap<>();
        for (PairOutcome outcome : outcomes) {
            counts.merge(outcome.outcomeAt(threshold), 1L, Long::sum);
        }
        return counts;
    }

    private static void printTable(PrintWriter out, String first, Map<String, Confusion> rows) {
        int width = Math.max(
                first.length(),
                rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + width + "s %6s %6s %9s %7s %6s %14s%n";
        out.printf(Locale.ROOT, format, first, "rows", "hits", "precision", "recall", "F1", "false-hit rate");
        for (Map.Entry<String, Confusion> row : rows.entrySet()) {
            Confusion c = row.getValue();
            out.printf(
                    Locale.ROOT,
                    format,
                    row.getKey(),
                    c.rows(),
                    c.hits(),
                    c.hits() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", c.precision()),
                    c.tp() + c.fn() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", c.recall()),
                    String.format(Locale.ROOT, "%.3f", c.f1()),
                    c.fp() + c.tn() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", c.falseHitRate()));
        }
    }

    private ObjectNode toJson(
            String modelId,
            int rows,
            Confusion overall,
            Map<String, Confusion> kinds,
            List<PairOutcome> outcomes,
            @Nullable ThresholdRange range,
            List<SweepPoint> points,
            OptionalDouble lowest,
            double seconds,
            long unprepared) {
        ObjectNode node = Json.object();
        node.put("command", "pairs");
        node.put("file", file.toString());
        node.put("model", modelId);
        node.put("threshold", threshold);
        node.put("verifier", verifier.name().toLowerCase(Locale.ROOT));
        node.put("verifierDescription", verifier.description());
        Json.put(node, overall);
        ObjectNode counts = node.putObject("outcomes");
        outcomeCounts(outcomes, threshold).forEach(counts::put);
        ObjectNode kindsNode = node.putObject("kinds");
        kinds.forEach((kind, c) -> Json.put(kindsNode.putObject(kind), c));
        if (range != null) {
            node.put("sweepRange", range.toString());
            node.put("targetPrecision", targetPrecision);
            if (lowest.isPresent()) {
                node.put("lowestThresholdReachingTarget", lowest.getAsDouble());
            } else {
                node.putNull("lowestThresholdReachingTarget");
            }
            ArrayNode curve = node.putArray("sweep");
            for (SweepPoint point : points) {
                Json.put(curve.addObject().put("threshold", point.threshold()), point.counts());
            }
        }
        node.put("batch", batch);
        node.put("embeddingsOutsideBatch", unprepared);
        node.put("elapsedSeconds", Json.round(seconds));
        node.put("rowsPerSecond", Json.round(rows / Math.max(seconds, 1e-9)));
        return node;
    }

    private void writeChart(Path target, List<SweepPoint> points, String modelId) {
        List<Double> x = new ArrayList<>();
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Double> falseHits = new ArrayList<>();
        for (SweepPoint point : points) {
            x.add(point.threshold());
            precision.add(point.counts().precision());
            recall.add(point.counts().recall());
            falseHits.add(point.counts().falseHitRate());
        }
        Charts.lines(
                target,
                file.getFileName() + " - " + modelId + ", verifier "
                        + verifier.name().toLowerCase(Locale.ROOT),
                "similarity threshold",
                "rate",
                List.of(
                        new Charts.Line("precision", x, precision),
                        new Charts.Line("recall", x, recall),
                        new Charts.Line("false-hit rate", x, falseHits)),
                1.0);
    }

    private void writeDecisions(Path target, List<PairOutcome> outcomes) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                w.write("line\tlabel\tkind\toutcome\thit\tsimilarity\tverdict\ttext_a\ttext_b\n");
                for (PairOutcome o : outcomes) {
                    LabelledPair p = o.pair();
                    w.write(p.line() + "\t" + p.label() + "\t" + (p.kind() != null ? p.kind() : "") + "\t"
                            + o.outcomeAt(threshold) + "\t" + (o.hitAt(threshold) ? 1 : 0) + "\t"
                            + (Double.isNaN(o.similarity()) ? "" : String.format(Locale.ROOT, "%.4f", o.similarity()))
                            + "\t" + (o.verdict() != null ? o.verdict() : "") + "\t" + p.textA() + "\t" + p.textB()
                            + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String fmt(double value) {
        return new java.math.BigDecimal(Double.toString(value))
                .stripTrailingZeros()
                .toPlainString();
    }
}
