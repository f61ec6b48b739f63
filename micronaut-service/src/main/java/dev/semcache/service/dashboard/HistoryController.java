package dev.semcache.service.dashboard;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /stats/history}: the last hour of requests in 10-second slots, for the dashboard's charts.
 *
 * <p>Guarded by {@link StatsGuardFilter} like {@code GET /stats}.
 */
@Controller("/stats/history")
@Tag(name = "observability", description = "Statistics, metrics and health")
final class HistoryController {
    private final StatsHistory history;

    HistoryController(StatsHistory history) {
        this.history = requireNonNull(history, "history");
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Statistics over time",
            description = "The last hour (by default) of requests in 10-second slots, oldest first, with their sum: "
                    + "hits (exact and semantic), misses, bypasses, errors, verifier rejections, hit rate, tokens "
                    + "and dollars saved, mean latency of hits and misses. Needs the admin token when one is set.")
    @ApiResponse(responseCode = "200", description = "Every slot of the window, empty ones included")
    @ApiResponse(responseCode = "401", description = "An admin token is configured and none was presented")
    @ApiResponse(responseCode = "403", description = "A wrong admin token was presented")
    HistoryView history() {
        return history.snapshot();
    }
}
