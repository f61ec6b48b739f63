package dev.semcache.service.upstream;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.body.CloseableByteBody;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upstream response whose status and headers have arrived and whose body has not been read yet.
 *
 * <p>The body is read once, either as a stream of chunks ({@link #body()}) or whole ({@link #readAll()}); a response
 * that is not read must be {@link #close() closed} to release its connection.
 *
 * @since 0.1.0
 */
public final class UpstreamStream implements AutoCloseable, UpstreamHead {
    private final int status;
    private final Map<String, List<String>> headers;
    private final CloseableByteBody body;
    private final int attempts;
    private final AtomicBoolean taken = new AtomicBoolean();

    UpstreamStream(int status, Map<String, List<String>> headers, CloseableByteBody body, int attempts) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = requireNonNull(body, "body");
        this.attempts = attempts;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status
     */
    @Override
    public int status() {
        return status;
    }

    /**
     * Returns the response headers.
     *
     * @return header name (lower case) to values
     */
    public Map<String, List<String>> headers() {
        return headers;
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

    /**
     * Returns how many calls it took to get this response.
     *
     * @return the attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns the body as chunks, each emitted as soon as it arrives.
     *
     * @return the chunks; fails when the connection breaks before the body is complete
     * @throws IllegalStateException if the body was already taken
     */
    public Flux<byte[]> body() {
        take();
        return Flux.from(body.toByteArrayPublisher());
    }

    /**
     * Takes the body as it is, to hand it on unread (a pass-through response).
     *
     * @return the body; the caller owns and must close it
     * @throws IllegalStateException if the body was already taken
     */
    public CloseableByteBody takeByteBody() {
        take();
        return body;
    }

    /**
     * Reads the whole body.
     *
     * @return the body bytes
     * @throws IllegalStateException if the body was already taken
     */
    public Mono<byte[]> readAll() {
        take();
        return Mono.fromCompletionStage(body.buffer()).map(available -> {
            try (available) {
                return available.toByteArray();
            }
        });
    }

    private void take() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("the body of this upstream response was already taken");
        }
    }

    @Override
    public void discard() {
        close();
    }

    /** Discards the body unless it was taken. */
    @Override
    public void close() {
        if (taken.compareAndSet(false, true)) {
            body.allowDiscard();
            body.close();
        }
    }

    @Override
    public String toString() {
        return "UpstreamStream[status=" + status + ", attempts=" + attempts + "]";
    }
}
