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
 * <p>Without a configured token everything is open. With one, a request must present it as
 * {@code Authorization: Bearer <token>}; the dashboard page also takes it as the {@code token} query parameter, because
 * a browser cannot send a header when following a link. The comparison takes the same time whatever the token's
 * prefix, so that timing does not reveal it.
 */
@Singleton
final class AdminToken {
    /** The query parameter that carries the token to the page. */
    static final String QUERY_PARAMETER = "token";

    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] expected;

    AdminToken(AdminConfig config) {
        String token = config.token();
        this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns whether a token is configured.
     *
     * @return {@code false} when the endpoints are open
     */
    boolean required() {
        return expected != null;
    }

    /**
     * Returns whether a request may proceed: no token is configured, or it presents the right one.
     *
     * @param request the request
     * @param queryAllowed whether the {@code token} query parameter counts, besides the header
     * @return {@code true} to let it through
     */
    boolean admits(HttpRequest<?> request, boolean queryAllowed) {
        if (expected == null) {
            return true;
        }
        String presented = presented(request, queryAllowed);
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the token a request presents, if any.
     *
     * @param request the request
     * @param queryAllowed whether the {@code token} query parameter counts, besides the header
     * @return the token, or {@code null} when it presents none
     */
    static @Nullable String presented(HttpRequest<?> request, boolean queryAllowed) {
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
