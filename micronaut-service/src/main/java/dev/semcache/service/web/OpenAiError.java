package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An error in the OpenAI wire format: {@code {"error":{"message":..., "type":..., "param":..., "code":...}}}.
 *
 * <p>OpenAI's SDKs read these fields to build their exceptions, so every error the service answers with, its own or
 * Micronaut's, takes this form.
 *
 * @param status the HTTP status, 4xx or 5xx
 * @param message what went wrong, for a person; never a credential or a prompt
 * @param type the error class, such as {@code invalid_request_error}
 * @param param the request parameter at fault, such as {@code messages}, or {@code null}
 * @param code a short machine-readable code, such as {@code invalid_json}, or {@code null}
 * @since 0.1.0
 */
public record OpenAiError(
        int status,
        String message,
        String type,
        @Nullable String param,
        @Nullable String code) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The type of errors in the request. */
    public static final String INVALID_REQUEST = "invalid_request_error";

    /** The type of errors on the service's or the upstream's side. */
    public static final String SERVER_ERROR = "server_error";

    /** Validates the values. */
    public OpenAiError {
        requireNonNull(message, "message");
        requireNonNull(type, "type");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
    }

    /**
     * Returns a 400 error in the request.
     *
     * @param message what is wrong
     * @param param the parameter at fault, or {@code null}
     * @param code a short code, or {@code null}
     * @return the error
     */
    public static OpenAiError invalidRequest(String message, @Nullable String param, @Nullable String code) {
        return new OpenAiError(400, message, INVALID_REQUEST, param, code);
    }

    /**
     * Returns the error body.
     *
     * @return the JSON body, UTF-8
     */
    public byte[] body() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the error as a response.
     *
     * @return a response with this status and the JSON body
     */
    public MutableHttpResponse<byte[]> toResponse() {
        return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body());
    }
}
