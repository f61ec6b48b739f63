package dev.semcache.embeddings;

import dev.semcache.SemcacheException;

/**
 * Thrown when text cannot be turned into a vector: the model failed to load, inference failed, or the input is not
 * embeddable (null, empty or blank text).
 *
 * @since 0.1.0
 */
public class EmbeddingException extends SemcacheException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the model or input involved
     */
    public EmbeddingException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the model or input involved
     * @param cause the underlying failure
     */
    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
