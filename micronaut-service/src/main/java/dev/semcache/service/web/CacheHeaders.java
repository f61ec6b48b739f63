package dev.semcache.service.web;

import dev.semcache.service.upstream.ForwardedHeaders;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The response headers that tell a client how the cache treated its request.
 *
 * @since 0.1.0
 */
public final class CacheHeaders {
    /** {@code HIT}, {@code MISS} or {@code BYPASS}. */
    public static final String X_CACHE = "X-Cache";

    /** On a semantic hit: the cosine similarity of the served entry, four decimals. */
    public static final String X_CACHE_SIMILARITY = "X-Cache-Similarity";

    /** On a miss whose nearest candidate the verifier rejected: {@code rejected:<reason>}. */
    public static final String X_CACHE_VERDICT = "X-Cache-Verdict";

    /** On a hit: whether the exact or the semantic path found it. */
    public static final String X_CACHE_LOOKUP = "X-Cache-Lookup";

    /** On an answer shared with an identical request in flight (single-flight): {@code true}. */
    public static final String X_CACHE_SHARED = "X-Cache-Shared";

    /** The value of {@link #X_CACHE} for an answer served from the cache. */
    public static final String HIT = "HIT";

    /** The value of {@link #X_CACHE} for an answer fetched from the upstream. */
    public static final String MISS = "MISS";

    /** The value of {@link #X_CACHE} for a request the cache left alone. */
    public static final String BYPASS = "BYPASS";

    private CacheHeaders() {}

    /**
     * Copies the headers of an upstream answer that may reach the client.
     *
     * @param upstream the upstream headers, lower-case names
     * @param response the response to the client
     */
    public static void copyUpstreamHeaders(Map<String, List<String>> upstream, MutableHttpResponse<?> response) {
        upstream.forEach((name, values) -> {
            if (ForwardedHeaders.relayedToClient(name)) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
    }
}
