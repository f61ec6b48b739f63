package dev.semcache.service.upstream;

import dev.semcache.SemcacheException;

/**
 * Thrown when the upstream could not be reached, or did not answer in time, on every allowed attempt.
 *
 * <p>The message names the upstream host and the last failure, never a credential.
 *
 * @since 0.1.0
 */
public final class UpstreamUnavailableException extends SemcacheException {
    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    /**
     * Creates an exception.
     *
     * @param message what failed, naming the host and the number of attempts
     * @param timeout whether the last failure was a timeout
     * @param cause the last failure
     */
    public UpstreamUnavailableException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /**
     * Returns whether the last failure was a timeout rather than a refused or broken connection.
     *
     * @return {@code true} for a timeout
     */
    public boolean timeout() {
        return timeout;
    }
}
