package dev.semcache.bench;

import dev.semcache.bench.load.LoadDriver;
import dev.semcache.bench.load.LoadReport;
import dev.semcache.bench.load.PhaseResult;
import dev.semcache.bench.load.RequestMix;
import dev.semcache.bench.load.ServiceProcess;
import dev.semcache.bench.report.Json;
import dev.semcache.bench.report.Progress;
import dev.semcache.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench load}: drives the caching service over HTTP with a mix of hits and misses, and in the same run
 * drives the fake upstream directly with the same mix, to report throughput, latency and the service's overhead per
 * request, for hits and misses, with and without streaming.
 *
 * <p>The command starts the fake upstream ({@link FakeOpenAiServer} from cache-core's test-jar) on loopback, on a free
 * port or {@code --upstream-port}. Either it starts the service jar itself ({@code --start-service JAR}, with
 * {@code UPSTREAM_URL} pointing at the fake), or it drives a service already running at {@code --url} that was started
 * with {@code UPSTREAM_URL=http://127.0.0.1:<upstream-port>/v1}. Only loopback addresses are accepted. It primes the
 * cache with the hit questions, then runs each phase for {@code --duration} (at most {@code --max-requests} requests
 * each): upstream direct, service, and with {@code --stream} the same two streaming. Everything stops by itself.
 *
 * <pre>{@code
 * java -jar benchmarks/target/semcache-bench.jar load --start-service micronaut-service/target/semcache-service.jar \
 *     --concurrency 8 --duration 20s --hit-ratio 0.5 --stream
 * UPSTREAM_URL=http://127.0.0.1:18080/v1 java -jar micronaut-service/target/semcache-service.jar &
 * java -jar benchmarks/target/semcache-bench.jar load --url http://127.0.0.1:8080 --upstream-port 18080 \
 *     --concurrency 4 --duration 10s
 * }</pre>
 *
 * @since 0.1.0
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        description = {
            "Drives the service (loopback only) with hits and misses and, in the same run, the fake upstream directly;"
                    + " reports throughput, latency percentiles and the service's overhead per request."
        })
public final class LoadCommand implements Callable<Integer> {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The running service, e.g. http://127.0.0.1:8080.")
    private @Nullable String url;

    @Option(
            names = "--start-service",
            paramLabel = "JAR",
            description = "Start this service jar on loopback with UPSTREAM_URL pointing at the fake upstream.")
    private @Nullable Path serviceJar;

    @Option(
            names = "--upstream-port",
            paramLabel = "PORT",
            description = "Port of the fake upstream the command starts. Default: a free port.")
    private @Nullable Integer upstreamPort;

    @Option(
            names = "--redis",
            paramLabel = "URL",
            description = "With --start-service, the service's REDIS_URL. Default: its in-memory store.")
    private @Nullable String redis;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Workers. Default: 4.")
    private int concurrency;

    @Option(
            names = "--duration",
            paramLabel = "D",
            defaultValue = "10s",
            description = "Length of each phase: 500ms, 10s, 2m or ISO-8601 (PT10S); at most 10m. Default: 10s.")
    private String duration = "10s";

    @Option(
            names = "--max-requests",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Most requests per phase. Default: ${DEFAULT-VALUE}.")
    private long maxRequests;

    @Option(
            names = "--hit-ratio",
            paramLabel = "R",
            defaultValue = "0.5",
            description = "Share of requests repeating a primed question. Default: ${DEFAULT-VALUE}.")
    private double hitRatio;

    @Option(
            names = "--warmup",
            paramLabel = "D",
            defaultValue = "5s",
            description = "Unmeasured load on both endpoints before the phases, so the JIT has compiled the hot paths."
                    + " Default: ${DEFAULT-VALUE}.")
    private String warmup = "5s";

    @Option(names = "--stream", description = "Also run both phases with streamed responses.")
    private boolean stream;

    @Option(
            names = "--upstream-delay",
            paramLabel = "D",
            defaultValue = "0ms",
            description = "Delay of every fake upstream answer. Default: 0ms (isolates the service's own cost).")
    private String upstreamDelay = "0ms";

    @Option(
            names = "--llm-model",
            paramLabel = "MODEL",
            defaultValue = "gpt-4o-mini",
            description = "The model requests name. Default: ${DEFAULT-VALUE}.")
    private String llmModel = "gpt-4o-mini";

    @Option(names = "--out", paramLabel = "DIR", description = "Also write load.json and load.md here.")
    private @Nullable Path out;

    @Option(names = "--json", description = "End stdout with the JSON report on one line.")
    private boolean json;

    @Option(names = "--progress", description = "Draw a progress bar on stderr even when it is not a terminal.")
    private boolean progress;

    /**
     * Runs the load.
     *
     * @return 0
     */
    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Duration phase = parseDuration("--duration", duration);
        Duration delay = parseDuration("--upstream-delay", upstreamDelay);
        Duration warm = parseDuration("--warmup", warmup);
        if (warm.compareTo(MAX_DURATION) > 0) {
            throw new CommandLine.ParameterException(cl, "--warmup must be at most 10m, was " + warmup);
        }
        if (phase.isZero() || phase.compareTo(MAX_DURATION) > 0) {
            throw new CommandLine.ParameterException(
                    cl, "--duration must be more than 0 and at most 10m, was " + duration);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandLine.ParameterException(cl, "--concurrency must be in [1, 256], was " + concurrency);
        }
        if (maxRequests < 1) {
            throw new CommandLine.ParameterException(cl, "--max-requests must be positive, was " + maxRequests);
        }
        if (!(hitRatio >= 0 && hitRatio <= 1)) {
            throw new CommandLine.ParameterException(cl, "--hit-ratio must be in [0, 1], was " + hitRatio);
        }
        if (url == null && serviceJar == null) {
            throw new CommandLine.ParameterException(cl, "give --url of a running service or --start-service JAR");
        }
        if (url != null && serviceJar == null && upstreamPort == null) {
            throw new CommandLine.ParameterException(
                    cl,
                    "--url without --start-service needs --upstream-port P, with the service started with"
                            + " UPSTREAM_URL=http://127.0.0.1:P/v1");
        }
        if (serviceJar != null && !Files.isRegularFile(serviceJar)) {
            throw new CommandLine.ParameterException(cl, "--start-service: no such file: " + serviceJar);
        }
        URI serviceBase = url != null ? loopback(url) : null;
        // The JDK HTTP server behind the fake upstream leaves Nagle's algorithm on: with delayed ACKs every keep-alive
        // response then waits about 40 ms. Read once, before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");

        try (FakeOpenAiServer upstream = FakeOpenAiServer.start(upstreamPort != null ? upstreamPort : 0)) {
            Function<FakeOpenAiServer.RecordedRequest, FakeOpenAiServer.Reply> responder = request -> {
                FakeOpenAiServer.Reply reply = FakeOpenAiServer.Reply.text("Answer to: " + request.lastUserText());
                return delay.isZero() ? reply : reply.delayed(delay);
            };
            upstream.answerWith(responder);
            // The fake records every request in a copy-on-write list: forget them often so it stays fast under load.
            ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fake-upstream-reset");
                t.setDaemon(true);
                return t;
            });
            janitor.scheduleAtFixedRate(
                    () -> {
                        upstream.reset();
                        upstream.answerWith(responder);
                    },
                    250,
                    250,
                    TimeUnit.MILLISECONDS);
            ServiceProcess started = null;
            try {
                if (serviceJar != null) {
                    int port = serviceBase != null ? serviceBase.getPort() : freePort();
                    Path log = Files.createTempFile("semcache-service-", ".log");
                    started = ServiceProcess.start(
                            serviceJar, port, upstream.baseUrl(), redis, log, Duration.ofMinutes(3));
                    serviceBase = started.baseUri();
                }
                return run(serviceBase, upstream, phase, warm, delay);
            } finally {
                if (started != null) {
                    started.close();
                }
                janitor.shutdownNow();
            }
        }
    }

    private int run(URI serviceBase, FakeOpenAiServer upstream, Duration phase, Duration warm, Duration delay)
            throws IOException, InterruptedException {
        ExecutorService httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "load-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpThreads)
                .build();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        RequestMix mix = new RequestMix(llmModel, hitRatio, runId);
        LoadDriver driver = new LoadDriver(client, "semcache-load-" + runId);
        URI serviceChat = serviceBase.resolve(FakeOpenAiServer.CHAT_COMPLETIONS);
        URI upstreamChat = upstream.chatCompletionsUri();

        // Prime: every hit question once, then check that a repeat is a hit.
        for (String prompt : RequestMix.HIT_PROMPTS) {
            String outcome = driver.sendOnce(serviceChat, mix.body(prompt, false));
            if (outcome.startsWith("HTTP")) {
                throw new IllegalStateException("priming " + serviceChat + " failed: " + outcome);
            }
        }
        String check = driver.sendOnce(serviceChat, mix.body(RequestMix.HIT_PROMPTS.get(0), false));
        if (!check.equals(LoadReport.HIT)) {
            spec.commandLine().getErr().println("warning: a primed question came back as " + check + ", not HIT");
        }

        if (!warm.isZero()) {
            phase("warmup-upstream", driver, upstreamChat, true, stream, warm, mix, 101);
            phase("warmup-service", driver, serviceChat, false, false, warm, mix, 102);
            if (stream) {
                phase("warmup-service-stream", driver, serviceChat, false, true, warm, mix, 103);
            }
        }
        PhaseResult direct = phase("upstream-direct", driver, upstreamChat, true, false, phase, mix, 1);
        PhaseResult service = phase("service", driver, serviceChat, false, false, phase, mix, 2);
        PhaseResult directStream = null;
        PhaseResult serviceStream = null;
        if (stream) {
            directStream = phase("upstream-direct-stream", driver, upstreamChat, true, true, phase, mix, 3);
            serviceStream = phase("service-stream", driver, serviceChat, false, true, phase, mix, 4);
        }
        httpThreads.shutdownNow();

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(
                "service", serviceBase.toString() + (serviceJar != null ? " (started from " + serviceJar + ")" : ""));
        settings.put("serviceStore", serviceJar != null ? (redis != null ? "redis" : "in-memory") : "as configured");
        settings.put("upstream", upstream.baseUrl() + " (FakeOpenAiServer, delay " + delay.toMillis() + " ms)");
        settings.put("concurrency", concurrency);
        settings.put("phaseDuration", phase.toString());
        settings.put("warmup", warm.toString() + " per endpoint, unmeasured");
        settings.put("maxRequestsPerPhase", maxRequests);
        settings.put("hitRatio", hitRatio);
        settings.put("hits", "exact repeats of " + RequestMix.HIT_PROMPTS.size() + " primed questions");
        settings.put("misses", "new random-word prompts (full semantic lookup, upstream call, store)");
        settings.put("stream", stream);
        settings.put("cores", Runtime.getRuntime().availableProcessors());
        LoadReport report = new LoadReport(settings, direct, service, directStream, serviceStream);

        PrintWriter stdout = spec.commandLine().getOut();
        String markdown = report.toMarkdown();
        stdout.print(markdown);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("load.md"), markdown, StandardCharsets.UTF_8);
            Files.writeString(
                    out.resolve("load.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()) + "\n",
                    StandardCharsets.UTF_8);
            stdout.println("\nwritten: " + out.resolve("load.json") + ", " + out.resolve("load.md"));
        }
        if (json) {
            stdout.println(Json.line(report.toJson()));
        }
        stdout.flush();
        return 0;
    }

    private PhaseResult phase(
            String name,
            LoadDriver driver,
            URI uri,
            boolean direct,
            boolean streamed,
            Duration phase,
            RequestMix mix,
            long seed) {
        try (Progress bar = Progress.start(name, 0, System.err, progress)) {
            return driver.run(name, uri, direct, streamed, concurrency, phase, maxRequests, mix, seed, bar);
        }
    }

    private URI loopback(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url: not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--url must look like http://127.0.0.1:8080, was " + text);
        }
        if (!LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--url must be a loopback address (127.0.0.1, localhost, [::1]), was " + text);
        }
        return uri;
    }

    private Duration parseDuration(String option, String text) {
        Matcher m = SIMPLE_DURATION.matcher(text.trim());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            Duration parsed = Duration.parse(text.trim());
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + ": expected a duration such as 500ms, 10s, 2m or PT10S, was '" + text + "'");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
