package dev.semcache.bench.jmh;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fills a store before a trial: eight writers, each putting a slice of the entries, waiting for each put. */
final class Populate {

    /** Long enough to outlive any trial. */
    static final Duration TTL = Duration.ofHours(2);

    private static final int WRITERS = 8;

    private Populate() {}

    static void put(VectorStore store, int count, IntFunction<CacheEntry> entry) {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> slices = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int first = w;
                slices.add(pool.submit(() -> {
                    for (int i = first; i < count; i += WRITERS) {
                        store.put(entry.apply(i), TTL).toCompletableFuture().join();
                    }
                }));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling the store", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("filling the store failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
