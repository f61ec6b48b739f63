package dev.semcache;

/**
 * Root of every exception semcache throws.
 *
 * <p>All semcache exceptions are unchecked. Narrow subclasses exist only for the cases a caller is expected to handle
 * (an embedding that failed, a store that is unavailable); messages name the setting, value or resource involved and
 * never contain credentials.
 *
 * @since 0.1.0
 */
public class SemcacheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the value or resource involved
     */
    public SemcacheException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the value or resource involved
     * @param cause the underlying failure
     */
    public SemcacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
