package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SharedCounters} in a map of this process. */
final class InMemorySharedCounters implements SharedCounters {
    private final Map<String, CacheStats> totals = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> add(String namespace, CacheStats delta) {
        requireNonNull(namespace, "namespace");
        requireNonNull(delta, "delta");
        totals.merge(namespace, delta, CacheStats::plus);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<CacheStats> read(String namespace) {
        requireNonNull(namespace, "namespace");
        return CompletableFuture.completedFuture(totals.getOrDefault(namespace, CacheStats.empty()));
    }

    @Override
    public String toString() {
        return "SharedCounters.inMemory()";
    }
}
