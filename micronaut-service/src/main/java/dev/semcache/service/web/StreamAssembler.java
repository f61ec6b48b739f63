package dev.semcache.service.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semcache.cache.ChatAnswer;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the answer of a streamed chat completion from its {@code chat.completion.chunk} payloads, while the chunks
 * are relayed to the client.
 *
 * <p>Only the first choice is assembled: its content and refusal deltas are concatenated and its finish reason kept;
 * the {@code usage} object arrives in a last chunk with empty choices when the request asked for it. The answer is
 * complete only when a finish reason, a usage object and the {@code [DONE]} payload have all arrived and no payload was
 * an error; a stream cut before that yields nothing, so it is never stored. Tool-call deltas are not assembled: an
 * answer with tool calls is reported as such and not stored.
 *
 * <p>Not thread-safe: one assembler per stream, fed in order.
 */
final class StreamAssembler {
    /** The payload that ends a chat completions stream. */
    static final String DONE = "[DONE]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private @Nullable String model;
    private @Nullable String finishReason;
    private boolean usageSeen;
    private long promptTokens;
    private long completionTokens;
    private boolean toolCalls;
    private boolean contentSeen;
    private boolean refusalSeen;
    private boolean failed;
    private boolean done;

    /**
     * Takes the next payload.
     *
     * @param payload the {@code data} of one event
     * @return what kind of payload it was
     */
    Payload accept(String payload) {
        if (payload.equals(DONE)) {
            done = true;
            return Payload.DONE;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(payload);
        } catch (IOException e) {
            failed = true;
            return Payload.OTHER;
        }
        if (chunk == null || !chunk.isObject()) {
            failed = true;
            return Payload.OTHER;
        }
        if (chunk.hasNonNull("error")) {
            failed = true;
            return Payload.OTHER;
        }
        if (chunk.hasNonNull("model") && chunk.get("model").isTextual()) {
            model = chunk.get("model").asText();
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            usageSeen = true;
            promptTokens = usage.path("prompt_tokens").asLong(0);
            completionTokens = usage.path("completion_tokens").asLong(0);
        }
        JsonNode choices = chunk.get("choices");
        boolean noChoices = choices == null || !choices.isArray() || choices.isEmpty();
        if (!noChoices) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) != 0) {
                    continue;
                }
                JsonNode delta = choice.path("delta");
                if (delta.hasNonNull("content")) {
                    content.append(delta.get("content").asText());
                    contentSeen = true;
                }
                if (delta.hasNonNull("refusal")) {
                    refusal.append(delta.get("refusal").asText());
                    refusalSeen = true;
                }
                if (delta.hasNonNull("tool_calls") || delta.hasNonNull("function_call")) {
                    toolCalls = true;
                }
                if (choice.hasNonNull("finish_reason")) {
                    finishReason = choice.get("finish_reason").asText();
                }
            }
        }
        return noChoices && usage != null && usage.isObject() ? Payload.USAGE_ONLY : Payload.CHUNK;
    }

    /**
     * Returns whether the stream ended properly: the {@code [DONE]} payload arrived and no payload was an error.
     *
     * @return {@code true} for a complete stream
     */
    boolean complete() {
        return done && !failed;
    }

    /**
     * Returns the assembled answer, if the stream was complete and its answer can be represented.
     *
     * @return the answer; empty when the stream was cut, carried an error, lacked a finish reason or usage, or
     *     called tools
     */
    Optional<ChatAnswer> answer() {
        if (!done || failed || finishReason == null || !usageSeen || model == null || toolCalls) {
            return Optional.empty();
        }
        return Optional.of(ChatAnswer.builder()
                .model(model)
                .content(contentSeen ? content.toString() : null)
                .refusal(refusalSeen ? refusal.toString() : null)
                .finishReason(finishReason)
                .promptTokens(promptTokens)
                .completionTokens(completionTokens)
                .build());
    }

    /** The kinds of payload a stream carries. */
    enum Payload {
        /** A chunk with choices. */
        CHUNK,
        /** The last chunk: usage and no choices. */
        USAGE_ONLY,
        /** The {@code [DONE]} terminator. */
        DONE,
        /** Something else: an error or an unparseable payload. */
        OTHER
    }
}
