package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.store.StoreUnavailableException;
import dev.semcache.service.config.AdminConfig;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /admin/cache}: removes cached answers, of one namespace or all, guarded by the admin token.
 *
 * <p>The token comes as {@code Authorization: Bearer <token>} or {@code X-Admin-Token: <token>}. Without a token the
 * answer is 401, with a wrong one 403; when no token is configured the endpoint is disabled and answers 403 saying so.
 *
 * @since 0.1.0
 */
@Controller("/admin")
@Tag(name = "admin", description = "Cache administration, guarded by SEMCACHE_ADMIN_TOKEN")
final class AdminController {
    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

    /** The header that may carry the admin token instead of {@code Authorization}. */
    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    private final SemanticCache cache;
    private final @Nullable byte[] token;

    AdminController(SemanticCache cache, AdminConfig config) {
        this.cache = requireNonNull(cache, "cache");
        this.token = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
    }

    @Delete(uri = "/cache", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(
            summary = "Invalidate cached answers",
            description = "Removes every entry of the given namespace, or of all namespaces when none is given.")
    @ApiResponse(responseCode = "200", description = "The number of entries removed")
    @ApiResponse(responseCode = "401", description = "No admin token presented")
    @ApiResponse(responseCode = "403", description = "Wrong admin token, or no admin token configured")
    @ApiResponse(responseCode = "503", description = "The store failed")
    MutableHttpResponse<?> invalidate(
            HttpRequest<?> request,
            @Parameter(description = "the namespace to empty; absent empties every namespace") @QueryValue @Nullable
                    String namespace) {
        if (token == null) {
            return new OpenAiError(
                            403,
                            "Admin endpoints are disabled: set SEMCACHE_ADMIN_TOKEN (semcache.admin.token)",
                            "permission_error",
                            null,
                            "admin_disabled")
                    .toResponse();
        }
        String presented = presentedToken(request);
        if (presented == null) {
            return new OpenAiError(
                            401,
                            "Missing admin token: send 'Authorization: Bearer <token>' or '" + ADMIN_TOKEN_HEADER
                                    + ": <token>'",
                            OpenAiError.INVALID_REQUEST,
                            null,
                            "missing_admin_token")
                    .toResponse();
        }
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
            return new OpenAiError(403, "Incorrect admin token", "permission_error", null, "invalid_admin_token")
                    .toResponse();
        }
        try {
            long removed = namespace == null || namespace.isBlank()
                    ? cache.invalidateAll()
                    : cache.invalidateNamespace(namespace);
            LOG.info("admin removed {} cache entries of {}", removed, namespace == null ? "all namespaces" : namespace);
            return HttpResponse.ok(new Invalidated(namespace, removed));
        } catch (StoreUnavailableException e) {
            LOG.warn("admin invalidation failed: {}", e.getMessage());
            return new OpenAiError(
                            503, "The cache store failed: " + e.getMessage(), OpenAiError.SERVER_ERROR, null, null)
                    .toResponse();
        } catch (IllegalArgumentException e) {
            return OpenAiError.invalidRequest(e.getMessage(), "namespace", "invalid_namespace")
                    .toResponse();
        }
    }

    private static @Nullable String presentedToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(ADMIN_TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return Tenancy.credential(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }

    /**
     * The answer to an invalidation.
     *
     * @param namespace the namespace emptied, or {@code null} for all
     * @param removed how many entries were removed
     */
    @Serdeable
    record Invalidated(@Nullable String namespace, long removed) {}
}
