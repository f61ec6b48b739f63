package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.cache.ChatFormatException;
import dev.semcache.cache.ChatJson;
import dev.semcache.cache.ChatRequest;
import io.micronaut.http.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A chat completions request body, checked and parsed: content type, size, UTF-8, JSON, and the OpenAI format.
 *
 * <p>The body is read as raw bytes and decoded here, so that every defect gets a 4xx with an OpenAI-style error naming
 * it, never a framework error or a 5xx.
 *
 * @param raw the body as received
 * @param tree the body as a JSON object
 * @param request the parsed request
 */
record ChatBody(byte[] raw, ObjectNode tree, ChatRequest request) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+(?:\\[\\d+])?(?:\\.[a-z_]+(?:\\[\\d+])?)*) ");

    ChatBody {
        requireNonNull(raw, "raw");
        requireNonNull(tree, "tree");
        requireNonNull(request, "request");
    }

    /**
     * Checks and parses a body.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param body the body bytes, or {@code null} when there was none
     * @param maxBytes the largest body accepted
     * @return the parsed body
     * @throws Rejected with the error to answer, if anything is wrong
     */
    static ChatBody parse(@Nullable String contentType, byte @Nullable [] body, int maxBytes) {
        if (contentType == null || !isJson(contentType)) {
            throw new Rejected(new OpenAiError(
                    415,
                    "Content-Type must be application/json, was " + (contentType == null ? "absent" : contentType),
                    OpenAiError.INVALID_REQUEST,
                    null,
                    "unsupported_media_type"));
        }
        if (body == null || body.length == 0) {
            throw new Rejected(OpenAiError.invalidRequest(
                    "The request body is empty; send a JSON object with 'model' and 'messages'", null, "empty_body"));
        }
        if (body.length > maxBytes) {
            throw new Rejected(new OpenAiError(
                    413,
                    "Request body too large: " + body.length + " bytes, the limit is " + maxBytes,
                    OpenAiError.INVALID_REQUEST,
                    null,
                    "body_too_large"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(
                    OpenAiError.invalidRequest("The request body is not valid UTF-8", null, "invalid_encoding"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new Rejected(OpenAiError.invalidRequest(
                    "We could not parse the JSON body of your request" + where + ": " + e.getOriginalMessage(),
                    null,
                    "invalid_json"));
        }
        if (tree == null || !tree.isObject()) {
            throw new Rejected(
                    OpenAiError.invalidRequest("The request body must be a JSON object", null, "invalid_json"));
        }
        try {
            return new ChatBody(body, (ObjectNode) tree, ChatJson.parseRequest(tree));
        } catch (ChatFormatException e) {
            String message = e.getMessage() == null ? "invalid request" : e.getMessage();
            throw new Rejected(OpenAiError.invalidRequest(message, param(message), "invalid_value"));
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.of(contentType);
            String sub = type.getSubtype().toLowerCase(Locale.ROOT);
            return type.getType().equalsIgnoreCase("application") && (sub.equals("json") || sub.endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns the parameter a format message names first, such as {@code messages[2].role}, or {@code null}. */
    static @Nullable String param(String message) {
        Matcher m = FIELD.matcher(message);
        if (!m.find()) {
            return null;
        }
        String field = m.group(1);
        return field.equals("request") ? null : field;
    }

    /** Returns the body's text, for rewriting; the body was checked to be UTF-8. */
    String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** Thrown by {@link #parse} with the error to answer. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial") // never serialised
        private final OpenAiError error;

        Rejected(OpenAiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        OpenAiError error() {
            return error;
        }
    }
}
