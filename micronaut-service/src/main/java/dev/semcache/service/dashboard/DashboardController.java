package dev.semcache.service.dashboard;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /dashboard}: the dashboard page, or, when an admin token is configured and the request does not present
 * it, a small login form (status 401) that asks for it.
 *
 * <p>The page itself holds no figures: its script reads {@code /stats}, {@code /stats/history} and {@code /health}
 * every few seconds and sends the token, kept in the tab's {@code sessionStorage}, as a header. Its scripts and styles
 * are static resources under {@code /dashboard/assets/}; they hold no data and are not guarded. Every response forbids
 * caching, referrers (the token may be in the address) and loading anything from another origin.
 */
@Controller("/dashboard")
@Tag(name = "observability", description = "Statistics, metrics and health")
final class DashboardController {
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final AdminToken token;
    private final byte[] page = resource("dashboard/index.html");
    private final byte[] login = resource("dashboard/login.html");

    DashboardController(AdminToken token) {
        this.token = requireNonNull(token, "token");
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Operation(
            summary = "Dashboard page",
            description = "An HTML page that shows hit rate, savings, latency and health, updated every few seconds "
                    + "from /stats, /stats/history and /health.",
            parameters =
                    @Parameter(
                            in = ParameterIn.QUERY,
                            name = AdminToken.QUERY_PARAMETER,
                            description = "the admin token, when one is configured (or a header, as for /stats)"))
    @ApiResponse(responseCode = "200", description = "The dashboard")
    @ApiResponse(responseCode = "401", description = "A login form: an admin token is configured and was not presented")
    HttpResponse<byte[]> page(HttpRequest<?> request) {
        if (token.check(request, true).admitted()) {
            return html(HttpResponse.ok(page));
        }
        return html(HttpResponse.<byte[]>status(HttpStatus.UNAUTHORIZED).body(login));
    }

    private static MutableHttpResponse<byte[]> html(MutableHttpResponse<byte[]> response) {
        return response.contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SECURITY_POLICY);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the service's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
