package dev.semcache.service;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.semcache.testing.FakeOpenAiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The service under test: a {@link FakeOpenAiServer} as its upstream and an embedded Micronaut server on a free port,
 * with clients to call it (the official OpenAI SDK, and a plain JDK HTTP client for what the SDK cannot send).
 *
 * <p>Retries are configured short (20 ms initial backoff) so that retry tests stay fast; a test that needs other
 * settings passes them to {@link #start(Map)}.
 */
public final class ServiceFixture implements AutoCloseable {
    /** The model most tests ask for. */
    public static final String MODEL = "gpt-4o-mini";

    public final FakeOpenAiServer upstream;
    public final EmbeddedServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceFixture(FakeOpenAiServer upstream, EmbeddedServer server) {
        this.upstream = upstream;
        this.server = server;
    }

    /**
     * Starts the service with an in-memory store, whatever {@code REDIS_URL} says.
     *
     * @param properties settings on top of the test defaults
     * @return the running service
     */
    public static ServiceFixture inMemory(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("semcache.cache.redis-url", "");
        return start(all);
    }

    /**
     * Starts the service.
     *
     * @param properties settings on top of the test defaults, such as {@code semcache.cache.redis-url}
     * @return the running service
     */
    public static ServiceFixture start(Map<String, Object> properties) {
        FakeOpenAiServer upstream = FakeOpenAiServer.start();
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.port", -1);
        all.put("semcache.upstream.url", upstream.baseUrl());
        all.put("semcache.upstream.read-timeout", "10s");
        all.put("semcache.upstream.retry.initial-backoff", "20ms");
        all.put("semcache.upstream.retry.max-backoff", "3s");
        all.put("semcache.upstream.retry.max-total-wait", "5s");
        all.putAll(properties);
        try {
            return new ServiceFixture(upstream, ApplicationContext.run(EmbeddedServer.class, all));
        } catch (RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    /** Returns a credential no other test run uses, so that its namespace is fresh even in a shared Redis. */
    public static String freshKey() {
        return "sk-test-" + UUID.randomUUID();
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Returns an OpenAI SDK client pointed at the service, without the SDK's own retries. */
    public OpenAIClient sdk(String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl() + "/v1")
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    public HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.DELETE().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A chat completions body with one user message. */
    public static String chat(String model, String userText, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + userText.replace("\"", "\\\"") + "\"}]}";
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        upstream.close();
    }
}
