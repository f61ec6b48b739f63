package dev.semcache.cache.store;

import dev.semcache.SemcacheException;

/**
 * Thrown (or used to complete a stage exceptionally) when a vector store cannot be reached or answers with an error.
 *
 * <p>The message names the store's host and the cause, never a password.
 *
 * @since 0.1.0
 */
public class StoreUnavailableException extends SemcacheException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed, naming the host
     * @param cause the underlying failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception without a cause.
     *
     * @param message what failed, naming the host
     */
    public StoreUnavailableException(String message) {
        super(message);
    }
}
