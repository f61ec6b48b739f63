package dev.semcache.bench.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Drives one endpoint with concurrent workers for a bounded time and count, recording each response's latency.
 *
 * <p>Each of {@code concurrency} platform threads sends one request at a time (closed loop) with a shared {@link
 * HttpClient} until the deadline passes or {@code maxRequests} have been started. A streamed response is read to its
 * end; its time to first byte is recorded too.
 *
 * @since 0.1.0
 */
public final class LoadDriver {

    /** The header carrying the service's cache outcome. */
    public static final String X_CACHE = "X-Cache";

    /** The outcome recorded for responses of the upstream driven directly. */
    public static final String DIRECT = "DIRECT";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String bearer;

    /**
     * Creates a driver.
     *
     * @param client the HTTP client, shared by the workers
     * @param bearer the bearer token sent in {@code Authorization}
     */
    public LoadDriver(HttpClient client, String bearer) {
        this.client = requireNonNull(client, "client");
        this.bearer = requireNonNull(bearer, "bearer");
    }

    /**
     * Runs one phase.
     *
     * @param name the phase's name
     * @param uri the chat completions URI
     * @param direct {@code true} when driving the upstream itself (outcome {@value #DIRECT})
     * @param stream whether the requests ask for streams
     * @param concurrency the number of workers, positive
     * @param duration how long to send
     * @param maxRequests the most requests to start
     * @param mix the bodies
     * @param seed the workers' seed
     * @param progress told the number of requests finished, about five times a second, from the calling thread
     * @return the measurements
     */
    public PhaseResult run(
            String name,
            URI uri,
            boolean direct,
            boolean stream,
            int concurrency,
            Duration duration,
            long maxRequests,
            RequestMix mix,
            long seed,
            LongConsumer progress) {
        AtomicLong started = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<PhaseResult> parts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            PhaseResult part = new PhaseResult(name);
            parts.add(part);
            Random random = new Random(seed * 1_000_003 + w);
            Thread worker = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            long sequence = started.getAndIncrement();
                            if (sequence >= maxRequests) {
                                break;
                            }
                            send(uri, mix.next(random, sequence, stream), direct, stream, part);
                            finished.incrementAndGet();
                        }
                    },
                    "load-" + name + "-" + w);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    worker.join(200);
                    progress.accept(finished.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name + " workers", e);
        }
        PhaseResult result = new PhaseResult(name);
        parts.forEach(result::merge);
        result.wallNanos(System.nanoTime() - start);
        return result;
    }

    /**
     * Sends one request and returns its cache outcome, for priming and checks.
     *
     * @param uri the chat completions URI
     * @param body the JSON body
     * @return the {@code X-Cache} header, or {@code HTTP <status>} when not 200
     * @throws IOException if the request fails
     * @throws InterruptedException if interrupted
     */
    public String sendOnce(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + response.body();
        }
        return response.headers().firstValue(X_CACHE).orElse("NONE");
    }

    private void send(URI uri, String body, boolean direct, boolean stream, PhaseResult result) {
        long begin = System.nanoTime();
        try {
            if (stream) {
                HttpResponse<InputStream> response =
                        client.send(request(uri, body), HttpResponse.BodyHandlers.ofInputStream());
                long firstByte;
                byte[] rest;
                try (InputStream in = response.body()) {
                    int first = in.read();
                    firstByte = System.nanoTime() - begin;
                    rest = first < 0 ? new byte[0] : in.readAllBytes();
                }
                long total = System.nanoTime() - begin;
                if (response.statusCode() != 200) {
                    result.error("HTTP " + response.statusCode());
                } else if (!new String(rest, StandardCharsets.UTF_8).contains("[DONE]")) {
                    result.error("stream without [DONE]");
                } else {
                    result.record(outcome(response, direct), total, firstByte);
                }
            } else {
                HttpResponse<byte[]> response =
                        client.send(request(uri, body), HttpResponse.BodyHandlers.ofByteArray());
                long total = System.nanoTime() - begin;
                if (response.statusCode() != 200) {
                    result.error("HTTP " + response.statusCode());
                } else {
                    result.record(outcome(response, direct), total, -1);
                }
            }
        } catch (IOException e) {
            result.error(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.error("interrupted");
        }
    }

    private static String outcome(HttpResponse<?> response, boolean direct) {
        return direct ? DIRECT : response.headers().firstValue(X_CACHE).orElse("NONE");
    }

    private HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }
}
