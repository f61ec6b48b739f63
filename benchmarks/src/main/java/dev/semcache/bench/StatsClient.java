package dev.semcache.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semcache.SemcacheException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reads a semcache service's statistics over HTTP: {@code /stats}, {@code /stats/history} and {@code /health}.
 *
 * <p>Failures become a {@link SemcacheException} whose message says what to check: {@link Unreachable} when the
 * service does not answer, a plain one when it answers with an error or refuses the token.
 */
final class StatsClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final @Nullable String token;
    private final Duration timeout;
    private final HttpClient http;

    StatsClient(URI url, @Nullable String token, Duration timeout) {
        String text = url.toString();
        if (url.getScheme() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new SemcacheException(
                    "--url must be an http or https URL, such as http://localhost:8080; was " + url);
        }
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Returns the service's base URL, without a trailing slash. */
    URI base() {
        return base;
    }

    /** Returns {@code GET /stats}. */
    JsonNode stats() {
        HttpResponse<String> response = get("/stats");
        if (response.statusCode() == 401) {
            throw new SemcacheException("the service at " + base + " needs its admin token: pass --token TOKEN or set "
                    + "SEMCACHE_ADMIN_TOKEN");
        }
        if (response.statusCode() == 403) {
            throw new SemcacheException("the service at " + base + " refused the admin token; check --token");
        }
        if (response.statusCode() != 200) {
            throw new SemcacheException("GET " + base + "/stats answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return parse(response, "/stats");
    }

    /** Returns {@code GET /stats/history}, or {@code null} when the service has none (an older version). */
    @Nullable
    JsonNode history() {
        HttpResponse<String> response = get("/stats/history");
        return response.statusCode() == 200 ? parse(response, "/stats/history") : null;
    }

    /** Returns {@code GET /health}, also when it reports DOWN (503), or {@code null} when it is not JSON. */
    @Nullable
    JsonNode health() {
        HttpResponse<String> response = get("/health");
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private HttpResponse<String> get(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unreachable("the service at " + base + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new Unreachable(
                    "cannot reach the service at " + base + " (connection refused"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "); is it running, and is --url right?",
                    e);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof UnknownHostException ? e.getCause() : e;
            throw new Unreachable("cannot reach the service at " + base + " (" + cause + "); is --url right?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while reading " + base + path, e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response, String path) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SemcacheException("GET " + path + " did not answer JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    /** The service did not answer: not running, wrong address, or too slow. */
    static final class Unreachable extends SemcacheException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
