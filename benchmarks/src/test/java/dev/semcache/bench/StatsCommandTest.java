package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class StatsCommandTest {
    private static final String TOKEN = "admin-secret";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private @Nullable HttpServer service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void stats_once_printsTheFiguresOfStatsAndHistory() {
        String url = startService(null);

        int exitCode = run("stats", "--url", url);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("semcache " + url + "  2026-11-22 07:10:05Z  store UP · all-minilm-l6-v2 UP")
                .containsPattern("hit rate +66\\.7% +last 2 min 75\\.0%")
                .containsPattern("requests +10 +exact hits 4 · semantic hits 2 · misses 3 · bypasses 1")
                .containsPattern("saved +\\$1\\.50 +150\\.0k tokens · last 2 min \\$0\\.2500")
                .containsPattern("hit latency +4\\.2 ms +p50 · p99 8\\.5 ms")
                .containsPattern("miss latency +840 ms +p50 · p99 1\\.50 s · hits answer 200× faster")
                .containsPattern("quality +1 +verifier rejections · 0 cache errors · 2 upstream errors")
                .containsPattern("last minute +3 +requests: 2 hits · 0 misses · 1 bypasses")
                .containsPattern("gpt-4o +4 +75\\.0% +125\\.0k +\\$1\\.40")
                .containsPattern("gpt-4o-mini +6 +60\\.0% +25\\.0k +\\$0\\.1000");
        assertThat(out.toString().indexOf("gpt-4o ")).isLessThan(out.toString().indexOf("gpt-4o-mini"));
    }

    @Test
    void stats_withToken_sendsItAsBearer() {
        String url = startService(TOKEN);

        int exitCode = run("stats", "--url", url, "--token", TOKEN);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(authorizations).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
    }

    @Test
    void stats_serviceWantsAToken_exitsOneNamingTheOption() {
        String url = startService(TOKEN);

        int exitCode = run("stats", "--url", url);

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString())
                .contains("semcache-bench stats: the service at " + url + " needs its admin token")
                .contains("--token");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void stats_wrongToken_exitsOneSayingItWasRefused() {
        String url = startService(TOKEN);

        int exitCode = run("stats", "--url", url, "--token", "wrong");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString()).contains("refused the admin token");
    }

    @Test
    void stats_serviceUnreachable_exitsOneWithAClearMessage() {
        String url = "http://127.0.0.1:" + closedPort();

        int exitCode = run("stats", "--url", url, "--watch");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_FAILURE);
        assertThat(err.toString())
                .startsWith("semcache-bench stats: cannot reach the service at " + url)
                .contains("is it running, and is --url right?");
    }

    @Test
    void stats_watchWithCount_printsEveryUpdateThenStops() {
        String url = startService(null);

        int exitCode = run("stats", "--url", url, "--watch", "--interval", "100ms", "--count", "3");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString().split("semcache http", -1)).hasSize(4);
    }

    @Test
    void stats_intervalBelowTheMinimum_isAUsageError() {
        int exitCode = run("stats", "--url", "http://127.0.0.1:1", "--watch", "--interval", "10ms");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--interval must be at least 100ms");
    }

    @Test
    void durationConverter_unitsAndIso_areRead() {
        StatsCommand.DurationConverter converter = new StatsCommand.DurationConverter();

        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void stats_unparsableInterval_isAUsageError() {
        int exitCode = run("stats", "--url", "http://127.0.0.1:1", "--interval", "soon");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    private int run(String... args) {
        CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Serves canned /stats, /stats/history and /health bodies, guarded by a token when one is given. */
    private String startService(@Nullable String token) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/stats", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                if (token != null && authorization == null) {
                    respond(exchange, 401, "{\"error\":{\"message\":\"Missing admin token\"}}");
                } else if (token != null && !authorization.equals("Bearer " + token)) {
                    respond(exchange, 403, "{\"error\":{\"message\":\"Incorrect admin token\"}}");
                } else if (exchange.getRequestURI().getPath().equals("/stats/history")) {
                    respond(exchange, 200, resource("history.json"));
                } else {
                    respond(exchange, 200, resource("stats.json"));
                }
            });
            server.createContext(
                    "/health",
                    exchange -> respond(
                            exchange,
                            200,
                            "{\"status\":\"UP\",\"details\":{"
                                    + "\"store\":{\"name\":\"store\",\"status\":\"UP\",\"details\":{\"store\":\"redis\"}},"
                                    + "\"model\":{\"name\":\"model\",\"status\":\"UP\",\"details\":{\"model\":\"all-minilm-l6-v2\"}}}}"));
            server.start();
            service = server;
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String resource(String name) {
        try (InputStream in = StatsCommandTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
