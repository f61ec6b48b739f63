package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.report.Charts;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Samples;
import dev.semcache.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one replay: {@code replay.json}, {@code replay.md}, {@code hit-rate.png} and {@code latency.png}.
 *
 * @param settings what was replayed and how, in the order to print (values are strings or numbers)
 * @param stats the replay's own measurements
 * @param cacheStats the cache's statistics snapshot after the replay
 * @since 0.1.0
 */
public record ReplayReport(Map<String, Object> settings, ReplayStats stats, CacheStats cacheStats) {

    /** The JSON report's file name. */
    public static final String JSON_FILE = "replay.json";

    /** The Markdown report's file name. */
    public static final String MARKDOWN_FILE = "replay.md";

    /** The hit rate chart's file name. */
    public static final String HIT_RATE_CHART = "hit-rate.png";

    /** The latency histogram's file name. */
    public static final String LATENCY_CHART = "latency.png";

    private static final long[] BUCKET_MICROS = {
        50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000
    };

    /** Copies the settings. */
    public ReplayReport {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(settings, "settings")));
        requireNonNull(stats, "stats");
        requireNonNull(cacheStats, "cacheStats");
    }

    /**
     * Writes the four files into a directory, creating it.
     *
     * @param dir the directory
     * @return the files written
     * @throws UncheckedIOException if a file cannot be written
     */
    public List<Path> write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(JSON_FILE);
            Files.writeString(
                    json,
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n",
                    StandardCharsets.UTF_8);
            Path markdown = dir.resolve(MARKDOWN_FILE);
            Files.writeString(markdown, toMarkdown(), StandardCharsets.UTF_8);
            Path hitRate = dir.resolve(HIT_RATE_CHART);
            writeHitRateChart(hitRate);
            Path latency = dir.resolve(LATENCY_CHART);
            writeLatencyChart(latency);
            return List.of(json, markdown, hitRate, latency);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay report into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the report as one JSON object.
     *
     * @return the object
     */
    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("command", "replay");
        ObjectNode s = root.putObject("settings");
        settings.forEach((k, v) -> s.putPOJO(k, v));
        ReplayStats.KindCounts total = stats.total();
        root.put("events", stats.events());
        root.put("hits", total.hits());
        root.put("hitRate", Json.round(total.hitRate()));
        root.put("exactHits", total.exactHits());
        root.put("semanticHits", total.semanticHits());
        root.put("rightHits", total.rightHits());
        root.put("wrongHits", total.wrongHits());
        root.put("unlabelledHits", total.unlabelledHits());
        root.put("hitPrecision", Json.round(ratio(total.rightHits(), total.hits())));
        ObjectNode kinds = root.putObject("kinds");
        for (EventKind kind : EventKind.values()) {
            ReplayStats.KindCounts k = stats.kind(kind);
            ObjectNode node = kinds.putObject(kind.code());
            node.put("events", k.events());
            node.put("hits", k.hits());
            node.put("hitRate", Json.round(k.hitRate()));
            node.put("exactHits", k.exactHits());
            node.put("semanticHits", k.semanticHits());
            node.put("rightHits", k.rightHits());
            node.put("wrongHits", k.wrongHits());
            node.put("unlabelledHits", k.unlabelledHits());
        }
        ObjectNode money = root.putObject("savings");
        money.put("promptTokensSaved", stats.promptTokensSaved());
        money.put("completionTokensSaved", stats.completionTokensSaved());
        money.put("usdSaved", usd(stats.nanoUsdSaved()));
        money.put("usdSavedOnWrongOrUnlabelledHits", usd(stats.nanoUsdSavedOnBadHits()));
        money.put("usdSpent", usd(stats.nanoUsdSpent()));
        money.put("usdWithoutCache", usd(stats.nanoUsdSpent() + stats.nanoUsdSaved()));
        money.put("savedShare", Json.round(ratio(stats.nanoUsdSaved(), stats.nanoUsdSpent() + stats.nanoUsdSaved())));
        money.put("cacheStatsUsdSaved", cacheStats.usdSaved());
        ObjectNode latency = root.putObject("latencyMillis");
        putLatency(latency.putObject("hit"), stats.hitLatency());
        putLatency(latency.putObject("missOverhead"), stats.missOverhead());
        putLatency(latency.putObject("upstream"), stats.upstreamLatency());
        ObjectNode lookup = latency.putObject("cacheLookup");
        lookup.put("count", cacheStats.latencyCount());
        lookup.put("p50", millis(cacheStats.latencyP50Nanos()));
        lookup.put("p90", millis(cacheStats.latencyP90Nanos()));
        lookup.put("p99", millis(cacheStats.latencyP99Nanos()));
        ObjectNode cache = root.putObject("cacheStats");
        cache.put("requests", cacheStats.requests());
        cache.put("exactHits", cacheStats.exactHits());
        cache.put("semanticHits", cacheStats.semanticHits());
        cache.put("misses", cacheStats.misses());
        cache.put("bypasses", cacheStats.bypasses());
        cache.put("verifierRejections", cacheStats.verifierRejections());
        cache.put("errors", cacheStats.errors());
        root.put("wallSeconds", Json.round(stats.wallNanos() / 1e9));
        root.put("eventsPerSecond", Json.round(stats.events() / Math.max(1e-9, stats.wallNanos() / 1e9)));
        return root;
    }

    /**
     * Returns the report as Markdown.
     *
     * @return the text
     */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# semcache replay\n\n");
        md.append("| setting | value |\n| --- | --- |\n");
        settings.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        ReplayStats.KindCounts total = stats.total();
        md.append("\n## Hits\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d events, %d hits (%.1f%%): %d exact, %d semantic; %d right, %d wrong (label 0), %d unlabelled"
                        + " (served another prompt's answer the labels say nothing about).%n%n",
                stats.events(),
                total.hits(),
                100 * total.hitRate(),
                total.exactHits(),
                total.semanticHits(),
                total.rightHits(),
                total.wrongHits(),
                total.unlabelledHits()));
        md.append("| event kind | events | hits | hit rate | exact | semantic | right | wrong | unlabelled |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (EventKind kind : EventKind.values()) {
            appendKind(md, kind.code(), stats.kind(kind));
        }
        appendKind(md, "**all**", total);
        md.append("\n## Money\n\n");
        md.append(String.format(
                Locale.ROOT,
                "| | tokens (prompt + completion) | USD |%n| --- | ---: | ---: |%n"
                        + "| without the cache | %d + %d | %.4f |%n"
                        + "| spent upstream (misses) | %d + %d | %.4f |%n"
                        + "| saved by hits | %d + %d | %.4f (%.1f%%) |%n"
                        + "| of which by wrong or unlabelled hits | | %.4f |%n",
                stats.promptTokensSpent() + stats.promptTokensSaved(),
                stats.completionTokensSpent() + stats.completionTokensSaved(),
                usd(stats.nanoUsdSpent() + stats.nanoUsdSaved()),
                stats.promptTokensSpent(),
                stats.completionTokensSpent(),
                usd(stats.nanoUsdSpent()),
                stats.promptTokensSaved(),
                stats.completionTokensSaved(),
                usd(stats.nanoUsdSaved()),
                100 * ratio(stats.nanoUsdSaved(), stats.nanoUsdSpent() + stats.nanoUsdSaved()),
                usd(stats.nanoUsdSavedOnBadHits())));
        md.append("\n## Latency (ms)\n\n");
        md.append("| | count | p50 | p90 | p99 | max | mean |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        appendLatency(md, "hit (whole call)", stats.hitLatency());
        appendLatency(md, "miss: cache overhead (lookup + store)", stats.missOverhead());
        appendLatency(md, "miss: simulated upstream", stats.upstreamLatency());
        md.append(String.format(
                Locale.ROOT,
                "| cache lookup (CacheStats, every request) | %d | %.3f | %.3f | %.3f | | |%n",
                cacheStats.latencyCount(),
                millis(cacheStats.latencyP50Nanos()),
                millis(cacheStats.latencyP90Nanos()),
                millis(cacheStats.latencyP99Nanos())));
        md.append(String.format(
                Locale.ROOT,
                "%nWall time %.1f s, %.1f events/s. Cache stats: %d verifier rejections, %d errors.%n",
                stats.wallNanos() / 1e9,
                stats.events() / Math.max(1e-9, stats.wallNanos() / 1e9),
                cacheStats.verifierRejections(),
                cacheStats.errors()));
        md.append("\n![hit rate](" + HIT_RATE_CHART + ")\n\n![latency](" + LATENCY_CHART + ")\n");
        return md.toString();
    }

    private void writeHitRateChart(Path file) {
        long events = stats.events();
        int window = (int) Math.max(50, events / 50);
        int step = (int) Math.max(1, events / 500);
        List<Double> x = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        List<Double> rolling = new ArrayList<>();
        long hits = 0;
        long inWindow = 0;
        for (int i = 0; i < events; i++) {
            boolean hit = stats.hitTimeline().get(i);
            hits += hit ? 1 : 0;
            inWindow += hit ? 1 : 0;
            if (i >= window && stats.hitTimeline().get(i - window)) {
                inWindow--;
            }
            if ((i + 1) % step == 0 || i == events - 1) {
                x.add((double) (i + 1));
                cumulative.add((double) hits / (i + 1));
                rolling.add((double) inWindow / Math.min(window, i + 1));
            }
        }
        Charts.lines(
                file,
                "Hit rate over the replay",
                "requests",
                "hit rate",
                List.of(
                        new Charts.Line("cumulative", x, cumulative),
                        new Charts.Line("last " + window + " requests", x, rolling)),
                1.0);
    }

    private void writeLatencyChart(Path file) {
        long[] bounds = new long[BUCKET_MICROS.length];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = BUCKET_MICROS[i] * 1000;
            labels.add("<=" + formatMicros(BUCKET_MICROS[i]));
        }
        labels.add(">" + formatMicros(BUCKET_MICROS[BUCKET_MICROS.length - 1]));
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("hit", asList(stats.hitLatency().histogram(bounds)));
        series.put("miss overhead", asList(stats.missOverhead().histogram(bounds)));
        series.put("upstream", asList(stats.upstreamLatency().histogram(bounds)));
        Charts.bars(file, "Latency per request", "latency", "requests", labels, series);
    }

    private static List<Long> asList(long[] counts) {
        List<Long> list = new ArrayList<>(counts.length);
        for (long c : counts) {
            list.add(c);
        }
        return list;
    }

    private static String formatMicros(long micros) {
        if (micros >= 1_000_000) {
            return (micros / 1_000_000.0 == Math.floor(micros / 1_000_000.0)
                            ? String.valueOf(micros / 1_000_000)
                            : String.valueOf(micros / 1_000_000.0))
                    + " s";
        }
        if (micros >= 1000) {
            return (micros % 1000 == 0 ? String.valueOf(micros / 1000) : String.valueOf(micros / 1000.0)) + " ms";
        }
        return micros + " µs";
    }

    private static void appendKind(StringBuilder md, String name, ReplayStats.KindCounts k) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.1f%% | %d | %d | %d | %d | %d |%n",
                name,
                k.events(),
                k.hits(),
                100 * k.hitRate(),
                k.exactHits(),
                k.semanticHits(),
                k.rightHits(),
                k.wrongHits(),
                k.unlabelledHits()));
    }

    private static void appendLatency(StringBuilder md, String name, Samples samples) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                name,
                samples.count(),
                millis(samples.percentile(0.5)),
                millis(samples.percentile(0.9)),
                millis(samples.percentile(0.99)),
                millis(samples.max()),
                samples.mean() / 1e6));
    }

    private static void putLatency(ObjectNode node, Samples samples) {
        node.put("count", samples.count());
        node.put("p50", millis(samples.percentile(0.5)));
        node.put("p90", millis(samples.percentile(0.9)));
        node.put("p99", millis(samples.percentile(0.99)));
        node.put("max", millis(samples.max()));
        node.put("mean", Json.round(samples.mean() / 1e6));
    }

    private static double millis(long nanos) {
        return Json.round(nanos / 1e6);
    }

    private static double usd(long nanoUsd) {
        return Json.round(nanoUsd / 1e9);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
