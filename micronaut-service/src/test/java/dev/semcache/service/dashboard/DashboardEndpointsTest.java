package dev.semcache.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's endpoints with the default configuration and no admin token: everything is open, the history keeps
 * an hour of 10-second slots, and the page's scripts and styles are served by the service itself.
 */
final class DashboardEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.host", "127.0.0.1",
                        "micronaut.server.port", -1,
                        "semcache.admin.token", "",
                        "semcache.cache.redis-url", ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dashboard_noTokenConfigured_isOpenWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"hit-rate\"", "/dashboard/assets/dashboard.js");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
    }

    @Test
    void history_defaults_listAnHourOfTenSecondSlots() throws Exception {
        HttpResponse<String> response = get("/stats/history");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode history = new ObjectMapper().readTree(response.body());
        assertThat(history.path("slotSeconds").asLong()).isEqualTo(10);
        assertThat(history.path("slots")).hasSize(360);
        assertThat(history.path("window").path("requests").asLong()).isZero();
        assertThat(history.path("slots").get(0).fieldNames())
                .toIterable()
                .contains("start", "exactHits", "semanticHits", "misses", "bypasses", "usdSaved", "hitLatencyMeanMs");
    }

    @Test
    void assets_scriptsAndStyles_areServedWithoutAnyOtherOrigin() throws Exception {
        for (String asset : new String[] {"dashboard.js", "charts.js", "login.js", "dashboard.css"}) {
            HttpResponse<String> response = get("/dashboard/assets/" + asset);

            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            // The SVG namespace is a name, not an address that is fetched.
            assertThat(response.body().replace("http://www.w3.org/2000/svg", ""))
                    .as(asset)
                    .doesNotContain("http://", "https://", "//cdn");
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
