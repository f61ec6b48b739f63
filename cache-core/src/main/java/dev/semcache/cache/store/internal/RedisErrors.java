package dev.semcache.cache.store.internal;

import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.StoreUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns client exceptions into {@link StoreUnavailableException}s whose messages name the server's {@code host:port}
 * and the cause but never the password.
 *
 * <p>Stateless and thread-safe.
 */
public final class RedisErrors {

    private RedisErrors() {}

    /**
     * Returns the exception for a server that cannot be reached (refused, timed out, connection lost).
     *
     * @param config the connection configuration, for host, port and the password to scrub
     * @param cause the client's exception
     * @return {@code cannot reach Redis at host:port: cause}
     */
    public static StoreUnavailableException unreachable(RedisConnectionConfig config, Throwable cause) {
        Throwable unwrapped = unwrap(cause);
        return new StoreUnavailableException(
                "cannot reach Redis at " + config.hostAndPort() + ": " + describe(config, unwrapped), unwrapped);
    }

    /**
     * Returns the exception for a command the server answered with an error.
     *
     * @param config the connection configuration, for host, port and the password to scrub
     * @param command what was attempted, such as {@code FT.SEARCH semcache:idx:m:384}
     * @param cause the client's exception
     * @return {@code Redis at host:port failed command: cause}
     */
    public static StoreUnavailableException failed(RedisConnectionConfig config, String command, Throwable cause) {
        Throwable unwrapped = unwrap(cause);
        return new StoreUnavailableException(
                "Redis at " + config.hostAndPort() + " failed " + command + ": " + describe(config, unwrapped),
                unwrapped);
    }

    /**
     * Strips the {@link CompletionException} and {@link ExecutionException} wrappers futures add.
     *
     * @param t an exception
     * @return the first cause that is not such a wrapper
     */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The message of the exception and, when different, of its root cause, with the password masked. A root cause
     * without cause of its own but with suppressed exceptions (Jedis reports each address it tried so) is explained
     * by the first of those.
     */
    static String describe(RedisConnectionConfig config, Throwable t) {
        String text = messageOf(t);
        Throwable root = rootOf(t);
        if (root.getSuppressed().length > 0) {
            root = rootOf(root.getSuppressed()[0]);
        }
        if (root != t) {
            String rootText = messageOf(root);
            if (!text.contains(rootText)) {
                text = text + " (" + rootText + ")";
            }
        }
        String password = config.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
