package dev.semcache.bench.load;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Samples;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report of a load run: each phase's throughput and latency, and the service's overhead per request over the
 * upstream driven directly in the same run, for hits and misses, with and without streaming.
 *
 * @param settings what was run, in print order
 * @param direct the upstream driven directly, non-streaming
 * @param service the service, non-streaming
 * @param directStream the upstream driven directly with streams, or {@code null}
 * @param serviceStream the service with streams, or {@code null}
 * @since 0.1.0
 */
public record LoadReport(
        Map<String, Object> settings,
        PhaseResult direct,
        PhaseResult service,
        @Nullable PhaseResult directStream,
        @Nullable PhaseResult serviceStream) {

    /** The outcome of a hit. */
    public static final String HIT = "HIT";

    /** The outcome of a miss. */
    public static final String MISS = "MISS";

    /** Copies the settings. */
    public LoadReport {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(settings, "settings")));
        requireNonNull(direct, "direct");
        requireNonNull(service, "service");
    }

    /**
     * Returns the service's overhead on one outcome over the direct upstream, for the non-streaming or streaming pair.
     *
     * @param outcome {@value #HIT} or {@value #MISS}
     * @param stream which pair of phases
     * @return the overhead; zeros when a side has no sample or the pair was not run
     */
    public Overhead overhead(String outcome, boolean stream) {
        PhaseResult s = stream ? serviceStream : service;
        PhaseResult d = stream ? directStream : direct;
        if (s == null || d == null) {
            return new Overhead(0, 0, 0, 0);
        }
        return Overhead.of(s.samples(outcome), d.samples(LoadDriver.DIRECT));
    }

    /**
     * Returns the service's overhead on the time to first byte of streams.
     *
     * @param outcome {@value #HIT} or {@value #MISS}
     * @return the overhead; zeros when streams were not run
     */
    public Overhead firstByteOverhead(String outcome) {
        if (serviceStream == null || directStream == null) {
            return new Overhead(0, 0, 0, 0);
        }
        return Overhead.of(
                serviceStream.firstByte().getOrDefault(outcome, new Samples()),
                directStream.firstByte().getOrDefault(LoadDriver.DIRECT, new Samples()));
    }

    /**
     * Returns the report as JSON.
     *
     * @return the object
     */
    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("command", "load");
        ObjectNode s = root.putObject("settings");
        settings.forEach(s::putPOJO);
        ObjectNode phases = root.putObject("phases");
        for (PhaseResult phase : phases()) {
            ObjectNode node = phases.putObject(phase.name());
            node.put("completed", phase.completed());
            node.put("failed", phase.failed());
            node.put("wallSeconds", Json.round(phase.wallNanos() / 1e9));
            node.put("throughputPerSecond", Json.round(phase.throughput()));
            ObjectNode errors = node.putObject("errors");
            phase.errors().forEach(errors::put);
            ObjectNode latency = node.putObject("latencyMillis");
            phase.latency().forEach((outcome, samples) -> putSamples(latency.putObject(outcome), samples));
            if (!phase.firstByte().isEmpty()) {
                ObjectNode ttfb = node.putObject("firstByteMillis");
                phase.firstByte().forEach((outcome, samples) -> putSamples(ttfb.putObject(outcome), samples));
            }
        }
        ObjectNode overhead = root.putObject("overheadMillis");
        putOverhead(overhead.putObject("hit"), overhead(HIT, false));
        putOverhead(overhead.putObject("miss"), overhead(MISS, false));
        if (serviceStream != null) {
            putOverhead(overhead.putObject("hitStream"), overhead(HIT, true));
            putOverhead(overhead.putObject("missStream"), overhead(MISS, true));
            putOverhead(overhead.putObject("hitStreamFirstByte"), firstByteOverhead(HIT));
            putOverhead(overhead.putObject("missStreamFirstByte"), firstByteOverhead(MISS));
        }
        return root;
    }

    /**
     * Returns the report as Markdown.
     *
     * @return the text
     */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# semcache load\n\n| setting | value |\n| --- | --- |\n");
        settings.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Throughput and latency (ms)\n\n");
        md.append("| phase | outcome | requests | req/s (phase) | p50 | p90 | p99 | mean | first byte p50 |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PhaseResult phase : phases()) {
            for (Map.Entry<String, Samples> entry : phase.latency().entrySet()) {
                Samples samples = entry.getValue();
                Samples ttfb = phase.firstByte().get(entry.getKey());
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %.1f | %.3f | %.3f | %.3f | %.3f | %s |%n",
                        phase.name(),
                        entry.getKey(),
                        samples.count(),
                        phase.throughput(),
                        samples.percentile(0.5) / 1e6,
                        samples.percentile(0.9) / 1e6,
                        samples.percentile(0.99) / 1e6,
                        samples.mean() / 1e6,
                        ttfb == null ? "" : String.format(Locale.ROOT, "%.3f", ttfb.percentile(0.5) / 1e6)));
            }
            if (phase.failed() > 0) {
                md.append("| ")
                        .append(phase.name())
                        .append(" | errors | ")
                        .append(phase.failed())
                        .append(" | | | | | | ")
                        .append(phase.errors())
                        .append(" |\n");
            }
        }
        md.append("\n## Service overhead per request (ms; service minus the upstream driven directly)\n\n");
        md.append("| request | p50 | p90 | p99 | mean |\n| --- | ---: | ---: | ---: | ---: |\n");
        appendOverhead(md, "miss", overhead(MISS, false));
        appendOverhead(md, "hit (no upstream call; negative = faster than the upstream)", overhead(HIT, false));
        if (serviceStream != null) {
            appendOverhead(md, "miss, stream (to [DONE])", overhead(MISS, true));
            appendOverhead(md, "hit, stream (to [DONE])", overhead(HIT, true));
            appendOverhead(md, "miss, stream, first byte", firstByteOverhead(MISS));
            appendOverhead(md, "hit, stream, first byte", firstByteOverhead(HIT));
        }
        md.append("\nQuantile differences of unpaired samples: p50 and mean are robust, p99 only indicative.\n");
        return md.toString();
    }

    private List<PhaseResult> phases() {
        return directStream != null && serviceStream != null
                ? List.of(direct, service, directStream, serviceStream)
                : List.of(direct, service);
    }

    private static void appendOverhead(StringBuilder md, String name, Overhead o) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.3f | %.3f |%n",
                name,
                o.p50Millis(),
                o.p90Millis(),
                o.p99Millis(),
                o.meanMillis()));
    }

    private static void putSamples(ObjectNode node, Samples samples) {
        node.put("count", samples.count());
        node.put("p50", Json.round(samples.percentile(0.5) / 1e6));
        node.put("p90", Json.round(samples.percentile(0.9) / 1e6));
        node.put("p99", Json.round(samples.percentile(0.99) / 1e6));
        node.put("mean", Json.round(samples.mean() / 1e6));
        node.put("max", Json.round(samples.max() / 1e6));
    }

    private static void putOverhead(ObjectNode node, Overhead o) {
        node.put("p50", Json.round(o.p50Millis()));
        node.put("p90", Json.round(o.p90Millis()));
        node.put("p99", Json.round(o.p99Millis()));
        node.put("mean", Json.round(o.meanMillis()));
    }
}
