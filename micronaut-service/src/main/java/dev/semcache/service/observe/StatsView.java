package dev.semcache.service.observe;

import dev.semcache.cache.stats.CacheStats;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * The body of {@code GET /stats}: the service's request statistics since it started.
 *
 * @param since when counting started
 * @param total every chat completions request
 * @param models the same counts per requested model
 * @param namespaces the same counts per cache namespace (hashed credentials, never the credentials)
 * @param cache the cache core's own lookup counts
 * @since 0.1.0
 */
@Serdeable
public record StatsView(
        Instant since, Totals total, Map<String, Totals> models, Map<String, Totals> namespaces, CacheView cache) {

    /**
     * Counts of one group of requests.
     *
     * @param requests every request: hits, misses and bypasses
     * @param hits answers served from the cache
     * @param exactHits hits found by the exact key
     * @param semanticHits hits found by vector search
     * @param misses requests sent upstream after a lookup found nothing usable
     * @param bypasses requests sent upstream without a lookup
     * @param verifierRejections misses whose best candidate the verifier rejected
     * @param cacheErrors requests whose lookup failed (store or embedder) and went upstream (fail-open)
     * @param upstreamErrors requests the upstream answered with an error, did not answer, or whose stream it cut
     * @param hitRate {@code hits / (hits + misses)}; 0 when there were neither (bypasses do not count)
     * @param promptTokensSaved input tokens hits saved
     * @param completionTokensSaved output tokens hits saved
     * @param tokensSaved the sum of both
     * @param usdSaved dollars saved, for the tokens of models with a known price
     * @param tokensWithUnknownPrice saved tokens of models without a known price, missing from {@code usdSaved}
     * @param usdComplete {@code true} when every saved token had a price, so that {@code usdSaved} is complete
     * @param hitLatency end-to-end latency of hits
     * @param missLatency end-to-end latency of misses and bypasses
     * @since 0.1.0
     */
    @Serdeable
    public record Totals(
            long requests,
            long hits,
            long exactHits,
            long semanticHits,
            long misses,
            long bypasses,
            long verifierRejections,
            long cacheErrors,
            long upstreamErrors,
            double hitRate,
            long promptTokensSaved,
            long completionTokensSaved,
            long tokensSaved,
            double usdSaved,
            long tokensWithUnknownPrice,
            boolean usdComplete,
            Latency hitLatency,
            Latency missLatency) {}

    /**
     * Latency percentiles, in milliseconds, with a relative error under 5%.
     *
     * @param count how many requests were measured
     * @param p50Ms the median
     * @param p90Ms the 90th percentile
     * @param p99Ms the 99th percentile
     * @since 0.1.0
     */
    @Serdeable
    public record Latency(long count, double p50Ms, double p90Ms, double p99Ms) {
        static Latency of(long[] counts) {
            return new Latency(
                    LatencyRecorder.count(counts),
                    LatencyRecorder.quantileMillis(counts, 0.50),
                    LatencyRecorder.quantileMillis(counts, 0.90),
                    LatencyRecorder.quantileMillis(counts, 0.99));
        }
    }

    /**
     * The cache core's counts of its lookups ({@link CacheStats}).
     *
     * @param exactHits lookups answered by the exact key
     * @param semanticHits lookups answered by vector search
     * @param misses lookups that found nothing usable
     * @param bypasses requests the core did not look up
     * @param verifierRejections candidates the verifier rejected
     * @param errors store or embedder failures, each turned into a miss or an unstored answer
     * @param hitRate the core's hit rate
     * @param tokensSaved tokens the core counted as saved
     * @param usdSaved dollars the core counted as saved
     * @param lookupP50Ms the median lookup time
     * @param lookupP99Ms the 99th percentile lookup time
     * @since 0.1.0
     */
    @Serdeable
    public record CacheView(
            long exactHits,
            long semanticHits,
            long misses,
            long bypasses,
            long verifierRejections,
            long errors,
            double hitRate,
            long tokensSaved,
            double usdSaved,
            double lookupP50Ms,
            double lookupP99Ms) {
        static CacheView of(CacheStats s) {
            return new CacheView(
                    s.exactHits(),
                    s.semanticHits(),
                    s.misses(),
                    s.bypasses(),
                    s.verifierRejections(),
                    s.errors(),
                    s.hitRate(),
                    s.promptTokensSaved() + s.completionTokensSaved(),
                    s.usdSaved(),
                    s.latencyP50Nanos() / 1e6,
                    s.latencyP99Nanos() / 1e6);
        }
    }
}
