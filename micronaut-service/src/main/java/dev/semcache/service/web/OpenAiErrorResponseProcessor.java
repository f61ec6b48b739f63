package dev.semcache.service.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error Micronaut itself produces (unknown route, wrong method, unsupported media type, body too large,
 * unreadable body, unhandled exception) as an OpenAI-style error body, so that OpenAI clients can parse all of them.
 *
 * @since 0.1.0
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class OpenAiErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        String detail = context.hasErrors() ? context.getErrors().get(0).getMessage() : response.reason();
        OpenAiError error =
                switch (status) {
                    case 404 ->
                        new OpenAiError(
                                404,
                                "Unknown path: " + method + " " + path,
                                OpenAiError.INVALID_REQUEST,
                                null,
                                "unknown_url");
                    case 405 ->
                        new OpenAiError(
                                405,
                                "Method " + method + " is not allowed on " + path,
                                OpenAiError.INVALID_REQUEST,
                                null,
                                "method_not_allowed");
                    case 413 ->
                        new OpenAiError(
                                413,
                                "Request body too large: " + detail,
                                OpenAiError.INVALID_REQUEST,
                                null,
                                "body_too_large");
                    case 415 ->
                        new OpenAiError(
                                415,
                                "Unsupported content type: " + detail,
                                OpenAiError.INVALID_REQUEST,
                                null,
                                "unsupported_media_type");
                    default -> {
                        if (status >= 500) {
                            // Internal details stay in the log, not in the answer.
                            LOG.error(
                                    "{} {} failed with {}",
                                    method,
                                    path,
                                    status,
                                    context.getRootCause().orElse(null));
                            yield new OpenAiError(
                                    status,
                                    "Internal error in the semcache service",
                                    OpenAiError.SERVER_ERROR,
                                    null,
                                    null);
                        }
                        yield new OpenAiError(
                                status < 400 ? 400 : status, detail, OpenAiError.INVALID_REQUEST, null, null);
                    }
                };
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(error.body());
    }
}
