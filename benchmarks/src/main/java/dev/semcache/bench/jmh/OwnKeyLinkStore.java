package dev.semcache.bench.jmh;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store decorator for benchmarking the semantic hit path again and again: after a semantic hit the cache links the
 * request's exact key to the entry, so the same request would take the exact path next time. This decorator still
 * sends that link write to the store, with the same cost, but re-links the entry's own exact key (an idempotent
 * overwrite) instead of creating a new one. Everything else passes through unchanged.
 */
final class OwnKeyLinkStore implements VectorStore {
    private final VectorStore delegate;
    private final Map<String, String> ownExactKeys = new ConcurrentHashMap<>();

    OwnKeyLinkStore(VectorStore delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public CompletionStage<Void> put(CacheEntry entry, Duration ttl) {
        ownExactKeys.put(entry.id(), entry.exactKey());
        return delegate.put(entry, ttl);
    }

    @Override
    public CompletionStage<Void> linkExact(String namespace, String exactKey, String entryId, Duration ttl) {
        return delegate.linkExact(namespace, ownExactKeys.getOrDefault(entryId, exactKey), entryId, ttl);
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey) {
        return delegate.findExact(namespace, exactKey);
    }

    @Override
    public CompletionStage<List<VectorMatch>> search(VectorQuery query) {
        return delegate.search(query);
    }

    @Override
    public CompletionStage<Void> recordHit(String namespace, String entryId) {
        return delegate.recordHit(namespace, entryId);
    }

    @Override
    public CompletionStage<Boolean> remove(String namespace, String entryId) {
        return delegate.remove(namespace, entryId);
    }

    @Override
    public CompletionStage<Long> removeNamespace(String namespace) {
        return delegate.removeNamespace(namespace);
    }

    @Override
    public CompletionStage<Long> clear() {
        return delegate.clear();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** Does nothing: the delegate belongs to the benchmark's {@code BenchStore}. */
    @Override
    public void close() {}
}
