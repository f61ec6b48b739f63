package dev.semcache.service.dashboard;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /stats/history}: the last hour of requests in 10-second slots, for the dashboard's charts.
 *
 * <p>Guarded by {@link StatsGuardFilter} like {@code GET /stats}.
 */
@Controller("/stats/history")
final class HistoryController {
    private final StatsHistory history;

    HistoryController(StatsHistory history) {
        this.history = requireNonNull(history, "history");
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HistoryView history() {
        return history.snapshot();
    }
}
