package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

import dev.semcache.embeddings.TextEmbedder;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reports whether the embedding model works: it embeds a short text and checks the vector's length and norm.
 *
 * @since 0.1.0
 */
@Singleton
final class ModelHealthIndicator implements HealthIndicator {
    private final TextEmbedder embedder;
    private final ExecutorService executor;

    ModelHealthIndicator(TextEmbedder embedder, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.embedder = requireNonNull(embedder, "embedder");
        this.executor = requireNonNull(executor, "executor");
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::probe)
                .subscribeOn(Schedulers.fromExecutorService(executor))
                .onErrorResume(e -> Mono.just(HealthResult.builder("model", HealthStatus.DOWN)
                        .details(details(0))
                        .exception(e)
                        .build()));
    }

    private HealthResult probe() {
        long start = System.nanoTime();
        float[] vector = embedder.embed("semcache health check");
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        boolean ok = vector.length == embedder.dimension() && Math.abs(Math.sqrt(norm) - 1.0) < 1e-3;
        return HealthResult.builder("model", ok ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details((System.nanoTime() - start) / 1_000_000))
                .build();
    }

    private Map<String, Object> details(long latencyMs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", embedder.modelId());
        details.put("dimension", embedder.dimension());
        details.put("latencyMs", latencyMs);
        return details;
    }
}
