package dev.semcache.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Formats a semcache service's statistics for a terminal: the figures of its dashboard page, as plain text lines.
 *
 * <p>Hit rates have one decimal ({@code 66.7%}), dollars two decimals from one dollar up and four below, latencies
 * adapt their unit, as on the page.
 */
final class StatsReport {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StatsReport() {}

    /**
     * Renders one report.
     *
     * @param stats the body of {@code GET /stats}
     * @param history the body of {@code GET /stats/history}, or {@code null} when the service has none
     * @param health the body of {@code GET /health}, or {@code null} when unknown
     * @param base the service's URL, for the title
     * @return the report, lines ending in a newline
     */
    static String render(JsonNode stats, @Nullable JsonNode history, @Nullable JsonNode health, URI base) {
        JsonNode t = stats.path("total");
        StringBuilder out = new StringBuilder();
        String now = history == null ? "" : "  " + time(history.path("now").asText(""));
        out.append("semcache ")
                .append(base)
                .append(now)
                .append("  ")
                .append(health(health))
                .append('\n');

        JsonNode window = history == null ? null : history.path("window");
        String span = history == null ? "" : span(history);
        line(out, "hit rate", pct(t.path("hitRate").asDouble()), window == null ? "" : span + " " + windowRate(window));
        line(
                out,
                "requests",
                integer(t.path("requests").asLong()),
                String.format(
                        Locale.ROOT,
                        "exact hits %s · semantic hits %s · misses %s · bypasses %s",
                        integer(t.path("exactHits").asLong()),
                        integer(t.path("semanticHits").asLong()),
                        integer(t.path("misses").asLong()),
                        integer(t.path("bypasses").asLong())));
        String unpriced = t.path("usdComplete").asBoolean(true)
                ? ""
                : " · + " + compact(t.path("tokensWithUnknownPrice").asLong()) + " tokens without a price";
        line(
                out,
                "saved",
                usd(t.path("usdSaved").asDouble()),
                compact(t.path("tokensSaved").asLong()) + " tokens" + unpriced
                        + (window == null
                                ? ""
                                : " · " + span + " "
                                        + usd(window.path("usdSaved").asDouble())));
        JsonNode hit = t.path("hitLatency");
        JsonNode miss = t.path("missLatency");
        line(
                out,
                "hit latency",
                ms(hit.path("p50Ms").asDouble()),
                "p50 · p99 " + ms(hit.path("p99Ms").asDouble()));
        line(
                out,
                "miss latency",
                ms(miss.path("p50Ms").asDouble()),
                "p50 · p99 " + ms(miss.path("p99Ms").asDouble())
                        + speedup(
                                hit.path("p50Ms").asDouble(), miss.path("p50Ms").asDouble()));
        line(
                out,
                "quality",
                integer(t.path("verifierRejections").asLong()),
                "verifier rejections · "
                        + integer(t.path("cacheErrors").asLong()) + " cache errors · "
                        + integer(t.path("upstreamErrors").asLong()) + " upstream errors");
        if (history != null) {
            lastMinute(out, history);
        }
        models(out, stats.path("models"));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value, String detail) {
        out.append(String.format(Locale.ROOT, "  %-12s %10s   %s", label, value, detail)
                        .stripTrailing())
                .append('\n');
    }

    private static void lastMinute(StringBuilder out, JsonNode history) {
        JsonNode slots = history.path("slots");
        long slotSeconds = Math.max(1, history.path("slotSeconds").asLong(10));
        int wanted = (int) Math.max(1, 60 / slotSeconds);
        long exact = 0;
        long semantic = 0;
        long misses = 0;
        long bypasses = 0;
        for (int i = Math.max(0, slots.size() - wanted); i < slots.size(); i++) {
            JsonNode s = slots.get(i);
            exact += s.path("exactHits").asLong();
            semantic += s.path("semanticHits").asLong();
            misses += s.path("misses").asLong();
            bypasses += s.path("bypasses").asLong();
        }
        line(
                out,
                "last minute",
                integer(exact + semantic + misses + bypasses),
                String.format(
                        Locale.ROOT,
                        "requests: %s hits · %s misses · %s bypasses",
                        integer(exact + semantic),
                        integer(misses),
                        integer(bypasses)));
    }

    private static void models(StringBuilder out, JsonNode models) {
        if (!models.isObject() || models.isEmpty()) {
            return;
        }
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        models.properties().forEach(rows::add);
        rows.sort(Comparator.comparingDouble((Map.Entry<String, JsonNode> e) ->
                        -e.getValue().path("usdSaved").asDouble())
                .thenComparing(Map.Entry::getKey));
        int width = Math.max(
                5, rows.stream().mapToInt(e -> e.getKey().length()).max().orElse(5));
        out.append('\n');
        out.append(String.format(
                Locale.ROOT,
                "  %-" + width + "s %10s %9s %13s %11s%n",
                "model",
                "requests",
                "hit rate",
                "tokens saved",
                "USD saved"));
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode m = row.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s %10s %9s %13s %11s%n",
                    row.getKey(),
                    integer(m.path("requests").asLong()),
                    pct(m.path("hitRate").asDouble()),
                    compact(m.path("tokensSaved").asLong()),
                    m.path("usdComplete").asBoolean(true)
                            ? usd(m.path("usdSaved").asDouble())
                            : "no price"));
        }
    }

    private static String health(@Nullable JsonNode health) {
        if (health == null) {
            return "health unknown";
        }
        JsonNode details = health.path("details");
        JsonNode store = details.path("store");
        JsonNode model = details.path("model");
        if (store.isMissingNode() && model.isMissingNode()) {
            return "health " + health.path("status").asText("UNKNOWN");
        }
        String modelName = model.path("details").path("model").asText("model");
        return "store " + store.path("status").asText("UNKNOWN") + " · " + modelName + " "
                + model.path("status").asText("UNKNOWN");
    }

    private static String windowRate(JsonNode window) {
        long counted = window.path("exactHits").asLong()
                + window.path("semanticHits").asLong()
                + window.path("misses").asLong();
        return counted == 0 ? "–" : pct(window.path("hitRate").asDouble());
    }

    private static String span(JsonNode history) {
        long seconds =
                history.path("slotSeconds").asLong() * history.path("slots").size();
        if (seconds == 3600) {
            return "last hour";
        }
        if (seconds % 3600 == 0) {
            return "last " + seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? "last " + seconds / 60 + " min" : "last " + seconds + " s";
    }

    private static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String speedup(double hitMs, double missMs) {
        if (!(hitMs > 0 && missMs > 0)) {
            return "";
        }
        double ratio = missMs / hitMs;
        return ratio >= 1
                ? String.format(
                        Locale.ROOT,
                        " · hits answer %s× faster",
                        ratio >= 10
                                ? String.format(Locale.ROOT, "%.0f", ratio)
                                : String.format(Locale.ROOT, "%.1f", ratio))
                : " · hits slower than misses";
    }

    static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String integer(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String usd(double v) {
        if (v == 0) {
            return "$0.00";
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", v);
        }
        if (v < 0.0001) {
            return "< $0.0001";
        }
        return String.format(Locale.ROOT, "$%.4f", v);
    }

    static String compact(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return integer(n);
    }

    static String ms(double v) {
        if (!(v > 0)) {
            return "–";
        }
        if (v < 1) {
            return String.format(Locale.ROOT, "%.2f ms", v);
        }
        if (v < 10) {
            return String.format(Locale.ROOT, "%.1f ms", v);
        }
        if (v < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", v);
        }
        return String.format(Locale.ROOT, "%.2f s", v / 1000);
    }
}
