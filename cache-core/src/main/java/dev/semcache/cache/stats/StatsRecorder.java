package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

/**
 * Receives one call per cache event, to count hits, misses and the money they saved.
 *
 * <p>Every lookup ends in exactly one of {@link #exactHit()}, {@link #semanticHit(double)}, {@link #miss()} or
 * {@link #bypass(String)}, followed by {@link #lookupLatency(long)}. {@link #error()} is recorded in addition to the
 * miss a failure turns into, and {@link #verifierRejection(String)} once per candidate the verifier rejected. A hit is
 * also reported to {@link #tokensSaved(String, long, long)}.
 *
 * <p>Implementations are thread-safe, fast and should not throw; the cache runs its recorder behind {@link
 * #guarded(StatsRecorder)} so that one that throws anyway cannot break a request.
 *
 * @since 0.1.0
 */
public interface StatsRecorder {

    /** Records a hit on the exact path (no embedding computed). */
    void exactHit();

    /**
     * Records a hit on the semantic path.
     *
     * @param similarity the cosine similarity of the served entry, in [-1, 1]
     */
    void semanticHit(double similarity);

    /** Records a lookup that found nothing to serve (including one that failed and fell open). */
    void miss();

    /**
     * Records a request the cache left alone.
     *
     * @param reason the bypass reason code, such as {@code text_too_long}
     */
    void bypass(String reason);

    /**
     * Records one candidate the hit verifier rejected.
     *
     * @param reason the verdict's reason, such as {@code number}
     */
    void verifierRejection(String reason);

    /** Records a failure of the store or the embedder that the cache absorbed (it also records the miss). */
    void error();

    /**
     * Records how long one lookup took, hit or miss.
     *
     * @param nanos the duration in nanoseconds, not negative
     */
    void lookupLatency(long nanos);

    /**
     * Records the tokens a hit saved: those the original call consumed and produced.
     *
     * @param model the model that produced the cached answer
     * @param promptTokens input tokens saved
     * @param completionTokens output tokens saved
     */
    void tokensSaved(String model, long promptTokens, long completionTokens);

    /**
     * Returns a snapshot of what this recorder counted so far. Recorders that keep no counts return {@link
     * CacheStats#empty()}.
     *
     * @return the snapshot
     */
    CacheStats snapshot();

    /**
     * Returns the recorder that ignores every event, a singleton.
     *
     * @return the disabled recorder
     */
    static StatsRecorder disabled() {
        return DisabledStatsRecorder.INSTANCE;
    }

    /**
     * Returns a recorder that keeps counts in this process, pricing saved tokens with the given table.
     *
     * @param prices the price table
     * @return a new recorder
     */
    static StatsRecorder concurrent(PriceTable prices) {
        return new ConcurrentStatsRecorder(prices);
    }

    /**
     * Returns a recorder that forwards to the given one and logs and swallows whatever it throws (except {@link
     * Error}). A recorder that is already guarded, or disabled, is returned as it is: guarding never nests.
     *
     * @param delegate the recorder to guard
     * @return the guarded recorder
     */
    static StatsRecorder guarded(StatsRecorder delegate) {
        requireNonNull(delegate, "delegate");
        if (delegate instanceof GuardedStatsRecorder || delegate == DisabledStatsRecorder.INSTANCE) {
            return delegate;
        }
        return new GuardedStatsRecorder(delegate);
    }
}
