package dev.semcache.cache;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Logs the failures of one component once per episode: the first failure after a success at WARN, the following ones
 * at DEBUG, and the first success after a failure at INFO. A cache that falls open on every request of an outage thus
 * writes two lines, not one per request.
 */
final class FailureEpisode {
    private final Logger logger;
    private final String component;
    private final AtomicBoolean failing = new AtomicBoolean();

    FailureEpisode(Logger logger, String component) {
        this.logger = logger;
        this.component = component;
    }

    void failed(String operation, Throwable error) {
        Throwable cause = unwrap(error);
        if (failing.compareAndSet(false, true)) {
            logger.warn(
                    "Semantic cache {} failed on {}: {}; serving misses until it recovers (further failures are logged"
                            + " at DEBUG)",
                    component,
                    operation,
                    describe(cause),
                    cause);
        } else {
            logger.debug("Semantic cache {} failed again on {}: {}", component, operation, describe(cause));
        }
    }

    void succeeded() {
        if (failing.get() && failing.compareAndSet(true, false)) {
            logger.info("Semantic cache {} recovered", component);
        }
    }

    boolean failing() {
        return failing.get();
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "timed out";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
