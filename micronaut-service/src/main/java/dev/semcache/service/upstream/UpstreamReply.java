package dev.semcache.service.upstream;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A complete upstream response, its body read into memory.
 *
 * @param status the HTTP status
 * @param headers header name (lower case) to values, as the upstream sent them
 * @param body the response body
 * @param attempts how many calls it took, at least 1
 * @since 0.1.0
 */
public record UpstreamReply(int status, Map<String, List<String>> headers, byte[] body, int attempts)
        implements UpstreamHead {

    /** Validates and copies the values. */
    public UpstreamReply {
        headers = Map.copyOf(headers);
        requireNonNull(body, "body");
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in lower case
     * @return the value, or {@code null} when absent
     */
    @Override
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void discard() {
        // nothing held: the body is already in memory
    }

    /**
     * Returns the body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UpstreamReply[status=" + status + ", bodyBytes=" + body.length + ", attempts=" + attempts + "]";
    }
}
