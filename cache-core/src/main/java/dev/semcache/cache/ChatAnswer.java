package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a chat completion request (its first choice), in a provider-neutral form: what the cache stores and
 * serves.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param content the assistant's text, or {@code null} when it answered with tool calls or a refusal only
 * @param finishReason why generation stopped, as the OpenAI wire format names it: {@code stop}, {@code length},
 *     {@code tool_calls}, {@code content_filter}, {@code function_call}; or {@code null} when unknown
 * @param model the model that produced the answer, as the provider reported it
 * @param promptTokens input tokens the call consumed, not negative
 * @param completionTokens output tokens the call produced, not negative
 * @param toolCallsJson the tool calls of the answer as canonical JSON (an array), or {@code null} when none
 * @param refusal the model's refusal message, or {@code null} when it did not refuse
 * @since 0.1.0
 */
public record ChatAnswer(
        @Nullable String content,
        @Nullable String finishReason,
        String model,
        long promptTokens,
        long completionTokens,
        @Nullable String toolCallsJson,
        @Nullable String refusal) {

    /** The finish reason of a complete answer. */
    public static final String STOP = "stop";

    /** The finish reason of an answer cut by a token limit. */
    public static final String LENGTH = "length";

    /** The finish reason of an answer that calls tools. */
    public static final String TOOL_CALLS = "tool_calls";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a token count is negative or the tool calls are not a JSON array
     */
    public ChatAnswer {
        requireNonNull(model, "model");
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("promptTokens and completionTokens must not be negative, were "
                    + promptTokens + " and " + completionTokens);
        }
        if (toolCallsJson != null) {
            toolCallsJson = Json.canonicalArray(toolCallsJson, "toolCallsJson");
            if (toolCallsJson.equals("[]")) {
                toolCallsJson = null;
            }
        }
    }

    /**
     * Returns a complete text answer ({@code finish_reason} {@code stop}).
     *
     * @param content the text
     * @param model the model that produced it
     * @param promptTokens input tokens consumed
     * @param completionTokens output tokens produced
     * @return the answer
     */
    public static ChatAnswer of(String content, String model, long promptTokens, long completionTokens) {
        return new ChatAnswer(
                requireNonNull(content, "content"), STOP, model, promptTokens, completionTokens, null, null);
    }

    /**
     * Returns a new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder filled with this answer's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder()
                .content(content)
                .finishReason(finishReason)
                .model(model)
                .promptTokens(promptTokens)
                .completionTokens(completionTokens)
                .toolCallsJson(toolCallsJson)
                .refusal(refusal);
    }

    /**
     * Returns whether the answer calls tools.
     *
     * @return {@code true} when {@link #toolCallsJson()} is present
     */
    public boolean hasToolCalls() {
        return toolCallsJson != null;
    }

    @Override
    public String toString() {
        // The content may be sensitive; keep it out of logs.
        return "ChatAnswer[model=" + model + ", finishReason=" + finishReason + ", chars="
                + (content == null ? 0 : content.length()) + ", promptTokens=" + promptTokens + ", completionTokens="
                + completionTokens + (toolCallsJson == null ? "" : ", toolCalls") + (refusal == null ? "" : ", refusal")
                + "]";
    }

    /**
     * Fills a {@link ChatAnswer}; values are validated by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String content;
        private @Nullable String finishReason;
        private @Nullable String model;
        private long promptTokens;
        private long completionTokens;
        private @Nullable String toolCallsJson;
        private @Nullable String refusal;

        private Builder() {}

        /**
         * Sets the text.
         *
         * @param content the text, or {@code null}
         * @return this builder
         */
        public Builder content(@Nullable String content) {
            this.content = content;
            return this;
        }

        /**
         * Sets the finish reason.
         *
         * @param finishReason the OpenAI finish reason, or {@code null} when unknown
         * @return this builder
         */
        public Builder finishReason(@Nullable String finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the model that produced the answer
         * @return this builder
         */
        public Builder model(String model) {
            this.model = requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the input tokens.
         *
         * @param promptTokens input tokens consumed, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder promptTokens(long promptTokens) {
            if (promptTokens < 0) {
                throw new IllegalArgumentException("promptTokens must not be negative, was " + promptTokens);
            }
            this.promptTokens = promptTokens;
            return this;
        }

        /**
         * Sets the output tokens.
         *
         * @param completionTokens output tokens produced, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder completionTokens(long completionTokens) {
            if (completionTokens < 0) {
                throw new IllegalArgumentException("completionTokens must not be negative, was " + completionTokens);
            }
            this.completionTokens = completionTokens;
            return this;
        }

        /**
         * Sets the tool calls.
         *
         * @param toolCallsJson a JSON array in the OpenAI {@code tool_calls} form, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if not a JSON array
         */
        public Builder toolCallsJson(@Nullable String toolCallsJson) {
            this.toolCallsJson = toolCallsJson == null ? null : Json.canonicalArray(toolCallsJson, "tool_calls");
            return this;
        }

        /**
         * Sets the refusal.
         *
         * @param refusal the refusal message, or {@code null}
         * @return this builder
         */
        public Builder refusal(@Nullable String refusal) {
            this.refusal = refusal;
            return this;
        }

        /**
         * Builds the answer.
         *
         * @return the answer
         * @throws IllegalStateException if the model is missing
         */
        public ChatAnswer build() {
            if (model == null) {
                throw new IllegalStateException("model is required");
            }
            return new ChatAnswer(content, finishReason, model, promptTokens, completionTokens, toolCallsJson, refusal);
        }
    }
}
