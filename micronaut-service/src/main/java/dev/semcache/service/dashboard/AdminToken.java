package dev.semcache.service.dashboard;

import dev.semcache.service.config.AdminConfig;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Checks the admin token ({@code SEMCACHE_ADMIN_TOKEN}) that guards the dashboard and the statistics endpoints.
 *
 * <p>Without a configured token everything is open. With one, a request presents it as it does to
 * {@code DELETE /admin/cache}: {@code X-Admin-Token: <token>} or {@code Authorization: Bearer <token>}; the dashboard
 * page also takes it as the {@code token} query parameter, because a browser cannot send a header when following a
 * link or submitting a form. The comparison takes the same time whatever the token's prefix.
 */
@Singleton
final class AdminToken {
    /** The query parameter that carries the token to the page. */
    static final String QUERY_PARAMETER = "token";

    /** The header that may carry the token instead of {@code Authorization}, as for the admin endpoints. */
    static final String HEADER = "X-Admin-Token";

    private static final String BEARER = "Bearer ";

    /** What a request's token check found. */
    enum Check {
        /** No token is configured: the endpoints are open. */
        OPEN,
        /** The request presents the configured token. */
        ADMITTED,
        /** A token is configured and the request presents none. */
        MISSING,
        /** The request presents another token. */
        WRONG;

        boolean admitted() {
            return this == OPEN || this == ADMITTED;
        }
    }

    private final byte @Nullable [] expected;

    AdminToken(AdminConfig config) {
        String token = config.token();
        this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks a request's token.
     *
     * @param request the request
     * @param queryAllowed whether the {@code token} query parameter counts, besides the headers
     * @return what was found
     */
    Check check(HttpRequest<?> request, boolean queryAllowed) {
        if (expected == null) {
            return Check.OPEN;
        }
        String presented = presented(request, queryAllowed);
        if (presented == null || presented.isEmpty()) {
            return Check.MISSING;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
                ? Check.ADMITTED
                : Check.WRONG;
    }

    private static @Nullable String presented(HttpRequest<?> request, boolean queryAllowed) {
        String header = request.getHeaders().get(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        if (queryAllowed) {
            return request.getParameters().get(QUERY_PARAMETER);
        }
        return null;
    }
}
