package dev.semcache.service.web;

import dev.semcache.service.upstream.UpstreamUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 502 (504 after a timeout) in the OpenAI error format when the upstream could not be reached on any attempt.
 *
 * @since 0.1.0
 */
@Singleton
@Requires(classes = {UpstreamUnavailableException.class, ExceptionHandler.class})
final class UpstreamUnavailableHandler implements ExceptionHandler<UpstreamUnavailableException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, UpstreamUnavailableException exception) {
        LOG.warn("{} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        return toError(exception).toResponse();
    }

    /**
     * Returns the error a client sees when the upstream is unavailable.
     *
     * @param exception what failed
     * @return a 502, or a 504 after a timeout
     */
    static OpenAiError toError(UpstreamUnavailableException exception) {
        return new OpenAiError(
                exception.timeout() ? 504 : 502,
                exception.timeout() ? "The upstream did not answer in time" : "The upstream could not be reached",
                OpenAiError.SERVER_ERROR,
                null,
                exception.timeout() ? "upstream_timeout" : "upstream_unavailable");
    }
}
