package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.HitKind;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Replays a {@link Workload} through a {@link SemanticCache} in front of a {@link SimulatedUpstream}, the way an
 * application using the library calls it: {@link SemanticCache#getOrCompute} for every prompt, on one thread, in
 * order.
 *
 * <p>For every event it measures the whole call and, on a miss, the upstream's part of it; it classifies a hit by the
 * prompt whose answer was served (see {@link PromptCatalog#match}); and it prices the tokens a hit saved and a miss
 * spent with the price table of the model the requests name.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ReplayRunner {

    private final SemanticCache cache;
    private final SimulatedUpstream upstream;
    private final String llmModel;
    private final @Nullable ModelPrice price;

    /**
     * Creates a runner.
     *
     * @param cache the cache under test
     * @param upstream the simulated upstream
     * @param llmModel the model every request names, such as {@code gpt-4o-mini}
     * @param prices the prices to count savings with
     */
    public ReplayRunner(SemanticCache cache, SimulatedUpstream upstream, String llmModel, PriceTable prices) {
        this.cache = requireNonNull(cache, "cache");
        this.upstream = requireNonNull(upstream, "upstream");
        this.llmModel = requireNonNull(llmModel, "llmModel");
        this.price = prices.price(llmModel).orElse(null);
    }

    /**
     * Returns whether the price table knows the model; without a price, USD figures are 0.
     *
     * @return {@code true} when priced
     */
    public boolean priced() {
        return price != null;
    }

    /**
     * Replays every event of a workload.
     *
     * @param workload the stream
     * @param progress told the number of events done after each
     * @return the metrics
     */
    public ReplayStats run(Workload workload, LongConsumer progress) {
        ReplayStats stats = new ReplayStats();
        PromptCatalog catalog = workload.catalog();
        long start = System.nanoTime();
        while (workload.hasNext()) {
            ReplayEvent event = workload.next();
            serve(event, catalog, stats);
            stats.events++;
            progress.accept(stats.events);
        }
        stats.wallNanos = System.nanoTime() - start;
        return stats;
    }

    private void serve(ReplayEvent event, PromptCatalog catalog, ReplayStats stats) {
        ChatRequest request = ChatRequest.builder()
                .model(llmModel)
                .addMessage(ChatMessage.user(event.prompt()))
                .build();
        long[] upstreamNanos = {0};
        LookupResult[] lookup = {null};
        long begin = System.nanoTime();
        ChatAnswer answer = cache.getOrCompute(
                request,
                LookupOptions.defaults(),
                r -> {
                    long t = System.nanoTime();
                    try {
                        return upstream.complete(r);
                    } finally {
                        upstreamNanos[0] = System.nanoTime() - t;
                    }
                },
                a -> a,
                hit -> {
                    lookup[0] = hit;
                    return hit.answer();
                });
        long total = System.nanoTime() - begin;

        ReplayStats.KindCounts counts = stats.kinds.get(event.kind());
        counts.events++;
        if (lookup[0] instanceof LookupResult.Hit hit) {
            stats.hitTimeline.set((int) event.sequence());
            stats.hitLatency.add(total);
            if (hit.kind() == HitKind.EXACT) {
                counts.exactHits++;
            } else {
                counts.semanticHits++;
            }
            long saved = nanoUsd(answer);
            stats.promptTokensSaved += answer.promptTokens();
            stats.completionTokensSaved += answer.completionTokens();
            stats.nanoUsdSaved += saved;
            String servedPrompt = SimulatedUpstream.promptOf(answer.content());
            int servedId = servedPrompt != null ? catalog.find(servedPrompt) : -1;
            PromptCatalog.Match match =
                    servedId >= 0 ? catalog.match(event.promptId(), servedId) : PromptCatalog.Match.UNLABELLED;
            switch (match) {
                case SAME_PROMPT, SAME_MEANING -> counts.rightHits++;
                case LABELLED_DIFFERENT -> {
                    counts.wrongHits++;
                    stats.nanoUsdSavedOnBadHits += saved;
                }
                case UNLABELLED -> {
                    counts.unlabelledHits++;
                    stats.nanoUsdSavedOnBadHits += saved;
                }
            }
        } else {
            stats.upstreamLatency.add(upstreamNanos[0]);
            stats.missOverhead.add(Math.max(0, total - upstreamNanos[0]));
            stats.promptTokensSpent += answer.promptTokens();
            stats.completionTokensSpent += answer.completionTokens();
            stats.nanoUsdSpent += nanoUsd(answer);
        }
    }

    private long nanoUsd(ChatAnswer answer) {
        return price != null ? price.nanoUsd(answer.promptTokens(), answer.completionTokens()) : 0;
    }
}
