package dev.semcache.service.upstream;

import io.micronaut.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses which headers cross the proxy, in each direction.
 *
 * <p>Hop-by-hop headers (RFC 9110 §7.6.1), {@code Host}, lengths and encodings never cross: the proxy frames and
 * encodes each hop itself. {@code Accept-Encoding} is dropped on the way up so that the upstream answers in plain text,
 * which the cache must read. The service's own request controls ({@code Cache-Control}, {@code X-Cache-*}, the admin
 * token) stay in the service.
 *
 * @since 0.1.0
 */
public final class ForwardedHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "content-encoding",
            "http2-settings");
    private static final Set<String> NOT_UPSTREAM =
            Set.of("accept-encoding", "cache-control", "x-cache-namespace", "x-admin-token", "expect");

    private ForwardedHeaders() {}

    /**
     * Returns the headers of a client request to send upstream.
     *
     * @param headers the client's request headers
     * @param upstreamKey the key the service holds, which replaces the client's {@code Authorization}; or
     *     {@code null} to forward the client's own
     * @return header name (lower case) to values
     */
    public static Map<String, List<String>> upstreamRequest(HttpHeaders headers, @Nullable String upstreamKey) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || NOT_UPSTREAM.contains(lower) || lower.startsWith("x-cache-")) {
                continue;
            }
            if (upstreamKey != null && (lower.equals("authorization") || lower.equals("api-key"))) {
                continue;
            }
            out.put(lower, List.copyOf(headers.getAll(name)));
        }
        if (upstreamKey != null) {
            out.put("authorization", List.of("Bearer " + upstreamKey));
        }
        return out;
    }

    /**
     * Returns whether an upstream response header is relayed to the client.
     *
     * @param name the header name
     * @return {@code false} for hop-by-hop, length and encoding headers
     */
    public static boolean relayedToClient(String name) {
        return !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT));
    }
}
