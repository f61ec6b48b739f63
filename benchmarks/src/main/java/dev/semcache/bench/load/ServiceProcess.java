package dev.semcache.bench.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The service jar started as a child process on loopback, pointed at the fake upstream, stopped on {@link #close()}.
 *
 * @since 0.1.0
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ServiceProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * Starts {@code java -jar JAR} with {@code UPSTREAM_URL}, {@code MICRONAUT_SERVER_PORT} and, when given,
     * {@code REDIS_URL} (else the service's in-memory store), and waits until {@code GET /health} answers 200.
     *
     * @param jar the service jar
     * @param port the port to listen on
     * @param upstreamUrl the upstream's base URL, ending in {@code /v1}
     * @param redisUrl the Redis URL, or {@code null} for memory
     * @param log where the service's output goes
     * @param timeout how long to wait for health
     * @return the running service
     * @throws IllegalStateException if it exits or is not healthy in time (its log's path is in the message)
     */
    public static ServiceProcess start(
            Path jar, int port, String upstreamUrl, @Nullable String redisUrl, Path log, Duration timeout) {
        requireNonNull(jar, "jar");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("UPSTREAM_URL", upstreamUrl);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.remove("UPSTREAM_API_KEY");
        if (redisUrl != null) {
            env.put("REDIS_URL", redisUrl);
        } else {
            env.remove("REDIS_URL");
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar + ": " + e.getMessage(), e);
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        ServiceProcess service = new ServiceProcess(process, base, log);
        try {
            service.awaitHealthy(timeout);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * Returns the service's base URI.
     *
     * @return such as {@code http://127.0.0.1:8080}
     */
    public URI baseUri() {
        return baseUri;
    }

    /** Stops the service: SIGTERM, then after ten seconds a kill. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = baseUri.resolve("/health");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with status " + process.exitValue() + " before it was healthy; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the service", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the service", e);
            }
        }
        throw new IllegalStateException(
                "the service was not healthy at " + health + " within " + timeout + "; see " + log);
    }
}
