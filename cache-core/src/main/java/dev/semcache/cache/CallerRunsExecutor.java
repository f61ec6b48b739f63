package dev.semcache.cache;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * An executor whose tasks run on the thread that waits for a result, so that the blocking lookup does its CPU work
 * (embedding, verification) on the caller's thread even when a non-blocking store completes its stages on an I/O
 * thread. One instance serves one call.
 */
final class CallerRunsExecutor implements Executor {
    private static final Runnable WAKE_UP = () -> {};

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /**
     * Runs queued tasks until the future completes, and returns its value; {@code null} when the thread was
     * interrupted (the flag is restored) or the future failed.
     */
    <T> @Nullable T drainUntil(CompletableFuture<T> future) {
        future.whenComplete((value, error) -> tasks.add(WAKE_UP));
        while (!future.isDone()) {
            try {
                tasks.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        // Tasks queued after completion (none in practice) are dropped with this executor.
        return future.isCompletedExceptionally() ? null : future.join();
    }
}
