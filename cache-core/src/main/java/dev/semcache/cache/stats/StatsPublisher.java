package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reports what a process's {@link StatsRecorder} counted to {@link SharedCounters}, as deltas since the last
 * successful report, so that several processes add up to one total.
 *
 * <p>Call {@link #publish()} periodically (every few seconds) and once at shutdown. A report that fails is not lost:
 * its counts are part of the next delta.
 *
 * <pre>{@code
 * StatsRecorder local = StatsRecorder.concurrent(PriceTable.defaults());
 * SemanticCache cache = SemanticCache.builder().embedder(embedder).store(store).statsRecorder(local).build();
 * StatsPublisher publisher = new StatsPublisher(local, counters, "support-bot");
 * scheduler.scheduleAtFixedRate(publisher::publish, 5, 5, TimeUnit.SECONDS);
 * CacheStats everyReplica = counters.read("support-bot").toCompletableFuture().join();
 * }</pre>
 *
 * <p>Thread-safe: concurrent calls to {@link #publish()} send each count once.
 *
 * @since 0.1.0
 */
public final class StatsPublisher {
    private final StatsRecorder source;
    private final SharedCounters target;
    private final String namespace;
    private CacheStats published = CacheStats.empty();
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /**
     * Creates a publisher.
     *
     * @param source the recorder whose snapshots are reported
     * @param target where the totals are kept
     * @param namespace the namespace whose totals grow
     */
    public StatsPublisher(StatsRecorder source, SharedCounters target, String namespace) {
        this.source = requireNonNull(source, "source");
        this.target = requireNonNull(target, "target");
        this.namespace = requireNonNull(namespace, "namespace");
    }

    /**
     * Adds what was counted since the last successful report to the shared totals.
     *
     * @return a stage completed when the report is done; it completes exceptionally, and the counts wait for the next
     *     report, when the shared counters fail
     */
    public synchronized CompletionStage<Void> publish() {
        // One report at a time, so that a slow report and the next one never send the same counts twice.
        CompletableFuture<Void> next = inFlight.handle((ignored, error) -> null).thenCompose(ignored -> send());
        inFlight = next;
        return next.copy();
    }

    private CompletableFuture<Void> send() {
        CacheStats now = source.snapshot();
        CacheStats delta;
        synchronized (this) {
            delta = now.minus(published);
        }
        if (delta.equals(CacheStats.empty())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> sent;
        try {
            sent = target.add(namespace, delta).toCompletableFuture();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.thenRun(() -> {
            synchronized (this) {
                published = now;
            }
        });
    }

    @Override
    public String toString() {
        return "StatsPublisher[namespace=" + namespace + ", target=" + target + "]";
    }
}
