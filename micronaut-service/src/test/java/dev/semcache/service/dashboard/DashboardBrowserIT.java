package dev.semcache.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semcache.service.ServiceAssertions;
import dev.semcache.service.ServiceFixture;
import dev.semcache.testing.FakeOpenAiServer;
import dev.semcache.testing.RedisStack;
import dev.semcache.testing.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the dashboard in headless Chromium against the real service: a real Redis Stack, the real embedding model and
 * a fake OpenAI upstream. Drives misses, exact and semantic hits, a bypass and a verifier rejection through the proxy,
 * then checks that the page shows what {@code GET /stats} says, that it follows new traffic without a reload, and that
 * the admin token guards the page and its JSON. Saves screenshots to {@code target/dashboard.png} (laptop) and
 * {@code target/dashboard-phone.png}.
 */
@RedisStack
final class DashboardBrowserIT {
    private static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
    // A credential of its own gives this run a namespace of its own in the shared Redis.
    private static final String CLIENT_KEY = ServiceFixture.freshKey();
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path profile;

    private static @Nullable ServiceFixture service;
    private static @Nullable ChromeDriver browser;

    @BeforeAll
    static void start(RedisTestServer redis) {
        browser = Chromium.start(profile);
        service = ServiceFixture.start(Map.of(
                "semcache.cache.redis-url",
                redis.url(),
                "semcache.admin.token",
                ADMIN_TOKEN,
                // One-second slots over a minute: the charts spread this test's traffic over many bars.
                "semcache.dashboard.history-slot",
                "1s",
                "semcache.dashboard.history-retention",
                "1m"));
        // Token counts and latency of a support-desk assistant with a long system prompt, so that the figures look
        // like a real deployment's: a hit saves about two thousand tokens and most of a second.
        service.upstream.answerWith(request -> FakeOpenAiServer.Reply.text("Answer to: " + request.lastUserText())
                .withUsage(1_850, 420)
                .delayed(Duration.ofMillis(request.model().equals("gpt-4o") ? 1_100 : 650)));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void dashboard_afterTraffic_showsTheFiguresOfStatsAndFollowsNewTrafficWithoutReload() throws IOException {
        assertThat(chat("gpt-4o-mini", "How do I reset my password?", null)).isEqualTo("MISS");
        stored("gpt-4o-mini", "How do I reset my password?");
        assertThat(chat("gpt-4o-mini", "How do I reset my password?", null)).isEqualTo("HIT exact");
        assertThat(chat("gpt-4o-mini", "How can I reset my password?", null)).isEqualTo("HIT semantic");
        assertThat(chat("gpt-4o-mini", "Convert 10 EUR to USD", null)).isEqualTo("MISS");
        stored("gpt-4o-mini", "Convert 10 EUR to USD");
        // A direction swap: the default verifier rejects it, a MISS counted as a verifier rejection.
        assertThat(chat("gpt-4o-mini", "Convert 10 USD to EUR", null)).isEqualTo("MISS");
        assertThat(chat("gpt-4o-mini", "What is the capital of France?", "no-cache"))
                .isEqualTo("BYPASS");
        WebDriver page = browser();

        page.get(baseUrl() + "/dashboard?token=" + ADMIN_TOKEN + "&refresh=1");

        awaitPageMatchesStats(page);
        assertThat(page.getCurrentUrl()).doesNotContain("token=");
        JsonNode total = stats().path("total");
        assertThat(total.path("exactHits").asLong()).isPositive();
        assertThat(total.path("semanticHits").asLong()).isPositive();
        assertThat(total.path("usdSaved").asDouble()).isPositive();
        waitOn(page)
                .until(d -> "UP".equals(attribute(d, "health-redis", "data-status"))
                        && "UP".equals(attribute(d, "health-model", "data-status")));

        script(page, "window.semcacheSamePage = 'yes';");
        assertThat(chat("gpt-4o", "What is the capital of France?", null)).isEqualTo("MISS");
        stored("gpt-4o", "What is the capital of France?");
        assertThat(chat("gpt-4o", "What is the capital of France?", null)).isEqualTo("HIT exact");
        assertThat(chat("gpt-4o", "What's the capital of France?", null)).startsWith("HIT");
        assertThat(chat("gpt-4o-mini", "How can I reset my password?", null)).startsWith("HIT");

        awaitPageMatchesStats(page);
        assertThat(script(page, "return window.semcacheSamePage;")).isEqualTo("yes");
        // The page redraws every second: read what it shows in one script rather than element by element.
        assertThat(script(
                        page,
                        "return Array.from(document.querySelectorAll('#models tr[data-model]'))"
                                + ".map(row => row.getAttribute('data-model'));"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("gpt-4o", "gpt-4o-mini");
        assertThat(script(page, "return document.querySelectorAll('#chart-requests rect.bar').length;"))
                .asInstanceOf(InstanceOfAssertFactories.LONG)
                .isPositive();
        screenshots(page);
    }

    @Test
    void statsEndpoints_withoutOrWithWrongToken_areRefused() {
        for (String path : new String[] {"/stats", "/stats/history"}) {
            assertThat(get(path, null).statusCode()).as(path + " without token").isEqualTo(401);
            assertThat(get(path, "wrong").statusCode())
                    .as(path + " with a wrong token")
                    .isEqualTo(403);
            assertThat(get(path, ADMIN_TOKEN).statusCode())
                    .as(path + " with the token")
                    .isEqualTo(200);
        }
    }

    @Test
    void dashboardPage_withoutToken_answersTheLoginFormAndNoFigures() {
        HttpResponse<String> withoutToken = get("/dashboard", null);
        HttpResponse<String> withToken = get("/dashboard?token=" + ADMIN_TOKEN, null);

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withoutToken.body()).contains("id=\"login-form\"").doesNotContain("id=\"hit-rate\"");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("id=\"hit-rate\"");
        assertThat(withToken.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "connect-src 'self'"));
        assertThat(get("/dashboard/assets/dashboard.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void loginForm_wrongThenRightToken_opensTheDashboard() {
        WebDriver page = browser();
        page.get(baseUrl() + "/dashboard/assets/dashboard.css");
        script(page, "sessionStorage.clear();");

        page.get(baseUrl() + "/dashboard?refresh=1");
        submitToken(page, "not-the-token");

        waitOn(page).until(d -> d.findElement(By.id("login-error")).isDisplayed());
        assertThat(page.findElements(By.id("hit-rate"))).isEmpty();

        submitToken(page, ADMIN_TOKEN);

        awaitPageMatchesStats(page);
        assertThat(script(page, "return sessionStorage.getItem('semcache.adminToken');"))
                .isEqualTo(ADMIN_TOKEN);
    }

    private static void submitToken(WebDriver page, String token) {
        WebElement input = waitOn(page).until(d -> d.findElement(By.id("token")));
        input.clear();
        input.sendKeys(token);
        page.findElement(By.cssSelector("#login-form button")).click();
    }

    /** Waits until the page shows the figures {@code /stats} reports now. */
    private static void awaitPageMatchesStats(WebDriver page) {
        waitOn(page)
                .withMessage(() -> "the page never showed the figures of /stats: " + statsOrError())
                .until(d -> {
                    JsonNode total = stats().path("total");
                    return value(d, "hits") == total.path("hits").asLong()
                            && value(d, "misses") == total.path("misses").asLong()
                            && value(d, "requests") == total.path("requests").asLong()
                            && text(d, "hits")
                                    .equals(String.format(
                                            Locale.ROOT,
                                            "%,d",
                                            total.path("hits").asLong()))
                            && text(d, "misses")
                                    .equals(String.format(
                                            Locale.ROOT,
                                            "%,d",
                                            total.path("misses").asLong()))
                            && text(d, "hit-rate")
                                    .equals(String.format(
                                            Locale.ROOT,
                                            "%.1f%%",
                                            100 * total.path("hitRate").asDouble()))
                            && Math.abs(Double.parseDouble(attribute(d, "hit-rate", "data-value"))
                                            - total.path("hitRate").asDouble())
                                    < 1e-9
                            && Math.abs(Double.parseDouble(attribute(d, "usd-saved", "data-value"))
                                            - total.path("usdSaved").asDouble())
                                    < 1e-12;
                });
        JsonNode total = stats().path("total");
        assertThat(Double.parseDouble(attribute(page, "usd-saved", "data-value")))
                .isCloseTo(total.path("usdSaved").asDouble(), within(1e-12));
    }

    private static WebDriverWait waitOn(WebDriver page) {
        WebDriverWait wait = new WebDriverWait(page, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static @Nullable Object script(WebDriver page, String script) {
        return ((JavascriptExecutor) page).executeScript(script);
    }

    private static long value(WebDriver page, String id) {
        String value = attribute(page, id, "data-value");
        return value.isEmpty() ? -1 : Long.parseLong(value);
    }

    private static String text(WebDriver page, String id) {
        return page.findElement(By.id(id)).getText();
    }

    private static String attribute(WebDriver page, String id, String name) {
        String value = page.findElement(By.id(id)).getAttribute(name);
        return value == null ? "" : value;
    }

    private static void screenshots(WebDriver page) throws IOException {
        ChromeDriver chrome = (ChromeDriver) page;
        Files.createDirectories(Path.of("target"));
        shoot(chrome, 1280, Path.of("target/dashboard.png"));
        shoot(chrome, 390, Path.of("target/dashboard-phone.png"));
        chrome.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void shoot(ChromeDriver chrome, int width, Path file) throws IOException {
        chrome.manage().window().setSize(new Dimension(width, 900));
        // Grow the window until the viewport holds the whole page, so that one screenshot shows all of it; the
        // window's frame takes some height, and the charts redraw (and may reflow) on resize.
        waitOn(chrome).until(d -> {
            long page = (Long) chrome.executeScript("return document.documentElement.scrollHeight;");
            long viewport = (Long) chrome.executeScript("return window.innerHeight;");
            if (page <= viewport) {
                return true;
            }
            Dimension size = chrome.manage().window().getSize();
            chrome.manage().window().setSize(new Dimension(width, (int) Math.min(6000, size.height + page - viewport)));
            return false;
        });
        String before = attribute(chrome, "updated", "data-count");
        waitOn(chrome).until(d -> !attribute(d, "updated", "data-count").equals(before));
        Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits until the service stored the answer of a miss, which it does after answering. */
    private static void stored(String model, String question) {
        ServiceAssertions.awaitStored(service(), CLIENT_KEY, model, question);
    }

    private static ServiceFixture service() {
        if (service == null) {
            throw new IllegalStateException("the service did not start");
        }
        return service;
    }

    /** Sends one chat completion and returns {@code X-Cache}, followed by {@code X-Cache-Lookup} on a hit. */
    private static String chat(String model, String question, @Nullable String cacheControl) {
        String body = JSON.createObjectNode()
                .put("model", model)
                .set(
                        "messages",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("role", "user").put("content", question)))
                .toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + CLIENT_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String cache = response.headers().firstValue("X-Cache").orElse("(none)");
        return response.headers()
                .firstValue("X-Cache-Lookup")
                .map(lookup -> cache + " " + lookup)
                .orElse(cache);
    }

    private static JsonNode stats() {
        HttpResponse<String> response = get("/stats", ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statsOrError() {
        try {
            return stats().path("total").toString();
        } catch (RuntimeException | AssertionError e) {
            return e.toString();
        }
    }

    private static HttpResponse<String> get(String path, @Nullable String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    private static WebDriver browser() {
        if (browser == null) {
            throw new IllegalStateException("the browser did not start");
        }
        return browser;
    }

    private static String baseUrl() {
        return service().baseUrl();
    }
}
