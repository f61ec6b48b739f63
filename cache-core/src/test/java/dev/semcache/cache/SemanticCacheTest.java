package dev.semcache.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import dev.semcache.cache.stats.CacheStats;
import dev.semcache.cache.stats.PriceTable;
import dev.semcache.cache.stats.StatsRecorder;
import dev.semcache.cache.store.VectorStores;
import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import dev.semcache.testing.CountingEmbedder;
import dev.semcache.testing.Embedders;
import dev.semcache.testing.LogCapture;
import dev.semcache.testing.SwitchableStore;
import dev.semcache.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class SemanticCacheTest {
    private static final String SYSTEM = "You are a helpful support agent.";
    private static final String QUESTION = "How do I reset my password?";
    private static final String PARAPHRASE = "How can I reset my password?";

    private final TestClock clock = new TestClock();
    private final SwitchableStore store = new SwitchableStore(VectorStores.inMemory(clock));
    private final CountingEmbedder embedder = new CountingEmbedder(Embedders.miniLm());

    private SemanticCache.Builder cacheBuilder() {
        return SemanticCache.builder().embedder(embedder).store(store).clock(clock);
    }

    private static ChatRequest request(String text) {
        return request("gpt-4o-mini", SYSTEM, text);
    }

    private static ChatRequest request(String model, String system, String text) {
        return ChatRequest.builder()
                .model(model)
                .addMessage(ChatMessage.system(system))
                .addMessage(ChatMessage.user(text))
                .temperature(0.0)
                .build();
    }

    private static ChatAnswer answer() {
        return ChatAnswer.of("Open Settings, choose Security, then Reset password.", "gpt-4o-mini", 1000, 500);
    }

    @Test
    void lookup_sameTextAfterStore_exactHitWithoutEmbedding() {
        SemanticCache cache = cacheBuilder().build();
        assertThat(cache.store(request(QUESTION), answer())).isTrue();
        int embeddingsAfterStore = embedder.calls();

        LookupResult result = cache.lookup(request("  how do I reset   my PASSWORD?"));

        assertThat(result).isInstanceOf(LookupResult.Hit.class);
        LookupResult.Hit hit = (LookupResult.Hit) result;
        assertThat(hit.kind()).isEqualTo(HitKind.EXACT);
        assertThat(hit.similarity()).isEqualTo(1.0);
        assertThat(hit.answer()).isEqualTo(answer());
        assertThat(hit.matchedPrompt()).isEqualTo(QUESTION);
        assertThat(embedder.calls()).isEqualTo(embeddingsAfterStore);
        assertThat(cache.stats().exactHits()).isEqualTo(1);
    }

    @Test
    void lookup_paraphrase_semanticHitThenExactHit() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());
        clock.advance(Duration.ofMinutes(5));

        LookupResult first = cache.lookup(request(PARAPHRASE));
        int embeddings = embedder.calls();
        LookupResult second = cache.lookup(request(PARAPHRASE));

        assertThat(first).isInstanceOf(LookupResult.Hit.class);
        LookupResult.Hit hit = (LookupResult.Hit) first;
        assertThat(hit.kind()).isEqualTo(HitKind.SEMANTIC);
        assertThat(hit.similarity()).isGreaterThanOrEqualTo(0.92);
        assertThat(hit.matchedPrompt()).isEqualTo(QUESTION);
        assertThat(hit.age()).isEqualTo(Duration.ofMinutes(5));
        assertThat(hit.answer().content()).isEqualTo(answer().content());
        assertThat(second).isInstanceOfSatisfying(LookupResult.Hit.class, h -> assertThat(h.kind())
                .isEqualTo(HitKind.EXACT));
        assertThat(embedder.calls()).isEqualTo(embeddings);
        CacheStats stats = cache.stats();
        assertThat(stats.semanticHits()).isEqualTo(1);
        assertThat(stats.exactHits()).isEqualTo(1);
        assertThat(stats.averageSemanticSimilarity()).isEqualTo(hit.similarity(), within(1e-9));
    }

    @Test
    void lookup_differentModel_miss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request("gpt-4o", SYSTEM, QUESTION));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null));
    }

    @Test
    void lookup_differentSystemPrompt_miss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request("gpt-4o-mini", "You are a pirate. Answer like one.", PARAPHRASE));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null));
    }

    @Test
    void lookup_unrelatedQuestion_miss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request("What is the capital of France?"));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null));
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void lookup_similarityJustBelowThreshold_missJustAbove_hit() {
        double similarity = Embedders.similarity(QUESTION, PARAPHRASE);
        SemanticCache strict = cacheBuilder()
                .similarityThreshold(Math.min(1.0, similarity + 0.001))
                .build();
        strict.store(request(QUESTION), answer());

        LookupResult belowThreshold = strict.lookup(request(PARAPHRASE));
        LookupResult aboveThreshold = strict.lookup(
                request(PARAPHRASE),
                LookupOptions.builder().similarityThreshold(similarity - 0.001).build());

        assertThat(belowThreshold).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null));
        assertThat(aboveThreshold).isInstanceOf(LookupResult.Hit.class);
    }

    @Test
    void lookup_verifierRejects_missWithVerdictAndRejectionCounted() {
        SemanticCache cache =
                cacheBuilder().verifier((q, c, s) -> Verdict.reject("number")).build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request(PARAPHRASE));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.REJECTED, Verdict.reject("number")));
        assertThat(cache.stats().verifierRejections()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void lookup_verifierThrows_countedAsRejection() {
        SemanticCache cache = cacheBuilder()
                .verifier((q, c, s) -> {
                    throw new IllegalStateException("verifier bug");
                })
                .build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request(PARAPHRASE));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.REJECTED, Verdict.reject("verifier_error")));
        assertThat(cache.stats().verifierRejections()).isEqualTo(1);
    }

    @Test
    void lookup_verifierSeesQueryAndCandidate_firstAcceptedWins() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        SemanticCache cache = cacheBuilder()
                .similarityThreshold(0.5)
                .verifier((query, candidate, similarity) -> {
                    seen.add(candidate);
                    return candidate.equals(QUESTION) ? Verdict.reject("direction") : Verdict.accept();
                })
                .build();
        cache.store(request(QUESTION), answer());
        cache.store(request("How do I reset my account password?"), ChatAnswer.of("Other.", "gpt-4o-mini", 1, 1));

        LookupResult result = cache.lookup(request(PARAPHRASE));

        assertThat(result).isInstanceOfSatisfying(LookupResult.Hit.class, hit -> assertThat(hit.matchedPrompt())
                .isEqualTo("How do I reset my account password?"));
        assertThat(seen).containsExactly(QUESTION, "How do I reset my account password?");
        assertThat(cache.stats().verifierRejections()).isEqualTo(1);
    }

    @Test
    void store_answerNotReusable_notStored() {
        SemanticCache cache = cacheBuilder().build();
        ChatAnswer good = answer();
        List<ChatAnswer> bad = List.of(
                good.toBuilder().finishReason("length").build(),
                good.toBuilder().finishReason(null).build(),
                good.toBuilder().content("  ").build(),
                good.toBuilder()
                        .content(null)
                        .refusal("I can't help with that.")
                        .build(),
                good.toBuilder()
                        .content(null)
                        .finishReason("tool_calls")
                        .toolCallsJson("[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                                + "\"arguments\":\"{}\"}}]")
                        .build());

        for (ChatAnswer answer : bad) {
            assertThat(cache.store(request(QUESTION), answer))
                    .as(answer.toString())
                    .isFalse();
            assertThat(cache.isReusable(answer)).as(answer.toString()).isFalse();
        }

        assertThat(cache.lookup(request(QUESTION))).isEqualTo(new LookupResult.Miss(MissReason.NOT_FOUND, null));
    }

    @Test
    void store_toolCallsWhenConfigured_storedAndServed() {
        SemanticCache cache = cacheBuilder().cacheToolCalls(true).build();
        ChatAnswer toolCall = answer().toBuilder()
                .content(null)
                .finishReason("tool_calls")
                .toolCallsJson("[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{}\"}}]")
                .build();

        assertThat(cache.store(request(QUESTION), toolCall)).isTrue();

        assertThat(cache.lookup(request(QUESTION)))
                .isInstanceOfSatisfying(
                        LookupResult.Hit.class, hit -> assertThat(hit.answer()).isEqualTo(toolCall));
    }

    @Test
    void lookup_maxTokensBelowCachedCompletion_miss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        LookupResult tooSmall =
                cache.lookup(request(QUESTION).toBuilder().maxTokens(499).build());
        LookupResult tooSmallParaphrase = cache.lookup(
                request(PARAPHRASE).toBuilder().maxCompletionTokens(100).build());
        LookupResult enough =
                cache.lookup(request(QUESTION).toBuilder().maxTokens(500).build());

        assertThat(tooSmall).isEqualTo(new LookupResult.Miss(MissReason.MAX_TOKENS, null));
        assertThat(tooSmallParaphrase).isEqualTo(new LookupResult.Miss(MissReason.MAX_TOKENS, null));
        assertThat(enough).isInstanceOf(LookupResult.Hit.class);
    }

    @Test
    void lookup_storeThrows_errorMissCountedAndLoggedOncePerEpisode() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());
        store.mode(SwitchableStore.Mode.THROWING);

        try (LogCapture log = LogCapture.of(SemanticCache.class)) {
            LookupResult first = cache.lookup(request(QUESTION));
            LookupResult second = cache.lookup(request(PARAPHRASE));
            boolean stored = cache.store(request("Another question?"), answer());
            store.mode(SwitchableStore.Mode.HEALTHY);
            LookupResult recovered = cache.lookup(request(QUESTION));

            assertThat(first).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
            assertThat(second).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
            assertThat(stored).isFalse();
            assertThat(recovered).isInstanceOf(LookupResult.Hit.class);
            assertThat(log.messages(Level.WARN))
                    .containsExactly("Semantic cache store failed on findExact: StoreUnavailableException: switchable"
                            + " store at 127.0.0.1:0 is down; serving misses until it recovers (further failures are"
                            + " logged at DEBUG)");
            assertThat(log.messages(Level.INFO)).containsExactly("Semantic cache store recovered");
        }
        CacheStats stats = cache.stats();
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.exactHits()).isEqualTo(1);
    }

    @Test
    void lookup_storeStageFailsDuringSearch_errorMiss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());
        store.mode(SwitchableStore.Mode.FAILED_STAGE);

        LookupResult result = cache.lookup(request(PARAPHRASE));

        assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
        assertThat(cache.stats().errors()).isEqualTo(1);
    }

    @Test
    void lookup_storeHangs_timesOutToErrorMiss() {
        SemanticCache cache = cacheBuilder().storeTimeout(Duration.ofMillis(50)).build();
        store.mode(SwitchableStore.Mode.HANGING);

        try (LogCapture log = LogCapture.of(SemanticCache.class)) {
            LookupResult result = cache.lookup(request(QUESTION));

            assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("timed out");
        }
    }

    @Test
    void lookup_closedEmbedder_errorMissCountedAndLogged() {
        OnnxTextEmbedder closed = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2);
        closed.close();
        SemanticCache cache = SemanticCache.builder()
                .embedder(closed)
                .store(store)
                .clock(clock)
                .build();

        try (LogCapture log = LogCapture.of(SemanticCache.class)) {
            LookupResult result = cache.lookup(request(QUESTION));
            boolean stored = cache.store(request(QUESTION), answer());

            assertThat(result).isEqualTo(new LookupResult.Miss(MissReason.ERROR, null));
            assertThat(stored).isFalse();
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .startsWith("Semantic cache embedder failed on embed:");
        }
        assertThat(cache.stats().errors()).isEqualTo(2);
    }

    @Test
    void stats_hitsOnPricedModel_usdSavedFromPriceTable() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        cache.lookup(request(QUESTION));
        cache.lookup(request(PARAPHRASE));
        cache.lookup(request("What is the capital of France?"));
        cache.lookup(request("gpt-4o-mini", SYSTEM, "   "));

        CacheStats stats = cache.stats();
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.bypasses()).isEqualTo(1);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.promptTokensSaved()).isEqualTo(2000);
        assertThat(stats.completionTokensSaved()).isEqualTo(1000);
        // gpt-4o-mini: 1000 x $0.15/1M + 500 x $0.60/1M = $0.00045 per hit.
        assertThat(stats.nanoUsdSaved()).isEqualTo(900_000);
        assertThat(stats.usdSaved()).isEqualTo(0.0009, within(1e-12));
        assertThat(stats.tokensWithUnknownPrice()).isZero();
        assertThat(stats.models().get("gpt-4o-mini").usdSaved()).hasValueCloseTo(0.0009, within(1e-12));
        assertThat(stats.latencyCount()).isEqualTo(4);
        assertThat(stats.latencyP99Nanos()).isPositive();
    }

    @Test
    void stats_hitOnUnknownModel_tokensCountedDollarsUnknown() {
        SemanticCache cache = cacheBuilder().build();
        ChatAnswer local = ChatAnswer.of("Local answer.", "my-local-llama", 100, 20);
        cache.store(request("my-local-llama", SYSTEM, QUESTION), local);

        cache.lookup(request("my-local-llama", SYSTEM, QUESTION));

        CacheStats stats = cache.stats();
        assertThat(stats.tokensWithUnknownPrice()).isEqualTo(120);
        assertThat(stats.nanoUsdSaved()).isZero();
        assertThat(stats.models().get("my-local-llama").usdSaved()).isEmpty();
        assertThat(stats.models().get("my-local-llama").promptTokens()).isEqualTo(100);
    }

    @Test
    void lookup_statsRecorderThrows_lookupStillAnswers() {
        StatsRecorder broken = new ThrowingRecorder();
        SemanticCache cache = cacheBuilder().statsRecorder(broken).build();
        cache.store(request(QUESTION), answer());

        LookupResult result = cache.lookup(request(QUESTION));

        assertThat(result).isInstanceOf(LookupResult.Hit.class);
        assertThat(cache.stats()).isEqualTo(CacheStats.empty());
    }

    @Test
    void getOrCompute_missThenParaphrase_computesOnceAndServesFromCache() {
        SemanticCache cache = cacheBuilder().build();
        AtomicInteger upstreamCalls = new AtomicInteger();

        ChatAnswer first = cache.getOrCompute(request(QUESTION), r -> {
            upstreamCalls.incrementAndGet();
            return answer();
        });
        ChatAnswer second = cache.getOrCompute(request(PARAPHRASE), r -> {
            upstreamCalls.incrementAndGet();
            return ChatAnswer.of("fresh", "gpt-4o-mini", 1, 1);
        });

        assertThat(upstreamCalls).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void getOrCompute_upstreamThrows_sameExceptionAndNothingStored() {
        SemanticCache cache = cacheBuilder().build();
        IllegalStateException upstreamFailure = new IllegalStateException("429 from upstream");

        assertThatThrownBy(() -> cache.getOrCompute(request(QUESTION), r -> {
                    throw upstreamFailure;
                }))
                .isSameAs(upstreamFailure);
        assertThat(cache.lookup(request(QUESTION))).isInstanceOf(LookupResult.Miss.class);
    }

    @Test
    void lookupAsync_storedAnswer_completesWithHit() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());

        LookupResult result =
                cache.lookupAsync(request(PARAPHRASE)).toCompletableFuture().join();

        assertThat(result).isInstanceOf(LookupResult.Hit.class);
    }

    @Test
    void options_noCacheSkipsLookupButStores_noStoreSkipsStore() {
        SemanticCache cache = cacheBuilder().build();
        LookupOptions noCache = LookupOptions.builder().noCache(true).build();
        LookupOptions noStore = LookupOptions.builder().noStore(true).build();

        cache.store(request(QUESTION), answer(), noStore);
        LookupResult afterNoStore = cache.lookup(request(QUESTION));
        cache.getOrCompute(request(QUESTION), noCache, r -> answer(), a -> a, LookupResult.Hit::answer);
        LookupResult skipped = cache.lookup(request(QUESTION), noCache);
        LookupResult afterNoCache = cache.lookup(request(QUESTION));

        assertThat(afterNoStore).isInstanceOf(LookupResult.Miss.class);
        assertThat(skipped).isEqualTo(new LookupResult.Bypass(BypassReason.NO_CACHE));
        assertThat(afterNoCache).isInstanceOf(LookupResult.Hit.class);
    }

    @Test
    void options_otherNamespace_neverSeesAnswer() {
        SemanticCache cache = cacheBuilder().build();
        LookupOptions tenantA = LookupOptions.builder().namespace("tenant-a").build();
        LookupOptions tenantB = LookupOptions.builder().namespace("tenant-b").build();
        cache.store(request(QUESTION), answer(), tenantA);

        assertThat(cache.lookup(request(QUESTION), tenantB)).isInstanceOf(LookupResult.Miss.class);
        assertThat(cache.lookup(request(PARAPHRASE), tenantB)).isInstanceOf(LookupResult.Miss.class);
        assertThat(cache.lookup(request(QUESTION), tenantA)).isInstanceOf(LookupResult.Hit.class);
    }

    @Test
    void ttl_expired_miss() {
        SemanticCache cache = cacheBuilder().ttl(Duration.ofHours(1)).build();
        cache.store(request(QUESTION), answer());

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(cache.lookup(request(QUESTION))).isInstanceOf(LookupResult.Miss.class);
        assertThat(cache.lookup(request(PARAPHRASE))).isInstanceOf(LookupResult.Miss.class);
    }

    @Test
    void invalidate_hitEntry_thenMiss() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(request(QUESTION), answer());
        LookupResult.Hit hit = (LookupResult.Hit) cache.lookup(request(QUESTION));

        boolean removed = cache.invalidate(hit.entryId());

        assertThat(removed).isTrue();
        assertThat(cache.lookup(request(QUESTION))).isInstanceOf(LookupResult.Miss.class);
    }

    @Test
    void invalidateNamespaceAndAll_removeEntries() {
        SemanticCache cache = cacheBuilder().build();
        cache.store(
                request(QUESTION),
                answer(),
                LookupOptions.builder().namespace("a").build());
        cache.store(request(QUESTION), answer());

        assertThat(cache.invalidateNamespace("a")).isEqualTo(1);
        assertThat(cache.invalidateAll()).isEqualTo(1);
    }

    @Test
    void invalidate_storeDown_throwsStoreUnavailable() {
        SemanticCache cache = cacheBuilder().build();
        store.mode(SwitchableStore.Mode.FAILED_STAGE);

        assertThatThrownBy(() -> cache.invalidate("x"))
                .isInstanceOf(dev.semcache.cache.store.StoreUnavailableException.class);
    }

    @Test
    void builder_badOrRepeatedSettings_messagesNameTheSetting() {
        assertThatThrownBy(() -> SemanticCache.builder().similarityThreshold(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("similarityThreshold must be a cosine similarity in [0, 1], was 1.5");
        assertThatThrownBy(() -> SemanticCache.builder().similarityThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("similarityThreshold");
        assertThatThrownBy(() -> SemanticCache.builder().ttl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttl must be positive, was PT0S");
        assertThatThrownBy(() -> SemanticCache.builder().candidates(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidates must be in [1, 100], was 0");
        assertThatThrownBy(() -> SemanticCache.builder().namespace("bad namespace"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> SemanticCache.builder().semanticTurns(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("semanticTurns");
        assertThatThrownBy(() -> SemanticCache.builder().maxTextLength(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTextLength");
        assertThatThrownBy(() -> SemanticCache.builder().candidates(3).candidates(4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("candidates was already set to 3");
        assertThatThrownBy(() -> SemanticCache.builder()
                        .statsRecorder(StatsRecorder.disabled())
                        .priceTable(PriceTable.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("priceTable conflicts with statsRecorder");
        assertThatThrownBy(() -> SemanticCache.builder().store(store).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("embedder is required");
        assertThatThrownBy(() -> SemanticCache.builder().embedder(embedder).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store is required");
    }

    @Test
    void builder_defaults_documentedValues() {
        SemanticCache cache = cacheBuilder().build();

        assertThat(cache.similarityThreshold()).isEqualTo(0.92);
        assertThat(cache.ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(cache.namespace()).isEqualTo("default");
        assertThat(cache.candidates()).isEqualTo(3);
        assertThat(cache.splitter().semanticTurns()).isEqualTo(1);
        assertThat(cache.splitter().maxTextLength()).isEqualTo(16_384);
    }

    /** A recorder whose every method throws, to show that statistics cannot break a lookup. */
    private static final class ThrowingRecorder implements StatsRecorder {
        @Override
        public void exactHit() {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void semanticHit(double similarity) {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void miss() {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void bypass(String reason) {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void verifierRejection(String reason) {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void error() {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void lookupLatency(long nanos) {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public void tokensSaved(String model, long promptTokens, long completionTokens) {
            throw new IllegalStateException("broken recorder");
        }

        @Override
        public CacheStats snapshot() {
            throw new IllegalStateException("broken recorder");
        }
    }
}
