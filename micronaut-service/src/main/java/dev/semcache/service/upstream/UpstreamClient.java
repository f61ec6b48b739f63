package dev.semcache.service.upstream;

import static java.util.Objects.requireNonNull;

import dev.semcache.service.config.UpstreamConfig;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Calls the upstream LLM API over a Micronaut {@link RawHttpClient}: bodies go out and come back as bytes, never
 * decoded by a codec, and streamed bodies are handed on chunk by chunk as they arrive.
 *
 * <p>{@link #exchange} and {@link #open} retry a call that got a 429 or a 5xx, or failed to connect, as
 * {@link dev.semcache.service.config.RetryConfig} bounds it, honouring {@code Retry-After}. Any other status is
 * returned at once; a 4xx other than 429 is never retried. When the attempts are used up the last response is
 * returned as it is, so that the upstream's own error reaches the client; when none connected,
 * {@link UpstreamUnavailableException} is signalled. {@link #open} returns as soon as the status and headers of an
 * answer arrive, so a streamed call is never retried after its first byte could have reached the client.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class UpstreamClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

    private final RawHttpClient client;
    private final UpstreamConfig config;
    private final RetryPolicy retryPolicy;
    private final ByteBodyFactory bodies;
    private final Clock clock;

    UpstreamClient(
            RawHttpClient client, UpstreamConfig config, RetryPolicy retryPolicy, ByteBodyFactory bodies, Clock clock) {
        this.client = requireNonNull(client, "client");
        this.config = requireNonNull(config, "config");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
        this.bodies = requireNonNull(bodies, "bodies");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Returns the upstream configuration this client calls.
     *
     * @return the configuration
     */
    public UpstreamConfig config() {
        return config;
    }

    /**
     * Sends a call, retrying as configured, and reads the whole answer.
     *
     * @param call the request
     * @return the last answer received, whatever its status; or an error {@link UpstreamUnavailableException}
     */
    public Mono<UpstreamReply> exchange(UpstreamCall call) {
        requireNonNull(call, "call");
        // A body that breaks off while it is read counts as a failed connection: nothing reached the client yet.
        return retrying(
                call,
                attempt -> openOnce(call, attempt).flatMap(stream -> stream.readAll()
                        .map(body -> new UpstreamReply(stream.status(), stream.headers(), body, attempt))),
                1,
                Duration.ZERO,
                null);
    }

    /**
     * Sends a call, retrying as configured, and returns once the status and headers of an answer arrive.
     *
     * @param call the request
     * @return the answer with its body unread; or an error {@link UpstreamUnavailableException}
     */
    public Mono<UpstreamStream> open(UpstreamCall call) {
        requireNonNull(call, "call");
        return retrying(call, attempt -> openOnce(call, attempt), 1, Duration.ZERO, null);
    }

    /**
     * Sends a request once, with a body that is streamed upstream as the client sends it; no retries, since the body
     * can be read only once.
     *
     * @param method the HTTP method
     * @param pathBelowBase the path below the base URL, with its query
     * @param headers the headers to send, already filtered
     * @param body the request body; ownership passes to this client
     * @return the answer with its body unread
     */
    public Mono<UpstreamStream> relay(
            String method, String pathBelowBase, Map<String, List<String>> headers, CloseableByteBody body) {
        return send(method, pathBelowBase, headers, body, 1).onErrorMap(UpstreamClient::isConnectionFailure, e -> {
            return unavailable(1, e);
        });
    }

    private Mono<UpstreamStream> openOnce(UpstreamCall call, int attempt) {
        return Mono.defer(() -> {
            CloseableByteBody body = call.body() == null ? null : bodies.adapt(call.body());
            return send(call.method(), call.pathBelowBase(), call.headers(), body, attempt);
        });
    }

    private Mono<UpstreamStream> send(
            String method,
            String pathBelowBase,
            Map<String, List<String>> headers,
            @Nullable CloseableByteBody body,
            int attempt) {
        return Mono.defer(() -> {
            MutableHttpRequest<?> request = io.micronaut.http.HttpRequest.create(
                    HttpMethod.parse(method.toUpperCase(Locale.ROOT)),
                    config.resolve(pathBelowBase).toString());
            headers.forEach(
                    (name, values) -> values.forEach(v -> request.getHeaders().add(name, v)));
            return Mono.<HttpResponse<?>>from(client.exchange(request, body, null))
                    .map(response -> toStream(response, attempt));
        });
    }

    private static UpstreamStream toStream(HttpResponse<?> response, int attempt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaders().names()) {
            headers.put(
                    name.toLowerCase(Locale.ROOT),
                    new ArrayList<>(response.getHeaders().getAll(name)));
        }
        if (!(response instanceof ByteBodyHttpResponse<?> withBody)) {
            throw new IllegalStateException("the raw HTTP client returned a response without a byte body: "
                    + response.getClass().getName());
        }
        return new UpstreamStream(response.code(), headers, withBody.byteBody().move(), attempt);
    }

    /**
     * Runs attempts until one gives an answer that is not worth retrying, or the policy stops.
     *
     * <p>Each attempt's failure is turned into a value before the decision, so that a later attempt's failure is
     * never caught (and retried) by an earlier attempt's handler.
     */
    private <T extends UpstreamHead> Mono<T> retrying(
            UpstreamCall call, IntFunction<Mono<T>> once, int attempt, Duration waited, @Nullable Throwable previous) {
        return once.apply(attempt)
                .map(Attempt::<T>answered)
                .onErrorResume(UpstreamClient::isConnectionFailure, e -> Mono.just(Attempt.failed(e)))
                .flatMap(outcome -> {
                    T answer = outcome.answer();
                    if (answer != null && !RetryPolicy.isRetryableStatus(answer.status())) {
                        return Mono.just(answer);
                    }
                    Duration requested = answer == null
                            ? null
                            : RetryAfter.parse(
                                            answer.header("retry-after"),
                                            answer.header("retry-after-ms"),
                                            clock.instant())
                                    .orElse(null);
                    Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(attempt, waited, requested);
                    if (delay.isEmpty()) {
                        if (answer != null) {
                            LOG.info(
                                    "upstream {} {} answered {} after {} attempt(s); passing it on",
                                    call.method(),
                                    call.pathBelowBase(),
                                    answer.status(),
                                    attempt);
                            return Mono.just(answer);
                        }
                        Throwable failure = requireNonNull(outcome.failure());
                        return Mono.error(unavailable(attempt, failure));
                    }
                    if (answer != null) {
                        answer.discard();
                    }
                    LOG.info(
                            "upstream {} {} attempt {} {}; retrying in {} ms",
                            call.method(),
                            call.pathBelowBase(),
                            attempt,
                            answer != null ? "answered " + answer.status() : "failed: " + describe(outcome.failure()),
                            delay.get().toMillis());
                    return Mono.delay(delay.get())
                            .then(retrying(call, once, attempt + 1, waited.plus(delay.get()), outcome.failure()));
                });
    }

    private UpstreamUnavailableException unavailable(int attempts, Throwable failure) {
        boolean timeout = isTimeout(failure);
        return new UpstreamUnavailableException(
                "upstream " + config.url().getHost() + " " + (timeout ? "did not answer in time" : "is unreachable")
                        + " after " + attempts + " attempt(s): " + describe(failure),
                timeout,
                failure);
    }

    private static String describe(@Nullable Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    static boolean isConnectionFailure(Throwable e) {
        return e instanceof HttpClientException
                        && !(e instanceof io.micronaut.http.client.exceptions.ContentLengthExceededException)
                || e instanceof IOException
                || e instanceof TimeoutException;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Releases the client's connections. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("closing the upstream HTTP client failed", e);
        }
    }

    private record Attempt<T>(@Nullable T answer, @Nullable Throwable failure) {
        static <T> Attempt<T> answered(T answer) {
            return new Attempt<>(answer, null);
        }

        static <T> Attempt<T> failed(Throwable failure) {
            return new Attempt<>(null, failure);
        }
    }
}
