package dev.semcache.cache.stats;

import java.util.concurrent.CompletionStage;

/**
 * Counters kept outside the process, such as in Redis ({@code HINCRBY semcache:stats:<namespace>}), so that several
 * replicas of an application report one total. The service provider interface behind {@link StatsPublisher}.
 *
 * <p>Each process keeps its own {@link ConcurrentStatsRecorder} and periodically {@linkplain #add adds} what it counted
 * since its last report; {@link #read} returns the sum over every process. Implementations add every count of a
 * delta, the per-model savings and the latency histogram included, saturating as {@link CacheStats#plus} does.
 *
 * <p>Implementations are thread-safe; their stages complete exceptionally when the backing store cannot be reached.
 *
 * @since 0.1.0
 */
public interface SharedCounters {

    /**
     * Adds counts to a namespace's totals.
     *
     * @param namespace the namespace whose totals grow
     * @param delta what was counted since the last report
     * @return a stage completed once the totals include the delta
     */
    CompletionStage<Void> add(String namespace, CacheStats delta);

    /**
     * Reads a namespace's totals.
     *
     * @param namespace the namespace
     * @return a stage with the totals, {@link CacheStats#empty()} when nothing was added
     */
    CompletionStage<CacheStats> read(String namespace);

    /**
     * Returns counters kept in this process's memory: for tests and for several caches in one process.
     *
     * @return new, empty counters
     */
    static SharedCounters inMemory() {
        return new InMemorySharedCounters();
    }
}
