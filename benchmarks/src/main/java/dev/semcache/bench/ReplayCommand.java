package dev.semcache.bench;

import dev.semcache.bench.eval.LabelledPair;
import dev.semcache.bench.eval.PairsReader;
import dev.semcache.bench.replay.ReplayReport;
import dev.semcache.bench.replay.ReplayRunner;
import dev.semcache.bench.replay.ReplayStats;
import dev.semcache.bench.replay.SimulatedUpstream;
import dev.semcache.bench.replay.Workload;
import dev.semcache.bench.replay.WorkloadSpec;
import dev.semcache.bench.report.BenchStore;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Progress;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.embeddings.OnnxTextEmbedder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench replay}: runs a realistic, seeded stream of prompts through the cache in front of a simulated
 * upstream and reports hit rate, right and wrong hits, exact and semantic hits, tokens and USD saved, and latency.
 *
 * <p>The stream (see {@link Workload}) mixes first-time prompts, Zipf-popular exact repeats, and follow-ups from the
 * pairs: paraphrases (label 1) and near-misses (label 0). The upstream (see {@link SimulatedUpstream}) sleeps a
 * log-normal delay around 800 ms times {@code --latency-scale} and answers uniquely per prompt, so a wrong hit is
 * detected. Reports go to {@code --out}: {@code replay.json}, {@code replay.md}, {@code hit-rate.png},
 * {@code latency.png}; the Markdown is also printed, and with {@code --json} the last line of stdout is the JSON.
 *
 * <pre>{@code
 * java -jar benchmarks/target/semcache-bench.jar replay --file qqp_pairs.tsv --limit 2000 --out results/replay
 * java -jar benchmarks/target/semcache-bench.jar replay --file prompt-pairs-dev.tsv --events 500 \
 *     --redis redis://127.0.0.1:6379 --latency-scale 0.05 --out /tmp/replay
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        description = {
            "Replays a seeded stream of first-time prompts, Zipf-popular repeats, and paraphrase/near-miss follow-ups"
                    + " from labelled pairs through the cache in front of a simulated upstream.",
            "Reports hit rate, right/wrong hits, tokens and USD saved, latency (JSON, Markdown, PNG charts)."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--file", required = true, paramLabel = "F.tsv", description = "Labelled pairs (as for pairs).")
    private Path file = Path.of("");

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the reports are written.")
    private Path out = Path.of("");

    @Option(names = "--limit", paramLabel = "N", description = "Read only the first N pairs.")
    private @Nullable Long limit;

    @Option(names = "--events", paramLabel = "N", description = "Prompts in the stream. Default: twice the pairs read.")
    private @Nullable Long events;

    @Option(
            names = "--repeat-share",
            paramLabel = "R",
            defaultValue = "0.3",
            description = "Share of exact repeats. Default: ${DEFAULT-VALUE}.")
    private double repeatShare;

    @Option(
            names = "--follow-up-share",
            paramLabel = "R",
            defaultValue = "0.3",
            description = "Share of follow-ups (text_b after its text_a). Default: ${DEFAULT-VALUE}.")
    private double followUpShare;

    @Option(
            names = "--zipf",
            paramLabel = "S",
            defaultValue = "1.0",
            description = "Zipf exponent of repeat popularity. Default: ${DEFAULT-VALUE}.")
    private double zipf;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(
            names = "--threshold",
            paramLabel = "T",
            defaultValue = "0.92",
            description = "Cosine similarity threshold. Default: ${DEFAULT-VALUE}.")
    private double threshold;

    @Option(
            names = "--verifier",
            paramLabel = "on|off",
            defaultValue = "on",
            description = "Verify candidates (on) or trust the similarity alone (off). Default: ${DEFAULT-VALUE}.")
    private VerifierChoice verifier = VerifierChoice.ON;

    @Option(
            names = "--redis",
            paramLabel = "URL",
            description = "Use Redis (a fresh key prefix, removed afterwards) instead of the in-memory store.")
    private @Nullable String redis;

    @Option(
            names = "--redis-client",
            paramLabel = "jedis|lettuce",
            defaultValue = "jedis",
            description = "With --redis, the client library. Default: ${DEFAULT-VALUE}.")
    private BenchStore.Client redisClient = BenchStore.Client.JEDIS;

    @Option(
            names = "--llm-model",
            paramLabel = "MODEL",
            defaultValue = "gpt-4o-mini",
            description = "The model requests name, priced from the bundled price table. Default: ${DEFAULT-VALUE}.")
    private String llmModel = "gpt-4o-mini";

    @Option(
            names = "--latency-scale",
            paramLabel = "F",
            defaultValue = "0.01",
            description = "Multiplies the simulated upstream latency (median 800 ms); 1 = real time."
                    + " Default: ${DEFAULT-VALUE}.")
    private double latencyScale;

    @Option(names = "--json", description = "End stdout with the JSON report on one line.")
    private boolean json;

    @Option(names = "--progress", description = "Draw a progress bar on stderr even when it is not a terminal.")
    private boolean progress;

    /**
     * Runs the replay.
     *
     * @return 0
     */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cl, "--file: no such file: " + file);
        }
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(cl, "--limit must be positive, was " + limit);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new CommandLine.ParameterException(cl, "--threshold must be in [0, 1], was " + threshold);
        }
        if (!(latencyScale >= 0 && latencyScale <= 10)) {
            throw new CommandLine.ParameterException(cl, "--latency-scale must be in [0, 10], was " + latencyScale);
        }
        PriceTable prices = PriceTable.defaults();
        if (prices.price(llmModel).isEmpty()) {
            throw new CommandLine.ParameterException(
                    cl,
                    "--llm-model: '" + llmModel + "' is not in the price table; known: "
                            + prices.prices().keySet());
        }
        List<LabelledPair> pairs = PairsReader.readAll(file, limit != null ? limit : Long.MAX_VALUE);
        if (pairs.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--file: " + file + " has no rows");
        }
        WorkloadSpec workloadSpec;
        try {
            workloadSpec = new WorkloadSpec(
                    events != null ? events : 2L * pairs.size(), repeatShare, followUpShare, zipf, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }

        PrintWriter stdout = cl.getOut();
        try (OnnxTextEmbedder embedder = modelOptions.open();
                BenchStore store = redis != null
                        ? BenchStore.redis(redis, redisClient, embedder.modelId(), embedder.dimension(), "replay")
                        : BenchStore.inMemory()) {
            SemanticCache cache = SemanticCache.builder()
                    .embedder(embedder)
                    .store(store.store())
                    .similarityThreshold(threshold)
                    .verifier(verifier.verifier())
                    .priceTable(prices)
                    .build();
            SimulatedUpstream upstream = new SimulatedUpstream(latencyScale, seed);
            Workload workload = new Workload(pairs, workloadSpec);
            ReplayStats stats;
            try (Progress bar = Progress.start("replay", workload.size(), System.err, progress)) {
                stats = new ReplayRunner(cache, upstream, llmModel, prices).run(workload, bar);
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("file", file.toString());
            settings.put("pairs", pairs.size());
            settings.put("distinctPrompts", workload.catalog().size());
            settings.put("events", workloadSpec.events());
            settings.put("repeatShare", repeatShare);
            settings.put("followUpShare", followUpShare);
            settings.put("zipf", zipf);
            settings.put("seed", seed);
            settings.put("model", embedder.modelId());
            settings.put("threshold", threshold);
            settings.put("verifier", verifier.description());
            settings.put("store", store.describe());
            settings.put("llmModel", llmModel);
            settings.put("prices", prices.asOf());
            settings.put("latencyScale", latencyScale);
            settings.put(
                    "upstreamLatency",
                    "log-normal, median " + SimulatedUpstream.MEDIAN_MILLIS * latencyScale + " ms, sigma "
                            + SimulatedUpstream.SIGMA);
            ReplayReport report = new ReplayReport(settings, stats, cache.stats());
            List<Path> written = report.write(out);
            stdout.print(report.toMarkdown());
            stdout.println();
            stdout.println("written: " + written);
            if (json) {
                stdout.println(Json.line(report.toJson()));
            }
            stdout.flush();
        }
        return 0;
    }
}
