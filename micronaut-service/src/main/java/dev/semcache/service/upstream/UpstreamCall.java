package dev.semcache.service.upstream;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request to send upstream, with its body held as bytes so that it can be sent again on a retry.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param pathBelowBase the path below the upstream base URL with its query, such as {@code /chat/completions}
 * @param headers header name to values, already filtered for forwarding (see {@link ForwardedHeaders})
 * @param body the request body, or {@code null} for none
 * @since 0.1.0
 */
public record UpstreamCall(
        String method, String pathBelowBase, Map<String, List<String>> headers, byte @Nullable [] body) {

    /** Validates and copies the values. */
    public UpstreamCall {
        requireNonNull(method, "method");
        requireNonNull(pathBelowBase, "pathBelowBase");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        // Headers carry credentials and the body carries prompts: neither belongs in a log line.
        return "UpstreamCall[" + method + " " + pathBelowBase + ", bodyBytes=" + (body == null ? 0 : body.length) + "]";
    }
}
