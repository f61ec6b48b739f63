package dev.semcache.bench.replay;

import dev.semcache.bench.report.Samples;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * The named metrics of one replay, filled as events are served. A <em>right</em> hit served the answer of the same
 * prompt or of one the labels say means the same; a <em>wrong</em> hit one a label-0 row says differs; an
 * <em>unlabelled</em> hit one the labels say nothing about (counted apart, and not as right).
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ReplayStats {

    /** Counts for one kind of event. */
    public static final class KindCounts {
        long events;
        long exactHits;
        long semanticHits;
        long rightHits;
        long wrongHits;
        long unlabelledHits;

        /**
         * Returns the events of this kind.
         *
         * @return the events of this kind
         */
        public long events() {
            return events;
        }

        /**
         * Returns the hits, exact and semantic.
         *
         * @return the hits, exact and semantic
         */
        public long hits() {
            return exactHits + semanticHits;
        }

        /**
         * Returns the exact-path hits.
         *
         * @return the exact-path hits
         */
        public long exactHits() {
            return exactHits;
        }

        /**
         * Returns the semantic-path hits.
         *
         * @return the semantic-path hits
         */
        public long semanticHits() {
            return semanticHits;
        }

        /**
         * Returns the hits that served a right answer.
         *
         * @return the hits that served a right answer
         */
        public long rightHits() {
            return rightHits;
        }

        /**
         * Returns the hits that served an answer a label-0 row marks as different.
         *
         * @return the hits that served an answer a label-0 row marks as different
         */
        public long wrongHits() {
            return wrongHits;
        }

        /**
         * Returns the hits whose served prompt the labels say nothing about.
         *
         * @return the hits whose served prompt the labels say nothing about
         */
        public long unlabelledHits() {
            return unlabelledHits;
        }

        /**
         * Returns hits over events, 0 when there was no event.
         *
         * @return hits over events, 0 when there was no event
         */
        public double hitRate() {
            return events == 0 ? 0 : (double) hits() / events;
        }
    }

    final Map<EventKind, KindCounts> kinds = new EnumMap<>(EventKind.class);
    final Samples hitLatency = new Samples();
    final Samples missOverhead = new Samples();
    final Samples upstreamLatency = new Samples();
    final BitSet hitTimeline = new BitSet();
    long events;
    long promptTokensSaved;
    long completionTokensSaved;
    long nanoUsdSaved;
    long nanoUsdSavedOnBadHits;
    long promptTokensSpent;
    long completionTokensSpent;
    long nanoUsdSpent;
    long wallNanos;

    ReplayStats() {
        for (EventKind kind : EventKind.values()) {
            kinds.put(kind, new KindCounts());
        }
    }

    /**
     * Returns the events replayed.
     *
     * @return the events replayed
     */
    public long events() {
        return events;
    }

    /**
     * Returns the counts of one kind of event.
     *
     * @return the counts of one kind of event
     */
    public KindCounts kind(EventKind kind) {
        return kinds.get(kind);
    }

    /**
     * Returns the counts over every kind.
     *
     * @return the counts over every kind
     */
    public KindCounts total() {
        KindCounts total = new KindCounts();
        for (KindCounts k : kinds.values()) {
            total.events += k.events;
            total.exactHits += k.exactHits;
            total.semanticHits += k.semanticHits;
            total.rightHits += k.rightHits;
            total.wrongHits += k.wrongHits;
            total.unlabelledHits += k.unlabelledHits;
        }
        return total;
    }

    /**
     * Returns the latency of hits: the whole call, which is the lookup alone.
     *
     * @return the latency of hits: the whole call, which is the lookup alone
     */
    public Samples hitLatency() {
        return hitLatency;
    }

    /**
     * Returns what the cache added to misses: the whole call minus the upstream's time (lookup and store).
     *
     * @return what the cache added to misses: the whole call minus the upstream's time (lookup and store)
     */
    public Samples missOverhead() {
        return missOverhead;
    }

    /**
     * Returns the time of the upstream calls.
     *
     * @return the time of the upstream calls
     */
    public Samples upstreamLatency() {
        return upstreamLatency;
    }

    /**
     * Returns whether event {@code i} was a hit, for every event.
     *
     * @return whether event {@code i} was a hit, for every event
     */
    public BitSet hitTimeline() {
        return hitTimeline;
    }

    /**
     * Returns the prompt tokens the hits did not send upstream.
     *
     * @return the prompt tokens the hits did not send upstream
     */
    public long promptTokensSaved() {
        return promptTokensSaved;
    }

    /**
     * Returns the completion tokens the hits did not have generated.
     *
     * @return the completion tokens the hits did not have generated
     */
    public long completionTokensSaved() {
        return completionTokensSaved;
    }

    /**
     * Returns the USD the hits saved, every hit counted, in billionths.
     *
     * @return the USD the hits saved, every hit counted, in billionths
     */
    public long nanoUsdSaved() {
        return nanoUsdSaved;
    }

    /**
     * Returns the part of {@link #nanoUsdSaved()} saved by wrong or unlabelled hits, in billionths.
     *
     * @return the part of {@link #nanoUsdSaved()} saved by wrong or unlabelled hits, in billionths
     */
    public long nanoUsdSavedOnBadHits() {
        return nanoUsdSavedOnBadHits;
    }

    /**
     * Returns the USD the misses cost upstream, in billionths.
     *
     * @return the USD the misses cost upstream, in billionths
     */
    public long nanoUsdSpent() {
        return nanoUsdSpent;
    }

    /**
     * Returns the prompt tokens the misses sent upstream.
     *
     * @return the prompt tokens the misses sent upstream
     */
    public long promptTokensSpent() {
        return promptTokensSpent;
    }

    /**
     * Returns the completion tokens the misses had generated.
     *
     * @return the completion tokens the misses had generated
     */
    public long completionTokensSpent() {
        return completionTokensSpent;
    }

    /**
     * Returns the wall-clock time of the replay, in nanoseconds.
     *
     * @return the wall-clock time of the replay, in nanoseconds
     */
    public long wallNanos() {
        return wallNanos;
    }
}
