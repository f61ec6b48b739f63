package dev.semcache.service.dashboard;

import static java.util.Objects.requireNonNull;

import dev.semcache.service.web.OpenAiError;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.jspecify.annotations.Nullable;

/**
 * Guards {@code GET /stats} and {@code /stats/**} (the dashboard's time series) with the admin token when one is
 * configured: 401 without a token, 403 with a wrong one, as {@code DELETE /admin/cache} answers. Without a configured
 * token they are open.
 *
 * <p>The figures are aggregates, but they tell how much a deployment spends and on which models, so they are guarded
 * like the admin endpoints.
 */
@ServerFilter({"/stats", "/stats/**"})
final class StatsGuardFilter {
    private final AdminToken token;

    StatsGuardFilter(AdminToken token) {
        this.token = requireNonNull(token, "token");
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        return switch (token.check(request, false)) {
            case OPEN, ADMITTED -> null;
            case MISSING ->
                new OpenAiError(
                                401,
                                "Missing admin token: send 'Authorization: Bearer <token>' or '" + AdminToken.HEADER
                                        + ": <token>' (SEMCACHE_ADMIN_TOKEN)",
                                OpenAiError.INVALID_REQUEST,
                                null,
                                "missing_admin_token")
                        .toResponse()
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"semcache\"");
            case WRONG ->
                new OpenAiError(403, "Incorrect admin token", "permission_error", null, "invalid_admin_token")
                        .toResponse();
        };
    }
}
