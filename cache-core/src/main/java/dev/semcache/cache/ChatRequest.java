package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion request in a provider-neutral form that follows the OpenAI chat completions wire format.
 *
 * <p>Every parameter that can change the answer is kept: the well-known ones as typed fields, every other one as
 * canonical JSON in {@link #otherParams()}, so that parameters this class does not know still separate cache scopes.
 * {@link ChatJson} converts the OpenAI JSON body to and from this type.
 *
 * <p>Instances are immutable and thread-safe; {@link #toBuilder()} makes variants.
 *
 * @since 0.1.0
 */
public final class ChatRequest {

    /** The JSON names of the parameters that have typed fields; {@link Builder#otherParam} rejects them. */
    static final Set<String> KNOWN_PARAMS = Set.of(
            "model",
            "messages",
            "temperature",
            "top_p",
            "n",
            "stop",
            "seed",
            "presence_penalty",
            "frequency_penalty",
            "max_tokens",
            "max_completion_tokens",
            "tools",
            "tool_choice",
            "response_format",
            "logit_bias",
            "user",
            "stream",
            "stream_options");

    private final String model;
    private final List<ChatMessage> messages;
    private final @Nullable Double temperature;
    private final @Nullable Double topP;
    private final @Nullable Integer n;
    private final List<String> stop;
    private final @Nullable Long seed;
    private final @Nullable Double presencePenalty;
    private final @Nullable Double frequencyPenalty;
    private final @Nullable Integer maxTokens;
    private final @Nullable Integer maxCompletionTokens;
    private final @Nullable String toolsJson;
    private final @Nullable String toolChoiceJson;
    private final @Nullable String responseFormatJson;
    private final @Nullable String logitBiasJson;
    private final @Nullable String user;
    private final boolean stream;
    private final @Nullable String streamOptionsJson;
    private final SortedMap<String, String> otherParams;

    private ChatRequest(Builder builder) {
        if (builder.model == null) {
            throw new IllegalStateException("model is required");
        }
        if (builder.messages.isEmpty()) {
            throw new IllegalStateException("messages must not be empty");
        }
        this.model = builder.model;
        this.messages = List.copyOf(builder.messages);
        this.temperature = builder.temperature;
        this.topP = builder.topP;
        this.n = builder.n;
        this.stop = List.copyOf(builder.stop);
        this.seed = builder.seed;
        this.presencePenalty = builder.presencePenalty;
        this.frequencyPenalty = builder.frequencyPenalty;
        this.maxTokens = builder.maxTokens;
        this.maxCompletionTokens = builder.maxCompletionTokens;
        this.toolsJson = builder.toolsJson;
        this.toolChoiceJson = builder.toolChoiceJson;
        this.responseFormatJson = builder.responseFormatJson;
        this.logitBiasJson = builder.logitBiasJson;
        this.user = builder.user;
        this.stream = builder.stream;
        this.streamOptionsJson = builder.streamOptionsJson;
        this.otherParams = Collections.unmodifiableSortedMap(new TreeMap<>(builder.otherParams));
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
     * Returns a builder filled with this request's values, to make a variant.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.messages.addAll(messages);
        b.temperature = temperature;
        b.topP = topP;
        b.n = n;
        b.stop.addAll(stop);
        b.seed = seed;
        b.presencePenalty = presencePenalty;
        b.frequencyPenalty = frequencyPenalty;
        b.maxTokens = maxTokens;
        b.maxCompletionTokens = maxCompletionTokens;
        b.toolsJson = toolsJson;
        b.toolChoiceJson = toolChoiceJson;
        b.responseFormatJson = responseFormatJson;
        b.logitBiasJson = logitBiasJson;
        b.user = user;
        b.stream = stream;
        b.streamOptionsJson = streamOptionsJson;
        b.otherParams.putAll(otherParams);
        return b;
    }

    /**
     * Returns the model the request asks for, as the client wrote it.
     *
     * @return the model name, not blank
     */
    public String model() {
        return model;
    }

    /**
     * Returns the conversation, oldest message first.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<ChatMessage> messages() {
        return messages;
    }

    /**
     * Returns the sampling temperature.
     *
     * @return the temperature in [0, 2], or {@code null} for the provider's default
     */
    public @Nullable Double temperature() {
        return temperature;
    }

    /**
     * Returns the nucleus sampling mass ({@code top_p}).
     *
     * @return the mass in [0, 1], or {@code null} for the provider's default
     */
    public @Nullable Double topP() {
        return topP;
    }

    /**
     * Returns how many choices the request asks for.
     *
     * @return the count, positive, or {@code null} for the default of one
     */
    public @Nullable Integer n() {
        return n;
    }

    /**
     * Returns the stop sequences.
     *
     * @return an unmodifiable list, empty when there are none
     */
    public List<String> stop() {
        return stop;
    }

    /**
     * Returns the sampling seed.
     *
     * @return the seed, or {@code null} when none was given
     */
    public @Nullable Long seed() {
        return seed;
    }

    /**
     * Returns the presence penalty.
     *
     * @return the penalty in [-2, 2], or {@code null} for the default
     */
    public @Nullable Double presencePenalty() {
        return presencePenalty;
    }

    /**
     * Returns the frequency penalty.
     *
     * @return the penalty in [-2, 2], or {@code null} for the default
     */
    public @Nullable Double frequencyPenalty() {
        return frequencyPenalty;
    }

    /**
     * Returns the legacy {@code max_tokens} limit.
     *
     * @return the most tokens the answer may have, positive, or {@code null} when unlimited
     */
    public @Nullable Integer maxTokens() {
        return maxTokens;
    }

    /**
     * Returns the {@code max_completion_tokens} limit.
     *
     * @return the most tokens the answer may have, positive, or {@code null} when unlimited
     */
    public @Nullable Integer maxCompletionTokens() {
        return maxCompletionTokens;
    }

    /**
     * Returns the limit on answer tokens that applies: {@code max_completion_tokens} when given, else
     * {@code max_tokens}.
     *
     * @return the limit in tokens, or {@code null} when unlimited
     */
    public @Nullable Integer effectiveMaxTokens() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    /**
     * Returns the tools the model may call.
     *
     * @return canonical JSON (an array), or {@code null} when none
     */
    public @Nullable String toolsJson() {
        return toolsJson;
    }

    /**
     * Returns the tool choice.
     *
     * @return canonical JSON (a string such as {@code "auto"} or an object), or {@code null} when not given
     */
    public @Nullable String toolChoiceJson() {
        return toolChoiceJson;
    }

    /**
     * Returns the requested response format.
     *
     * @return canonical JSON (an object), or {@code null} when not given
     */
    public @Nullable String responseFormatJson() {
        return responseFormatJson;
    }

    /**
     * Returns the logit bias.
     *
     * @return canonical JSON (an object of token id to bias), or {@code null} when not given
     */
    public @Nullable String logitBiasJson() {
        return logitBiasJson;
    }

    /**
     * Returns the end-user identifier. It does not change the answer and is left out of the cache scope.
     *
     * @return the identifier, or {@code null}
     */
    public @Nullable String user() {
        return user;
    }

    /**
     * Returns whether the client asked for a server-sent event stream.
     *
     * @return {@code true} for a stream
     */
    public boolean stream() {
        return stream;
    }

    /**
     * Returns the stream options, such as {@code {"include_usage":true}}.
     *
     * @return canonical JSON (an object), or {@code null} when not given
     */
    public @Nullable String streamOptionsJson() {
        return streamOptionsJson;
    }

    /**
     * Returns every other parameter of the request by its JSON name, each value as canonical JSON.
     *
     * @return an unmodifiable map sorted by name
     */
    public SortedMap<String, String> otherParams() {
        return otherParams;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatRequest other
                && model.equals(other.model)
                && messages.equals(other.messages)
                && Objects.equals(temperature, other.temperature)
                && Objects.equals(topP, other.topP)
                && Objects.equals(n, other.n)
                && stop.equals(other.stop)
                && Objects.equals(seed, other.seed)
                && Objects.equals(presencePenalty, other.presencePenalty)
                && Objects.equals(frequencyPenalty, other.frequencyPenalty)
                && Objects.equals(maxTokens, other.maxTokens)
                && Objects.equals(maxCompletionTokens, other.maxCompletionTokens)
                && Objects.equals(toolsJson, other.toolsJson)
                && Objects.equals(toolChoiceJson, other.toolChoiceJson)
                && Objects.equals(responseFormatJson, other.responseFormatJson)
                && Objects.equals(logitBiasJson, other.logitBiasJson)
                && Objects.equals(user, other.user)
                && stream == other.stream
                && Objects.equals(streamOptionsJson, other.streamOptionsJson)
                && otherParams.equals(other.otherParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, messages, temperature, maxTokens, otherParams);
    }

    @Override
    public String toString() {
        // Message text and the user id may be sensitive; keep them out of logs.
        return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", stream=" + stream + ", otherParams="
                + otherParams.keySet() + "]";
    }

    /**
     * Fills a {@link ChatRequest}. Every setter validates its value at once and throws
     * {@link IllegalArgumentException} naming the parameter; setting a value again replaces it, and {@code null}
     * clears an optional one.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Integer n;
        private final List<String> stop = new ArrayList<>();
        private @Nullable Long seed;
        private @Nullable Double presencePenalty;
        private @Nullable Double frequencyPenalty;
        private @Nullable Integer maxTokens;
        private @Nullable Integer maxCompletionTokens;
        private @Nullable String toolsJson;
        private @Nullable String toolChoiceJson;
        private @Nullable String responseFormatJson;
        private @Nullable String logitBiasJson;
        private @Nullable String user;
        private boolean stream;
        private @Nullable String streamOptionsJson;
        private final SortedMap<String, String> otherParams = new TreeMap<>();

        private Builder() {}

        /**
         * Sets the model.
         *
         * @param model the model name, not blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder model(String model) {
            requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            this.model = model;
            return this;
        }

        /**
         * Replaces the conversation.
         *
         * @param messages the messages, oldest first
         * @return this builder
         */
        public Builder messages(List<ChatMessage> messages) {
            requireNonNull(messages, "messages");
            List<ChatMessage> copy = new ArrayList<>(messages.size());
            for (ChatMessage message : messages) {
                copy.add(requireNonNull(message, "messages must not contain null"));
            }
            this.messages.clear();
            this.messages.addAll(copy);
            return this;
        }

        /**
         * Appends one message to the conversation.
         *
         * @param message the message
         * @return this builder
         */
        public Builder addMessage(ChatMessage message) {
            messages.add(requireNonNull(message, "message"));
            return this;
        }

        /**
         * Sets the sampling temperature.
         *
         * @param temperature a value in [0, 2], or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder temperature(@Nullable Double temperature) {
            this.temperature = checkRange(temperature, 0, 2, "temperature");
            return this;
        }

        /**
         * Sets {@code top_p}.
         *
         * @param topP a value in [0, 1], or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder topP(@Nullable Double topP) {
            this.topP = checkRange(topP, 0, 1, "top_p");
            return this;
        }

        /**
         * Sets how many choices to generate.
         *
         * @param n a positive count, or {@code null} for one
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder n(@Nullable Integer n) {
            this.n = checkPositive(n, "n");
            return this;
        }

        /**
         * Replaces the stop sequences.
         *
         * @param stop the sequences, none empty; an empty list for none
         * @return this builder
         * @throws IllegalArgumentException if a sequence is empty
         */
        public Builder stop(List<String> stop) {
            requireNonNull(stop, "stop");
            for (String s : stop) {
                if (requireNonNull(s, "stop must not contain null").isEmpty()) {
                    throw new IllegalArgumentException("stop must not contain an empty sequence");
                }
            }
            this.stop.clear();
            this.stop.addAll(stop);
            return this;
        }

        /**
         * Sets the sampling seed.
         *
         * @param seed the seed, or {@code null} for none
         * @return this builder
         */
        public Builder seed(@Nullable Long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the presence penalty.
         *
         * @param presencePenalty a value in [-2, 2], or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder presencePenalty(@Nullable Double presencePenalty) {
            this.presencePenalty = checkRange(presencePenalty, -2, 2, "presence_penalty");
            return this;
        }

        /**
         * Sets the frequency penalty.
         *
         * @param frequencyPenalty a value in [-2, 2], or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
            this.frequencyPenalty = checkRange(frequencyPenalty, -2, 2, "frequency_penalty");
            return this;
        }

        /**
         * Sets the legacy {@code max_tokens} limit.
         *
         * @param maxTokens a positive number of tokens, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = checkPositive(maxTokens, "max_tokens");
            return this;
        }

        /**
         * Sets the {@code max_completion_tokens} limit.
         *
         * @param maxCompletionTokens a positive number of tokens, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
            this.maxCompletionTokens = checkPositive(maxCompletionTokens, "max_completion_tokens");
            return this;
        }

        /**
         * Sets the tools.
         *
         * @param toolsJson a JSON array, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if not a JSON array
         */
        public Builder toolsJson(@Nullable String toolsJson) {
            this.toolsJson = toolsJson == null ? null : Json.canonicalArray(toolsJson, "tools");
            return this;
        }

        /**
         * Sets the tool choice.
         *
         * @param toolChoiceJson JSON: a string such as {@code "auto"} or an object; {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if not valid JSON
         */
        public Builder toolChoiceJson(@Nullable String toolChoiceJson) {
            this.toolChoiceJson = toolChoiceJson == null ? null : Json.canonical(toolChoiceJson, "tool_choice");
            return this;
        }

        /**
         * Sets the response format.
         *
         * @param responseFormatJson a JSON object such as {@code {"type":"json_object"}}, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if not a JSON object
         */
        public Builder responseFormatJson(@Nullable String responseFormatJson) {
            this.responseFormatJson =
                    responseFormatJson == null ? null : Json.canonicalObject(responseFormatJson, "response_format");
            return this;
        }

        /**
         * Sets the logit bias.
         *
         * @param logitBiasJson a JSON object of token id to bias, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if not a JSON object
         */
        public Builder logitBiasJson(@Nullable String logitBiasJson) {
            this.logitBiasJson = logitBiasJson == null ? null : Json.canonicalObject(logitBiasJson, "logit_bias");
            return this;
        }

        /**
         * Sets the end-user identifier.
         *
         * @param user the identifier, or {@code null}
         * @return this builder
         */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets whether the answer is streamed.
         *
         * @param stream {@code true} for server-sent events
         * @return this builder
         */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * Sets the stream options.
         *
         * @param streamOptionsJson a JSON object such as {@code {"include_usage":true}}, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if not a JSON object
         */
        public Builder streamOptionsJson(@Nullable String streamOptionsJson) {
            this.streamOptionsJson =
                    streamOptionsJson == null ? null : Json.canonicalObject(streamOptionsJson, "stream_options");
            return this;
        }

        /**
         * Sets a parameter without a typed field, such as {@code reasoning_effort} or {@code top_k}.
         *
         * @param name the parameter's JSON name
         * @param valueJson its value as JSON, stored in canonical form; {@code null} removes the parameter
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or has a typed setter, or the value is not JSON
         */
        public Builder otherParam(String name, @Nullable String valueJson) {
            requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("parameter name must not be blank");
            }
            if (KNOWN_PARAMS.contains(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' has its own setter; use it instead");
            }
            if (valueJson == null) {
                otherParams.remove(name);
            } else {
                otherParams.put(name, Json.canonical(valueJson, name));
            }
            return this;
        }

        /**
         * Replaces every parameter without a typed field.
         *
         * @param params parameter JSON name to value JSON
         * @return this builder
         * @throws IllegalArgumentException as {@link #otherParam} does
         */
        public Builder otherParams(Map<String, String> params) {
            requireNonNull(params, "params");
            otherParams.clear();
            params.forEach(this::otherParam);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if the model or the messages are missing
         */
        public ChatRequest build() {
            return new ChatRequest(this);
        }

        private static @Nullable Double checkRange(@Nullable Double value, double min, double max, String name) {
            if (value != null && !(value >= min && value <= max)) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
            }
            return value;
        }

        private static @Nullable Integer checkPositive(@Nullable Integer value, String name) {
            if (value != null && value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
