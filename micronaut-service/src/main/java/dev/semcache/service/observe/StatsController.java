package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.SemanticCache;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /stats}: hit rate, savings, errors and latency since the service started.
 *
 * @since 0.1.0
 */
@Controller
@Tag(name = "observability", description = "Statistics, metrics and health")
final class StatsController {
    private final ServiceStats stats;
    private final SemanticCache cache;

    StatsController(ServiceStats stats, SemanticCache cache) {
        this.stats = requireNonNull(stats, "stats");
        this.cache = requireNonNull(cache, "cache");
    }

    @Get(uri = "/stats", produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cache statistics",
            description = "Hits (exact and semantic), misses, bypasses, errors, verifier rejections, hit rate, tokens "
                    + "and dollars saved (with the tokens whose price is unknown), and latency percentiles of hits "
                    + "and misses; in total, per model and per namespace, since the service started.")
    StatsView stats() {
        return stats.snapshot(cache.stats());
    }
}
