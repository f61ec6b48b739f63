package dev.semcache.service.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Passes an upstream error on to the client in the OpenAI error format.
 *
 * <p>An upstream that already answers in that format (OpenAI and every compatible relay) has its status and body
 * passed on unchanged, with its {@code Retry-After} and rate-limit headers; any other error body is wrapped into an
 * OpenAI error that quotes its beginning.
 */
final class UpstreamErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED_CHARS = 300;

    private UpstreamErrors() {}

    static MutableHttpResponse<?> toClient(int status, Map<String, List<String>> headers, byte[] body) {
        int clientStatus = status >= 400 && status <= 599 ? status : 502;
        if (isOpenAiError(body)) {
            MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(clientStatus));
            CacheHeaders.copyUpstreamHeaders(headers, response);
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > QUOTED_CHARS) {
            text = text.substring(0, QUOTED_CHARS) + "...";
        }
        MutableHttpResponse<byte[]> response = new OpenAiError(
                        clientStatus,
                        "The upstream answered " + status + (text.isEmpty() ? "" : ": " + text),
                        clientStatus >= 500 ? OpenAiError.SERVER_ERROR : OpenAiError.INVALID_REQUEST,
                        null,
                        "upstream_error")
                .toResponse();
        List<String> retryAfter = headers.get("retry-after");
        if (retryAfter != null && !retryAfter.isEmpty()) {
            response.header("Retry-After", retryAfter.get(0));
        }
        return response;
    }

    private static boolean isOpenAiError(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            return tree != null && tree.isObject() && tree.path("error").isObject();
        } catch (IOException e) {
            return false;
        }
    }
}
