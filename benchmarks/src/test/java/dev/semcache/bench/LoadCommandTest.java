package dev.semcache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class LoadCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void load_remoteUrl_isRefused() {
        int exitCode = run("load", "--url", "http://example.com:8080", "--upstream-port", "18080");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--url must be a loopback address");
    }

    @Test
    void load_neitherUrlNorService_isAUsageError() {
        int exitCode = run("load");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("give --url of a running service or --start-service JAR");
    }

    @Test
    void load_urlWithoutUpstreamPort_explainsHowToPointTheService() {
        int exitCode = run("load", "--url", "http://127.0.0.1:8080");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("UPSTREAM_URL=http://127.0.0.1:P/v1");
    }

    @Test
    void load_badDuration_isAUsageError() {
        int exitCode = run("load", "--url", "http://127.0.0.1:8080", "--upstream-port", "1", "--duration", "ten");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--duration: expected a duration such as 500ms, 10s, 2m or PT10S");
    }

    @Test
    void load_durationAboveTenMinutes_isAUsageError() {
        int exitCode = run("load", "--url", "http://127.0.0.1:8080", "--upstream-port", "1", "--duration", "11m");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("at most 10m");
    }

    @Test
    void load_concurrencyOutOfRange_isAUsageError() {
        int exitCode = run("load", "--url", "http://127.0.0.1:8080", "--upstream-port", "1", "--concurrency", "0");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--concurrency must be in [1, 256], was 0");
    }

    @Test
    void load_missingServiceJar_isAUsageError() {
        int exitCode = run("load", "--start-service", "/nonexistent/semcache-service.jar");

        assertThat(exitCode).isEqualTo(SemcacheBench.EXIT_USAGE);
        assertThat(err.toString()).contains("--start-service: no such file");
    }

    private int run(String... args) {
        picocli.CommandLine commandLine = SemcacheBench.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
