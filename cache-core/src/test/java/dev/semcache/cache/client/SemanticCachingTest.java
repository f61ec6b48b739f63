package dev.semcache.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.SemanticCache;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.testing.Embedders;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class SemanticCachingTest {
    private final SemanticCache cache = SemanticCache.builder()
            .embedder(Embedders.miniLm())
            .store(VectorStores.inMemory())
            .build();
    private final AtomicInteger calls = new AtomicInteger();
    private final ChatClient upstream = request -> {
        calls.incrementAndGet();
        return ChatAnswer.of("Use the reset link on the login page.", request.model(), 30, 9);
    };

    private static ChatRequest ask(String text) {
        return ChatRequest.builder()
                .model("gpt-4.1-mini")
                .addMessage(ChatMessage.user(text))
                .build();
    }

    @Test
    void wrap_paraphrase_servedFromCache() {
        ChatClient cached = SemanticCaching.wrap(upstream, cache);

        ChatAnswer first = cached.complete(ask("How do I reset my password?"));
        ChatAnswer second = cached.complete(ask("How can I reset my password?"));

        assertThat(second).isEqualTo(first);
        assertThat(calls).hasValue(1);
        assertThat(cache.stats().semanticHits()).isEqualTo(1);
        assertThat(cache.stats().usdSaved()).isPositive();
    }

    @Test
    void wrap_twice_sameInstance_otherCacheRejected() {
        ChatClient cached = SemanticCaching.wrap(upstream, cache);
        SemanticCache other = SemanticCache.builder()
                .embedder(Embedders.miniLm())
                .store(VectorStores.inMemory())
                .build();

        assertThat(SemanticCaching.wrap(cached, cache)).isSameAs(cached);
        assertThatThrownBy(() -> SemanticCaching.wrap(cached, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already wrapped");
        assertThatThrownBy(() -> SemanticCaching.wrap(
                        cached, cache, LookupOptions.builder().namespace("x").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complete_delegateThrows_sameExceptionNothingCached() {
        RuntimeException failure = new UnsupportedOperationException("upstream said 500");
        ChatClient failing = request -> {
            calls.incrementAndGet();
            throw failure;
        };
        ChatClient cached = SemanticCaching.wrap(failing, cache);

        assertThatThrownBy(() -> cached.complete(ask("How do I reset my password?")))
                .isSameAs(failure);
        assertThatThrownBy(() -> cached.complete(ask("How do I reset my password?")))
                .isSameAs(failure);
        assertThat(calls).hasValue(2);
    }
}
