package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards to a recorder and swallows what it throws, so that statistics never break a request. The first failure is
 * logged at WARN with its stack trace, later ones at DEBUG, so that a broken recorder cannot flood the log.
 */
final class GuardedStatsRecorder implements StatsRecorder {
    private static final Logger logger = LoggerFactory.getLogger(GuardedStatsRecorder.class);

    private final StatsRecorder delegate;
    private final AtomicBoolean warned = new AtomicBoolean();

    GuardedStatsRecorder(StatsRecorder delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public void exactHit() {
        try {
            delegate.exactHit();
        } catch (RuntimeException e) {
            failed("exactHit", e);
        }
    }

    @Override
    public void semanticHit(double similarity) {
        try {
            delegate.semanticHit(similarity);
        } catch (RuntimeException e) {
            failed("semanticHit", e);
        }
    }

    @Override
    public void miss() {
        try {
            delegate.miss();
        } catch (RuntimeException e) {
            failed("miss", e);
        }
    }

    @Override
    public void bypass(String reason) {
        try {
            delegate.bypass(reason);
        } catch (RuntimeException e) {
            failed("bypass", e);
        }
    }

    @Override
    public void verifierRejection(String reason) {
        try {
            delegate.verifierRejection(reason);
        } catch (RuntimeException e) {
            failed("verifierRejection", e);
        }
    }

    @Override
    public void error() {
        try {
            delegate.error();
        } catch (RuntimeException e) {
            failed("error", e);
        }
    }

    @Override
    public void lookupLatency(long nanos) {
        try {
            delegate.lookupLatency(nanos);
        } catch (RuntimeException e) {
            failed("lookupLatency", e);
        }
    }

    @Override
    public void tokensSaved(String model, long promptTokens, long completionTokens) {
        try {
            delegate.tokensSaved(model, promptTokens, completionTokens);
        } catch (RuntimeException e) {
            failed("tokensSaved", e);
        }
    }

    @Override
    public CacheStats snapshot() {
        try {
            return delegate.snapshot();
        } catch (RuntimeException e) {
            failed("snapshot", e);
            return CacheStats.empty();
        }
    }

    private void failed(String event, RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            logger.warn(
                    "Stats recorder {} threw on {}; ignored (further failures are logged at DEBUG)",
                    delegate.getClass().getName(),
                    event,
                    e);
        } else {
            logger.debug(
                    "Stats recorder {} threw on {}; ignored",
                    delegate.getClass().getName(),
                    event,
                    e);
        }
    }

    @Override
    public String toString() {
        return "guarded(" + delegate + ")";
    }
}
