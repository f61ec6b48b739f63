package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.StoreUnavailableException;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fault injector: a real {@link VectorStore} behind a switch that makes every call fail the way an unreachable Redis
 * does. Not a mock; while {@link Mode#HEALTHY} every call reaches the delegate unchanged.
 */
public final class SwitchableStore implements VectorStore {

    /** How calls behave. */
    public enum Mode {
        /** Calls reach the delegate. */
        HEALTHY,
        /** Calls throw {@link StoreUnavailableException} before returning a stage. */
        THROWING,
        /** Calls return a stage completed exceptionally with {@link StoreUnavailableException}. */
        FAILED_STAGE,
        /** Calls return a stage that never completes, as a hung connection would. */
        HANGING
    }

    private final VectorStore delegate;
    private volatile Mode mode = Mode.HEALTHY;
    private final AtomicInteger failures = new AtomicInteger();

    /**
     * Wraps a store.
     *
     * @param delegate the real store
     */
    public SwitchableStore(VectorStore delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /**
     * Sets how later calls behave.
     *
     * @param mode the mode
     */
    public void mode(Mode mode) {
        this.mode = requireNonNull(mode, "mode");
    }

    /**
     * Returns how many calls were made to fail.
     *
     * @return the count
     */
    public int failures() {
        return failures.get();
    }

    private <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
        switch (mode) {
            case THROWING -> {
                failures.incrementAndGet();
                throw new StoreUnavailableException("switchable store at 127.0.0.1:0 is down");
            }
            case FAILED_STAGE -> {
                failures.incrementAndGet();
                return CompletableFuture.failedFuture(
                        new StoreUnavailableException("switchable store at 127.0.0.1:0 is down"));
            }
            case HANGING -> {
                failures.incrementAndGet();
                return new CompletableFuture<>();
            }
            default -> {
                return call.get();
            }
        }
    }

    @Override
    public CompletionStage<Void> put(CacheEntry entry, Duration ttl) {
        return call(() -> delegate.put(entry, ttl));
    }

    @Override
    public CompletionStage<Void> linkExact(String namespace, String exactKey, String entryId, Duration ttl) {
        return call(() -> delegate.linkExact(namespace, exactKey, entryId, ttl));
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey) {
        return call(() -> delegate.findExact(namespace, exactKey));
    }

    @Override
    public CompletionStage<List<VectorMatch>> search(VectorQuery query) {
        return call(() -> delegate.search(query));
    }

    @Override
    public CompletionStage<Void> recordHit(String namespace, String entryId) {
        return call(() -> delegate.recordHit(namespace, entryId));
    }

    @Override
    public CompletionStage<Boolean> remove(String namespace, String entryId) {
        return call(() -> delegate.remove(namespace, entryId));
    }

    @Override
    public CompletionStage<Long> removeNamespace(String namespace) {
        return call(() -> delegate.removeNamespace(namespace));
    }

    @Override
    public CompletionStage<Long> clear() {
        return call(delegate::clear);
    }

    @Override
    public String describe() {
        return "switchable(" + delegate.describe() + ")";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
