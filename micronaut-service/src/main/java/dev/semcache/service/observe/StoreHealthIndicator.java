package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.VectorStore;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reports whether the vector store answers: one exact-key lookup of a key that never exists.
 *
 * <p>The cache fails open, so a store that is down degrades the service (every request is a miss) rather than
 * breaking it; the indicator still reports {@code DOWN} so that an operator sees it.
 *
 * @since 0.1.0
 */
@Singleton
final class StoreHealthIndicator implements HealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final VectorStore store;

    StoreHealthIndicator(VectorStore store) {
        this.store = requireNonNull(store, "store");
    }

    @Override
    public Publisher<HealthResult> getResult() {
        long start = System.nanoTime();
        return Mono.fromCompletionStage(() -> store.findExact("semcache-health", "probe"))
                .timeout(TIMEOUT)
                .map(found -> result(HealthStatus.UP, start, null))
                .onErrorResume(e -> Mono.just(result(HealthStatus.DOWN, start, e)));
    }

    private HealthResult result(HealthStatus status, long start, Throwable error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("store", store.describe());
        details.put("latencyMs", (System.nanoTime() - start) / 1_000_000);
        HealthResult.Builder builder = HealthResult.builder("store", status).details(details);
        if (error != null) {
            builder.exception(error);
        }
        return builder.build();
    }
}
