package dev.semcache.cache.store.internal;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VectorStore} held in memory, searched by brute force; reached through
 * {@link dev.semcache.cache.store.VectorStores#inMemory(Clock)}.
 *
 * <p>Entries live in a concurrent map keyed by namespace and id, exact keys in another keyed by namespace and exact
 * key. A search computes the dot product of the query with every live entry of its namespace and scope. Expired
 * entries and links are never returned; they are removed when a lookup meets them and by a sweep every
 * {@value #SWEEP_EVERY_PUTS} puts, so memory does not grow with entries nobody looks up again.
 *
 * <p>Thread-safe without locks: each map operation is atomic, and a search sees every put whose stage completed
 * before the search began. Every stage returned is already completed.
 */
public final class InMemoryVectorStore implements VectorStore {

    private static final int SWEEP_EVERY_PUTS = 256;

    private final Clock clock;
    private final Map<Key, Stored> entries = new ConcurrentHashMap<>();
    private final Map<Key, Link> exactKeys = new ConcurrentHashMap<>();
    /** The vector length of every entry, set by the first put; 0 until then. */
    private final AtomicInteger dimension = new AtomicInteger();

    private final AtomicInteger putsSinceSweep = new AtomicInteger();

    /**
     * Creates an empty store.
     *
     * @param clock the clock deciding when entries expire
     */
    public InMemoryVectorStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the vector's length differs from the store's dimension, or the TTL is not
     *     positive
     */
    @Override
    public CompletionStage<Void> put(CacheEntry entry, Duration ttl) {
        requireNonNull(entry, "entry");
        checkTtl(ttl);
        float[] vector = entry.vector();
        checkDimension(vector.length, true);
        Instant expiresAt = clock.instant().plus(ttl);
        entries.put(
                new Key(entry.namespace(), entry.id()),
                new Stored(entry, vector, expiresAt, new AtomicLong(entry.hits())));
        exactKeys.put(new Key(entry.namespace(), entry.exactKey()), new Link(entry.id(), expiresAt));
        if (putsSinceSweep.incrementAndGet() >= SWEEP_EVERY_PUTS) {
            putsSinceSweep.set(0);
            sweep();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the TTL is not positive
     */
    @Override
    public CompletionStage<Void> linkExact(String namespace, String exactKey, String entryId, Duration ttl) {
        requireNonNull(namespace, "namespace");
        requireNonNull(exactKey, "exactKey");
        requireNonNull(entryId, "entryId");
        checkTtl(ttl);
        exactKeys.put(
                new Key(namespace, exactKey), new Link(entryId, clock.instant().plus(ttl)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey) {
        requireNonNull(namespace, "namespace");
        requireNonNull(exactKey, "exactKey");
        Instant now = clock.instant();
        Key linkKey = new Key(namespace, exactKey);
        Link link = exactKeys.get(linkKey);
        if (link == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (link.isExpired(now)) {
            exactKeys.remove(linkKey, link);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Stored stored = live(new Key(namespace, link.entryId()), now);
        return CompletableFuture.completedFuture(stored == null ? Optional.empty() : Optional.of(stored.snapshot()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the query vector's length differs from the store's dimension
     */
    @Override
    public CompletionStage<List<VectorMatch>> search(VectorQuery query) {
        requireNonNull(query, "query");
        float[] q = query.vector();
        checkDimension(q.length, false);
        Instant now = clock.instant();
        List<VectorMatch> matches = new ArrayList<>();
        for (Map.Entry<Key, Stored> e : entries.entrySet()) {
            Stored stored = e.getValue();
            if (!stored.entry().namespace().equals(query.namespace())
                    || !stored.entry().scope().equals(query.scope())) {
                continue;
            }
            if (stored.isExpired(now)) {
                entries.remove(e.getKey(), stored);
                continue;
            }
            if (stored.vector().length != q.length) {
                continue; // cannot happen once the dimension is fixed; kept as a guard
            }
            double similarity = dot(q, stored.vector());
            if (similarity >= query.minSimilarity()) {
                matches.add(new VectorMatch(stored.snapshot(), similarity));
            }
        }
        matches.sort(Comparator.comparingDouble(VectorMatch::similarity).reversed());
        List<VectorMatch> result =
                matches.size() > query.limit() ? List.copyOf(matches.subList(0, query.limit())) : List.copyOf(matches);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletionStage<Void> recordHit(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        Stored stored = live(new Key(namespace, entryId), clock.instant());
        if (stored != null) {
            stored.hits().incrementAndGet();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> remove(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        Stored removed = entries.remove(new Key(namespace, entryId));
        if (removed == null) {
            return CompletableFuture.completedFuture(false);
        }
        Key exact = new Key(namespace, removed.entry().exactKey());
        exactKeys.computeIfPresent(exact, (k, link) -> link.entryId().equals(entryId) ? null : link);
        return CompletableFuture.completedFuture(!removed.isExpired(clock.instant()));
    }

    @Override
    public CompletionStage<Long> removeNamespace(String namespace) {
        requireNonNull(namespace, "namespace");
        long removed = removeWhere(key -> key.namespace().equals(namespace));
        return CompletableFuture.completedFuture(removed);
    }

    @Override
    public CompletionStage<Long> clear() {
        return CompletableFuture.completedFuture(removeWhere(key -> true));
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    /** Drops every entry; the store stays usable. */
    @Override
    public void close() {
        entries.clear();
        exactKeys.clear();
    }

    @Override
    public String toString() {
        return "InMemoryVectorStore[entries=" + entries.size() + ", dimension=" + dimension.get() + "]";
    }

    /** Removes entries and links whose key matches, returning how many live entries went. */
    private long removeWhere(Predicate<Key> matches) {
        Instant now = clock.instant();
        long removed = 0;
        for (Map.Entry<Key, Stored> e : entries.entrySet()) {
            if (matches.test(e.getKey())
                    && entries.remove(e.getKey(), e.getValue())
                    && !e.getValue().isExpired(now)) {
                removed++;
            }
        }
        exactKeys.keySet().removeIf(matches);
        return removed;
    }

    private @Nullable Stored live(Key key, Instant now) {
        Stored stored = entries.get(key);
        if (stored == null) {
            return null;
        }
        if (stored.isExpired(now)) {
            entries.remove(key, stored);
            return null;
        }
        return stored;
    }

    private void sweep() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> e.getValue().isExpired(now));
        exactKeys.entrySet().removeIf(e -> e.getValue().isExpired(now));
    }

    private void checkDimension(int length, boolean fix) {
        int expected = dimension.get();
        if (expected == 0 && fix && dimension.compareAndSet(0, length)) {
            return;
        }
        expected = dimension.get();
        if (expected != 0 && expected != length) {
            throw new IllegalArgumentException(
                    "vector dimension must be " + expected + " for this store, was " + length);
        }
    }

    private static void checkTtl(Duration ttl) {
        requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private record Key(String namespace, String id) {}

    private record Link(String entryId, Instant expiresAt) {
        boolean isExpired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** An entry with its private copy of the vector, its expiry and its live hit count. */
    private record Stored(CacheEntry entry, float[] vector, Instant expiresAt, AtomicLong hits) {
        boolean isExpired(Instant now) {
            return !now.isBefore(expiresAt);
        }

        CacheEntry snapshot() {
            return entry.withHits(hits.get());
        }
    }
}
