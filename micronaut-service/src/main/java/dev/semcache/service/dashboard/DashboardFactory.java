package dev.semcache.service.dashboard;

import dev.semcache.cache.stats.PriceTable;
import dev.semcache.service.config.DashboardConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the dashboard's time series, which also observes every chat completions request. */
@Factory
final class DashboardFactory {

    @Singleton
    StatsHistory statsHistory(DashboardConfig config, PriceTable prices, Clock clock) {
        return new StatsHistory(config, prices, clock);
    }
}
