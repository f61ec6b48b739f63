package dev.semcache.service;

import static org.awaitility.Awaitility.await;

import dev.semcache.cache.ChatJson;
import dev.semcache.cache.RequestSplit;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.service.web.Tenancy;
import io.micronaut.http.HttpRequest;
import java.time.Duration;

/** Waits on the service's cache, which stores answers after they were sent. */
public final class ServiceAssertions {
    private ServiceAssertions() {}

    /** Returns the namespace the service gives a bearer credential. */
    public static String namespaceOf(ServiceFixture service, String apiKey) {
        Tenancy.Identity identity = service.bean(Tenancy.class)
                .identify(HttpRequest.GET("/")
                        .header("Authorization", "Bearer " + apiKey)
                        .getHeaders());
        return ((Tenancy.Identity.Allowed) identity).namespace();
    }

    /** Waits until the answer to a one-message request is in the store under its exact key. */
    public static void awaitStored(ServiceFixture service, String apiKey, String model, String userText) {
        String namespace = namespaceOf(service, apiKey);
        SemanticCache cache = service.bean(SemanticCache.class);
        RequestSplit split =
                cache.splitter().split(ChatJson.parseRequest(ServiceFixture.chat(model, userText, false)), namespace);
        String exactKey = ((RequestSplit.Cacheable) split).exactKey();
        VectorStore store = service.bean(VectorStore.class);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> store.findExact(namespace, exactKey)
                        .toCompletableFuture()
                        .join()
                        .isPresent());
    }
}
