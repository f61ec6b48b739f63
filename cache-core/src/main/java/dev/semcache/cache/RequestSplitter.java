package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a chat request into its <em>scope</em>, which must match exactly for a cached answer to be reused, and its
 * <em>semantic text</em>, which only has to mean the same.
 *
 * <p><b>Scope.</b> Everything that can change the answer except the semantic text: the namespace, the model, every
 * system or developer message, the earlier turns of the conversation (role, text, name, tool calls and tool call ids),
 * the name of the last user message, {@code temperature}, {@code top_p}, {@code n}, {@code stop}, {@code seed}, the
 * penalties, {@code tools}, {@code tool_choice}, {@code response_format}, {@code logit_bias} and every parameter
 * without a typed field ({@link ChatRequest#otherParams()}). Left out are only {@code max_tokens} and
 * {@code max_completion_tokens} (the cache checks them against the stored answer's length instead), {@code stream},
 * {@code stream_options} and {@code user}. The scope is written as canonical JSON (object keys sorted, numbers
 * without trailing zeros) and hashed with SHA-256 into 64 lower-case hex digits. Two requests whose scopes differ
 * never share an answer.
 *
 * <p><b>Semantic text.</b> By default the text of the last message, which must be from the user. With {@code
 * semanticTurns(n)} for {@code n > 1}, the last {@code n} user messages and every non-system message between them,
 * each written as {@code role: text} on its own line; the messages before them stay in the scope.
 *
 * <p><b>Exact key.</b> SHA-256 of the scope and the normalised semantic text. Normalisation applies Unicode NFKC,
 * trims, collapses every run of white space into one space and lower-cases (locale-independent). It keeps
 * punctuation and digits: "3 ideas" and "10 ideas" are different keys, and so are "why?" and "why!".
 *
 * <p><b>Bypass.</b> A request is not cacheable ({@link RequestSplit.Bypass}) when its last message is not from the
 * user, any message has content other than text, the semantic text is blank or longer than {@code maxTextLength}
 * characters, it asks for {@code n > 1} choices, for {@code logprobs}, or for audio output.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RequestSplitter {
    /** The default {@link Builder#maxTextLength(int)}: 16,384 characters. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 16_384;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SCOPE_VERSION = 1;

    private final int semanticTurns;
    private final int maxTextLength;

    private RequestSplitter(int semanticTurns, int maxTextLength) {
        this.semanticTurns = semanticTurns;
        this.maxTextLength = maxTextLength;
    }

    /**
     * Returns a splitter with the defaults: the last user message is the semantic text, at most
     * {@value #DEFAULT_MAX_TEXT_LENGTH} characters.
     *
     * @return the splitter
     */
    public static RequestSplitter defaults() {
        return new RequestSplitter(1, DEFAULT_MAX_TEXT_LENGTH);
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many trailing user turns form the semantic text.
     *
     * @return the number of turns, at least one
     */
    public int semanticTurns() {
        return semanticTurns;
    }

    /**
     * Returns the longest semantic text, in characters, that is cached.
     *
     * @return the length, positive
     */
    public int maxTextLength() {
        return maxTextLength;
    }

    /**
     * Splits a request.
     *
     * @param request the request
     * @param namespace the namespace it belongs to, part of the scope
     * @return the parts, or why the request is not cacheable
     */
    public RequestSplit split(ChatRequest request, String namespace) {
        requireNonNull(request, "request");
        requireNonNull(namespace, "namespace");
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        if (!last.role().equals(ChatMessage.USER)) {
            return new RequestSplit.Bypass(BypassReason.LAST_MESSAGE_NOT_USER);
        }
        for (ChatMessage m : messages) {
            if (!m.textOnly()) {
                return new RequestSplit.Bypass(BypassReason.NON_TEXT_CONTENT);
            }
        }
        if (request.n() != null && request.n() > 1) {
            return new RequestSplit.Bypass(BypassReason.MULTIPLE_CHOICES);
        }
        if (isTrue(request.otherParams().get("logprobs"))) {
            return new RequestSplit.Bypass(BypassReason.LOGPROBS);
        }
        if (request.otherParams().containsKey("audio")
                || mentionsAudio(request.otherParams().get("modalities"))) {
            return new RequestSplit.Bypass(BypassReason.AUDIO_OUTPUT);
        }

        int windowStart = windowStart(messages);
        ObjectNode scope = Json.NODES.objectNode();
        scope.put("v", SCOPE_VERSION);
        scope.put("namespace", namespace);
        scope.put("model", request.model());
        ArrayNode context = scope.putArray("context");
        ArrayNode window = scope.putArray("window");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (i < windowStart || m.isSystem()) {
                context.add(messageNode(m, true));
            } else {
                // The window's text is the semantic text; its structure (names, tool calls) stays in the scope.
                window.add(messageNode(m, false));
                if (semanticTurns == 1) {
                    text.append(m.text());
                } else {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(m.role()).append(": ").append(m.text());
                }
            }
        }
        String semanticText = text.toString();
        if (semanticText.isBlank() || (semanticTurns > 1 && last.text().isBlank())) {
            return new RequestSplit.Bypass(BypassReason.EMPTY_TEXT);
        }
        if (semanticText.length() > maxTextLength) {
            return new RequestSplit.Bypass(BypassReason.TEXT_TOO_LONG);
        }
        putIfPresent(scope, "temperature", request.temperature());
        putIfPresent(scope, "top_p", request.topP());
        if (request.n() != null) {
            scope.put("n", request.n());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = scope.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.seed() != null) {
            scope.put("seed", request.seed());
        }
        putIfPresent(scope, "presence_penalty", request.presencePenalty());
        putIfPresent(scope, "frequency_penalty", request.frequencyPenalty());
        putJson(scope, "tools", request.toolsJson());
        putJson(scope, "tool_choice", request.toolChoiceJson());
        putJson(scope, "response_format", request.responseFormatJson());
        putJson(scope, "logit_bias", request.logitBiasJson());
        ObjectNode other = scope.putObject("other");
        request.otherParams().forEach((name, value) -> other.set(name, Json.parse(value, name)));

        String scopeHash = sha256Hex(Json.write(Json.canonical(scope)));
        String exactKey = sha256Hex(scopeHash + '\n' + normalize(semanticText));
        return new RequestSplit.Cacheable(namespace, scopeHash, semanticText, exactKey);
    }

    /**
     * Normalises text for the exact key: Unicode NFKC, trim, every run of white space collapsed into one space,
     * lower case (locale-independent). Punctuation and digits are kept.
     *
     * @param text the text
     * @return the normalised text
     */
    public static String normalize(String text) {
        requireNonNull(text, "text");
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(nfkc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Returns the index of the first message of the semantic window. */
    private int windowStart(List<ChatMessage> messages) {
        int usersSeen = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.role().equals(ChatMessage.USER)) {
                usersSeen++;
                if (usersSeen == semanticTurns) {
                    return i;
                }
            }
        }
        // Fewer user turns than asked for: the window starts at the first non-system message.
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).isSystem()) {
                return i;
            }
        }
        return messages.size() - 1;
    }

    private static ObjectNode messageNode(ChatMessage m, boolean withText) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("role", m.role());
        if (withText) {
            if (m.content() == null) {
                node.putNull("content");
            } else {
                node.put("content", m.content());
            }
        }
        if (m.name() != null) {
            node.put("name", m.name());
        }
        if (m.toolCallId() != null) {
            node.put("tool_call_id", m.toolCallId());
        }
        putJson(node, "tool_calls", m.toolCallsJson());
        return node;
    }

    private static boolean isTrue(@Nullable String json) {
        return json != null && json.equals("true");
    }

    private static boolean mentionsAudio(@Nullable String modalitiesJson) {
        if (modalitiesJson == null) {
            return false;
        }
        JsonNode node = Json.parse(modalitiesJson, "modalities");
        for (JsonNode m : node) {
            if (m.isTextual() && m.textValue().equals("audio")) {
                return true;
            }
        }
        return false;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable Double value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putJson(ObjectNode node, String field, @Nullable String json) {
        if (json != null) {
            node.set(field, Json.parse(json, field));
        }
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Fills a {@link RequestSplitter}; each setter validates at once and may be called once. Not thread-safe.
     */
    public static final class Builder {
        private int semanticTurns = -1;
        private int maxTextLength = -1;

        private Builder() {}

        /**
         * Sets how many trailing user turns form the semantic text; the default is one (the last user message).
         *
         * @param turns the number of user turns, at least one
         * @return this builder
         * @throws IllegalArgumentException if less than one
         * @throws IllegalStateException if already set
         */
        public Builder semanticTurns(int turns) {
            if (semanticTurns != -1) {
                throw new IllegalStateException("semanticTurns was already set to " + semanticTurns);
            }
            if (turns < 1) {
                throw new IllegalArgumentException("semanticTurns must be at least 1, was " + turns);
            }
            this.semanticTurns = turns;
            return this;
        }

        /**
         * Sets the longest semantic text, in characters, that is cached; longer requests bypass the cache. The default
         * is {@value RequestSplitter#DEFAULT_MAX_TEXT_LENGTH}.
         *
         * @param chars the length, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         * @throws IllegalStateException if already set
         */
        public Builder maxTextLength(int chars) {
            if (maxTextLength != -1) {
                throw new IllegalStateException("maxTextLength was already set to " + maxTextLength);
            }
            if (chars < 1) {
                throw new IllegalArgumentException("maxTextLength must be positive, was " + chars);
            }
            this.maxTextLength = chars;
            return this;
        }

        /**
         * Builds the splitter.
         *
         * @return the splitter
         */
        public RequestSplitter build() {
            return new RequestSplitter(
                    semanticTurns == -1 ? 1 : semanticTurns,
                    maxTextLength == -1 ? DEFAULT_MAX_TEXT_LENGTH : maxTextLength);
        }
    }
}
