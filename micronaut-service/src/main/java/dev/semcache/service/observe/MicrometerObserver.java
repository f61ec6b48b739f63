package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.stats.ModelPrice;
import dev.semcache.cache.stats.PriceTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Records every request in Micrometer, under the names of {@link SemcacheMetric}; exists only when a
 * {@link MeterRegistry} bean does.
 *
 * @since 0.1.0
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class MicrometerObserver implements RequestObserver {
    private final MeterRegistry registry;
    private final PriceTable prices;

    MicrometerObserver(MeterRegistry registry, PriceTable prices) {
        this.registry = requireNonNull(registry, "registry");
        this.prices = requireNonNull(prices, "prices");
    }

    @Override
    public void onRequest(RequestRecord r) {
        String model = r.model();
        Timer.builder(SemcacheMetric.OPERATION_DURATION.metricName())
                .description(SemcacheMetric.OPERATION_DURATION.description())
                .tag(SemcacheMetric.TAG_OPERATION, "chat")
                .tag(SemcacheMetric.TAG_MODEL, model)
                .tag(SemcacheMetric.TAG_RESULT, r.outcome().result())
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(Math.max(0, r.latencyNanos())));
        counter(SemcacheMetric.REQUESTS, model)
                .tag(SemcacheMetric.TAG_RESULT, r.outcome().result())
                .tag(SemcacheMetric.TAG_LOOKUP, r.outcome().lookup())
                .register(registry)
                .increment();
        if (r.promptTokensSaved() > 0) {
            counter(SemcacheMetric.TOKENS_SAVED, model)
                    .tag(SemcacheMetric.TAG_TOKEN_TYPE, "input")
                    .baseUnit("tokens")
                    .register(registry)
                    .increment(r.promptTokensSaved());
        }
        if (r.completionTokensSaved() > 0) {
            counter(SemcacheMetric.TOKENS_SAVED, model)
                    .tag(SemcacheMetric.TAG_TOKEN_TYPE, "output")
                    .baseUnit("tokens")
                    .register(registry)
                    .increment(r.completionTokensSaved());
        }
        Optional<ModelPrice> price = prices.price(model);
        if (price.isPresent() && r.outcome().isHit()) {
            counter(SemcacheMetric.COST_SAVED, model)
                    .baseUnit("usd")
                    .register(registry)
                    .increment(price.get().nanoUsd(r.promptTokensSaved(), r.completionTokensSaved()) / 1e9);
        }
        if (r.cacheError()) {
            counter(SemcacheMetric.ERRORS, model)
                    .tag(SemcacheMetric.TAG_ERROR_TYPE, "cache")
                    .register(registry)
                    .increment();
        }
        if (r.upstreamError()) {
            counter(SemcacheMetric.ERRORS, model)
                    .tag(SemcacheMetric.TAG_ERROR_TYPE, "upstream")
                    .register(registry)
                    .increment();
        }
        if (r.verifierRejected()) {
            counter(SemcacheMetric.VERIFIER_REJECTIONS, model)
                    .register(registry)
                    .increment();
        }
    }

    private static Counter.Builder counter(SemcacheMetric metric, String model) {
        return Counter.builder(metric.metricName())
                .description(metric.description())
                .tag(SemcacheMetric.TAG_OPERATION, "chat")
                .tag(SemcacheMetric.TAG_MODEL, model);
    }
}
