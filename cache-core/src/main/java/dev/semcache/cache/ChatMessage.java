package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One message of a chat conversation, reduced to what decides the answer: role, text, and the few fields that tie
 * tool calls together.
 *
 * <p>Content made of parts (the OpenAI {@code content: [{"type": "text", ...}, ...]} form) is reduced to the text
 * parts joined with a line feed; when any part is not text (an image, audio, a file), {@link #textOnly()} is
 * {@code false} and the cache bypasses the request, since it cannot tell whether two images are the same.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param role who wrote the message, lower case, for example {@code system}, {@code developer}, {@code user},
 *     {@code assistant} or {@code tool}
 * @param content the text of the message; {@code null} when it has none (an assistant message with only tool calls)
 * @param textOnly {@code false} when the original message had content parts other than text, which {@code content}
 *     leaves out
 * @param name the optional participant name of the message, or {@code null}
 * @param toolCallId for a {@code tool} message, the id of the tool call it answers, or {@code null}
 * @param toolCallsJson for an {@code assistant} message, its tool calls as canonical JSON (an array), or {@code null}
 * @since 0.1.0
 */
public record ChatMessage(
        String role,
        @Nullable String content,
        boolean textOnly,
        @Nullable String name,
        @Nullable String toolCallId,
        @Nullable String toolCallsJson) {

    /** The role of system instructions. */
    public static final String SYSTEM = "system";

    /** The role OpenAI's newer models use for system instructions. */
    public static final String DEVELOPER = "developer";

    /** The role of the end user. */
    public static final String USER = "user";

    /** The role of the model's own earlier answers. */
    public static final String ASSISTANT = "assistant";

    /** The role of a tool result. */
    public static final String TOOL = "tool";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if the role is blank or not lower case, or the tool calls are not a JSON array
     */
    public ChatMessage {
        requireNonNull(role, "role");
        if (role.isBlank() || !role.equals(role.strip()) || !role.equals(role.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("role must be a non-blank lower-case word, was '" + role + "'");
        }
        if (toolCallsJson != null) {
            toolCallsJson = Json.canonicalArray(toolCallsJson, "toolCallsJson");
        }
    }

    /**
     * Returns a system message.
     *
     * @param text the instructions
     * @return the message
     */
    public static ChatMessage system(String text) {
        return new ChatMessage(SYSTEM, requireNonNull(text, "text"), true, null, null, null);
    }

    /**
     * Returns a user message.
     *
     * @param text what the user wrote
     * @return the message
     */
    public static ChatMessage user(String text) {
        return new ChatMessage(USER, requireNonNull(text, "text"), true, null, null, null);
    }

    /**
     * Returns an assistant message with text only.
     *
     * @param text the model's earlier answer
     * @return the message
     */
    public static ChatMessage assistant(String text) {
        return new ChatMessage(ASSISTANT, requireNonNull(text, "text"), true, null, null, null);
    }

    /**
     * Returns a tool result message.
     *
     * @param toolCallId the id of the tool call this answers
     * @param text the tool's output
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String text) {
        return new ChatMessage(
                TOOL, requireNonNull(text, "text"), true, null, requireNonNull(toolCallId, "toolCallId"), null);
    }

    /**
     * Returns whether this message is written by the system (roles {@code system} and {@code developer}).
     *
     * @return {@code true} for system instructions
     */
    public boolean isSystem() {
        return role.equals(SYSTEM) || role.equals(DEVELOPER);
    }

    /**
     * Returns the text of this message, or the empty string when it has none.
     *
     * @return the text, never {@code null}
     */
    public String text() {
        return content == null ? "" : content;
    }

    @Override
    public String toString() {
        // Message text may be sensitive; keep it out of logs.
        return "ChatMessage[role=" + role + ", chars=" + text().length() + ", textOnly=" + textOnly
                + (toolCallsJson == null ? "" : ", toolCalls") + "]";
    }
}
