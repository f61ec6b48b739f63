package dev.semcache.cache;

import dev.semcache.SemcacheException;

/**
 * Thrown by {@link ChatJson} when a request or response body does not follow the OpenAI chat completions wire
 * format. The message names the offending field, for example {@code messages[2].role must be a string}, and is safe to
 * return to the client in an error body; it never contains message text.
 *
 * @since 0.1.0
 */
public class ChatFormatException extends SemcacheException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong, naming the field
     */
    public ChatFormatException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what is wrong, naming the field
     * @param cause the underlying failure
     */
    public ChatFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
