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
 * Short-circuits requests to {@code /stats} and {@code /stats/**} (the statistics and the dashboard's time series)
 * with 401 when an admin token is configured and the request does not present it as {@code Authorization: Bearer}.
 *
 * <p>The figures are aggregates, but they tell how much a deployment spends and for which models, so they are
 * guarded like the admin endpoints. Without a configured token they are open.
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
        if (token.admits(request, false)) {
            return null;
        }
        return unauthorized();
    }

    static HttpResponse<?> unauthorized() {
        return new OpenAiError(
                        401,
                        "this endpoint needs the admin token: send 'Authorization: Bearer <SEMCACHE_ADMIN_TOKEN>'",
                        "authentication_error",
                        null,
                        "invalid_admin_token")
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"semcache\"");
    }
}
