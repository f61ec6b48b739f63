package dev.semcache.cache.store;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VectorStore} must show, written once; each implementation has a thin subclass.
 *
 * <p>Vectors have {@value #DIM} dimensions. Most are built from components of ±1/4, so they are unit vectors whose
 * cosine similarities are exact binary fractions (see {@link #withNegatives(int)}); thresholds can then be tested at
 * their exact boundary on any backend, even one that computes in 32-bit floats.
 *
 * <p>Subclasses supply a fresh store per test and say how time passes: in memory a fake clock is advanced, in Redis
 * real time passes and the expiry is awaited.
 */
abstract class AbstractVectorStoreContractTest {

    /** The dimension of every vector in this suite. */
    protected static final int DIM = 16;

    /** A TTL that outlives every test. */
    protected static final Duration LONG_TTL = Duration.ofHours(1);

    protected static final String NS = "tenant-a";
    protected static final String SCOPE = "scope-1";
    protected static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_123L);

    protected VectorStore store;

    /**
     * Returns a new store for one test; the suite clears and closes it afterwards.
     *
     * @return the store
     */
    protected abstract VectorStore createStore();

    /**
     * Lets time pass for the store: a fake clock moves on; against a real server this does nothing, and
     * {@link #expiryTimeout()} bounds how long expiry is awaited instead.
     *
     * @param duration how much time passes
     */
    protected abstract void advance(Duration duration);

    /**
     * Returns the TTL the expiry tests use; short for real servers, any for a fake clock.
     *
     * @return the TTL
     */
    protected Duration shortTtl() {
        return Duration.ofSeconds(2);
    }

    /**
     * Returns how long expiry is awaited after {@link #advance(Duration)} by {@link #shortTtl()}.
     *
     * @return the timeout
     */
    protected Duration expiryTimeout() {
        return Duration.ofSeconds(15);
    }

    @BeforeEach
    final void openStore() {
        store = createStore();
    }

    @AfterEach
    final void closeStore() {
        try {
            join(store.clear());
        } finally {
            store.close();
        }
    }

    // --- store and find ---------------------------------------------------------------------------------------

    @Test
    void search_sameVector_findsEntryWithSimilarityOne() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));

        List<VectorMatch> matches = join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.5)));

        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).entry()).isEqualTo(entry);
        assertThat(matches.get(0).similarity()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void findExact_afterPut_returnsEqualEntry() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(3));
        join(store.put(entry, LONG_TTL));

        Optional<CacheEntry> found = join(store.findExact(NS, entry.exactKey()));

        assertThat(found).contains(entry);
    }

    @Test
    void findExact_unknownKey_returnsEmpty() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));

        Optional<CacheEntry> found = join(store.findExact(NS, "no-such-key"));

        assertThat(found).isEmpty();
    }

    @Test
    void search_emptyStore_returnsNothing() {
        List<VectorMatch> matches = join(store.search(query(NS, SCOPE, withNegatives(0), 5, -1.0)));

        assertThat(matches).isEmpty();
    }

    @Test
    void put_sameIdTwice_replacesEntry() {
        CacheEntry first = entry("e1", NS, SCOPE, withNegatives(0));
        CacheEntry second = new CacheEntry(
                "e1", NS, SCOPE, first.exactKey(), "new prompt", withNegatives(0), "{\"v\":2}", "m2", 1, 2, CREATED, 0);
        join(store.put(first, LONG_TTL));

        join(store.put(second, LONG_TTL));

        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.5))))
                .extracting(VectorMatch::entry)
                .containsExactly(second);
        assertThat(join(store.findExact(NS, first.exactKey()))).contains(second);
    }

    // --- threshold, limit, order ------------------------------------------------------------------------------

    @Test
    void search_similarityExactlyAtMinimum_includesEntry() {
        join(store.put(entry("e75", NS, SCOPE, withNegatives(2)), LONG_TTL)); // cosine 0.75 to withNegatives(0)

        List<VectorMatch> matches = join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.75)));

        assertThat(matches).extracting(m -> m.entry().id()).containsExactly("e75");
        assertThat(matches.get(0).similarity()).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void search_similarityJustUnderMinimum_excludesEntry() {
        join(store.put(entry("e75", NS, SCOPE, withNegatives(2)), LONG_TTL)); // cosine 0.75
        join(store.put(entry("e625", NS, SCOPE, withNegatives(3)), LONG_TTL)); // cosine 0.625

        List<VectorMatch> justAbove = join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.7501)));
        List<VectorMatch> atSeventyFive = join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.75)));

        assertThat(justAbove).isEmpty();
        assertThat(atSeventyFive).extracting(m -> m.entry().id()).containsExactly("e75");
    }

    @Test
    void search_moreMatchesThanLimit_returnsMostSimilarFirst() {
        for (int negatives = 4; negatives >= 0; negatives--) {
            join(store.put(entry("n" + negatives, NS, SCOPE, withNegatives(negatives)), LONG_TTL));
        }

        List<VectorMatch> matches = join(store.search(query(NS, SCOPE, withNegatives(0), 3, 0.0)));

        assertThat(matches).extracting(m -> m.entry().id()).containsExactly("n0", "n1", "n2");
        assertThat(matches)
                .extracting(VectorMatch::similarity)
                .satisfiesExactly(
                        s -> assertThat(s).isCloseTo(1.0, within(1e-6)),
                        s -> assertThat(s).isCloseTo(0.875, within(1e-6)),
                        s -> assertThat(s).isCloseTo(0.75, within(1e-6)));
    }

    @Test
    void search_oppositeVectorAndNegativeMinimum_reportsNegativeSimilarity() {
        join(store.put(entry("opposite", NS, SCOPE, withNegatives(DIM)), LONG_TTL));

        List<VectorMatch> matches = join(store.search(query(NS, SCOPE, withNegatives(0), 5, -1.0)));

        assertThat(matches).singleElement().satisfies(m -> assertThat(m.similarity())
                .isCloseTo(-1.0, within(1e-6)));
    }

    // --- isolation --------------------------------------------------------------------------------------------

    @Test
    void search_otherScope_findsOnlyOwnScope() {
        join(store.put(entry("a", NS, "scope-a", withNegatives(0)), LONG_TTL));
        join(store.put(entry("b", NS, "scope-b", withNegatives(0)), LONG_TTL));

        List<VectorMatch> matches = join(store.search(query(NS, "scope-a", withNegatives(0), 5, 0.0)));

        assertThat(matches).extracting(m -> m.entry().id()).containsExactly("a");
    }

    @Test
    void search_scopeWithQuerySyntax_isMatchedLiterally() {
        String tricky = "a,b {c} | d* -e @f:g \"h\" \\i";
        join(store.put(entry("tricky", NS, tricky, withNegatives(0)), LONG_TTL));
        join(store.put(entry("plain", NS, "a", withNegatives(0)), LONG_TTL));

        List<VectorMatch> matches = join(store.search(query(NS, tricky, withNegatives(0), 5, 0.0)));

        assertThat(matches).extracting(m -> m.entry().id()).containsExactly("tricky");
        assertThat(matches.get(0).entry().scope()).isEqualTo(tricky);
    }

    @Test
    void search_otherNamespace_findsOnlyOwnNamespace() {
        String odd = "team blue - eu:west.1 / Tiếng Việt 日本 🙂";
        String similar = "team blue - eu:west.1";
        join(store.put(entry("odd", odd, SCOPE, withNegatives(0)), LONG_TTL));
        join(store.put(entry("similar", similar, SCOPE, withNegatives(0)), LONG_TTL));

        List<VectorMatch> inOdd = join(store.search(query(odd, SCOPE, withNegatives(0), 5, 0.0)));
        List<VectorMatch> inSimilar = join(store.search(query(similar, SCOPE, withNegatives(0), 5, 0.0)));

        assertThat(inOdd).extracting(VectorMatch::entry).containsExactly(entry("odd", odd, SCOPE, withNegatives(0)));
        assertThat(inSimilar).extracting(m -> m.entry().id()).containsExactly("similar");
    }

    @Test
    void findExact_otherNamespace_returnsEmpty() {
        CacheEntry entry = entry("e1", "ns:one", SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));

        Optional<CacheEntry> found = join(store.findExact("ns:two", entry.exactKey()));

        assertThat(found).isEmpty();
    }

    @Test
    void put_sameIdInTwoNamespaces_keepsBoth() {
        CacheEntry one = entry("same", "ns one", SCOPE, withNegatives(0));
        CacheEntry two = entry("same", "ns two", SCOPE, withNegatives(1));
        join(store.put(one, LONG_TTL));

        join(store.put(two, LONG_TTL));

        assertThat(join(store.findExact("ns one", one.exactKey()))).contains(one);
        assertThat(join(store.findExact("ns two", two.exactKey()))).contains(two);
    }

    // --- expiry -----------------------------------------------------------------------------------------------

    @Test
    void put_ttlElapsed_entryIsNeitherFoundNorSearched() {
        CacheEntry entry = entry("short", NS, SCOPE, withNegatives(0));
        CacheEntry keeper = entry("keeper", NS, SCOPE, withNegatives(1));
        join(store.put(entry, shortTtl()));
        join(store.put(keeper, LONG_TTL));
        assertThat(join(store.findExact(NS, entry.exactKey()))).contains(entry);

        advance(shortTtl());

        await().atMost(expiryTimeout()).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(join(store.findExact(NS, entry.exactKey()))).isEmpty();
            assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.0))))
                    .extracting(m -> m.entry().id())
                    .containsExactly("keeper");
        });
    }

    @Test
    void search_expiredEntriesNearerThanLiveOne_returnsOnlyLiveOne() {
        int expiring = 100;
        for (int i = 0; i < expiring; i++) {
            join(store.put(entry("s" + i, NS, SCOPE, withNegatives(0)), shortTtl()));
        }
        join(store.put(entry("keeper", NS, SCOPE, withNegatives(1)), LONG_TTL));

        advance(shortTtl());

        // Every search while the entries expire must still see the live one, not just the last.
        List<List<String>> observed = new CopyOnWriteArrayList<>();
        await().atMost(expiryTimeout()).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<String> ids = join(store.search(query(NS, SCOPE, withNegatives(0), expiring + 1, 0.0))).stream()
                    .map(m -> m.entry().id())
                    .toList();
            observed.add(ids);
            return ids.equals(List.of("keeper"));
        });
        assertThat(observed).allSatisfy(ids -> assertThat(ids).contains("keeper"));
    }

    @Test
    void linkExact_linkTtlElapsed_linkFindsNothingButEntryStays() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));
        join(store.linkExact(NS, "linked-key", "e1", shortTtl()));
        assertThat(join(store.findExact(NS, "linked-key"))).contains(entry);

        advance(shortTtl());

        await().atMost(expiryTimeout()).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        join(store.findExact(NS, "linked-key")))
                .isEmpty());
        assertThat(join(store.findExact(NS, entry.exactKey()))).contains(entry);
    }

    // --- exact keys -------------------------------------------------------------------------------------------

    @Test
    void linkExact_existingEntry_findsEntryByNewKey() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));

        join(store.linkExact(NS, "paraphrase-key", "e1", LONG_TTL));

        assertThat(join(store.findExact(NS, "paraphrase-key"))).contains(entry);
        assertThat(join(store.findExact("other", "paraphrase-key"))).isEmpty();
    }

    @Test
    void linkExact_entryRemovedLater_findsNothing() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));
        join(store.linkExact(NS, "paraphrase-key", "e1", LONG_TTL));

        join(store.remove(NS, "e1"));

        assertThat(join(store.findExact(NS, "paraphrase-key"))).isEmpty();
    }

    // --- invalidation -----------------------------------------------------------------------------------------

    @Test
    void remove_existingEntry_removesItFromSearchAndExactLookups() {
        CacheEntry gone = entry("gone", NS, SCOPE, withNegatives(0));
        CacheEntry kept = entry("kept", NS, SCOPE, withNegatives(1));
        join(store.put(gone, LONG_TTL));
        join(store.put(kept, LONG_TTL));

        boolean removed = join(store.remove(NS, "gone"));

        assertThat(removed).isTrue();
        assertThat(join(store.findExact(NS, gone.exactKey()))).isEmpty();
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 5, 0.0))))
                .extracting(m -> m.entry().id())
                .containsExactly("kept");
    }

    @Test
    void remove_missingEntry_returnsFalse() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));

        boolean removedOther = join(store.remove(NS, "no-such-id"));
        boolean removedInOtherNamespace = join(store.remove("other", "e1"));

        assertThat(removedOther).isFalse();
        assertThat(removedInOtherNamespace).isFalse();
    }

    @Test
    void removeNamespace_twoNamespaces_removesOnlyThatNamespace() {
        String doomed = "doomed ns: ünïcödé / 🙂";
        for (int i = 0; i < 3; i++) {
            join(store.put(entry("d" + i, doomed, SCOPE, withNegatives(i)), LONG_TTL));
        }
        CacheEntry survivor = entry("s0", "survivor", SCOPE, withNegatives(0));
        join(store.put(survivor, LONG_TTL));
        join(store.linkExact(doomed, "doomed-link", "d0", LONG_TTL));

        long removed = join(store.removeNamespace(doomed));

        assertThat(removed).isEqualTo(3);
        assertThat(join(store.search(query(doomed, SCOPE, withNegatives(0), 5, -1.0))))
                .isEmpty();
        assertThat(join(store.findExact(doomed, "x-d0"))).isEmpty();
        assertThat(join(store.findExact(doomed, "doomed-link"))).isEmpty();
        assertThat(join(store.findExact("survivor", survivor.exactKey()))).contains(survivor);
        assertThat(join(store.search(query("survivor", SCOPE, withNegatives(0), 5, 0.0))))
                .extracting(VectorMatch::entry)
                .containsExactly(survivor);
    }

    @Test
    void removeNamespace_moreEntriesThanOnePage_removesAllWithTheirLinks() {
        int many = 2_500; // more than one SCAN page (1000) of entries, plus as many exact keys and links
        Random random = new Random(7);
        for (int i = 0; i < many; i++) {
            join(store.put(entry("m" + i, "big ns", SCOPE, randomUnit(random)), LONG_TTL));
            join(store.linkExact("big ns", "link-" + i, "m" + i, LONG_TTL));
        }
        join(store.put(entry("other", "small ns", SCOPE, withNegatives(0)), LONG_TTL));

        long removed = join(store.removeNamespace("big ns"));

        assertThat(removed).isEqualTo(many);
        assertThat(join(store.findExact("big ns", "link-0"))).isEmpty();
        assertThat(join(store.findExact("big ns", "x-m" + (many - 1)))).isEmpty();
        assertThat(join(store.search(query("big ns", SCOPE, withNegatives(0), 10, -1.0))))
                .isEmpty();
        assertThat(join(store.findExact("small ns", "x-other"))).isPresent();
        assertThat(join(store.clear())).isEqualTo(1);
    }

    @Test
    void removeNamespace_unknownNamespace_returnsZero() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));

        long removed = join(store.removeNamespace("nobody"));

        assertThat(removed).isZero();
        assertThat(join(store.findExact(NS, "x-e1"))).isPresent();
    }

    @Test
    void clear_entriesInSeveralNamespaces_removesAllAndCountsThem() {
        join(store.put(entry("a", "ns-1", SCOPE, withNegatives(0)), LONG_TTL));
        join(store.put(entry("b", "ns-2", SCOPE, withNegatives(0)), LONG_TTL));
        join(store.put(entry("c", "ns-2", "other-scope", withNegatives(0)), LONG_TTL));

        long removed = join(store.clear());

        assertThat(removed).isEqualTo(3);
        assertThat(join(store.findExact("ns-2", "x-b"))).isEmpty();
        assertThat(join(store.search(query("ns-1", SCOPE, withNegatives(0), 5, -1.0))))
                .isEmpty();
        assertThat(join(store.clear())).isZero();
    }

    // --- hits -------------------------------------------------------------------------------------------------

    @Test
    void recordHit_threeTimes_entryReportsThreeHits() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));

        for (int i = 0; i < 3; i++) {
            join(store.recordHit(NS, "e1"));
        }

        assertThat(join(store.findExact(NS, entry.exactKey())))
                .hasValueSatisfying(e -> assertThat(e.hits()).isEqualTo(3));
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.5))))
                .singleElement()
                .satisfies(m -> assertThat(m.entry().hits()).isEqualTo(3));
    }

    @Test
    void recordHit_missingEntry_createsNothing() {
        join(store.recordHit(NS, "no-such-id"));

        long removed = join(store.clear());

        assertThat(removed).isZero();
    }

    // --- concurrency and payloads -----------------------------------------------------------------------------

    @Test
    void put_eightConcurrentWriters_everyEntryIsFindable() throws Exception {
        int threads = 8;
        int perThread = 50;
        Random random = new Random(42);
        List<CacheEntry> entries = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            entries.add(entry("c" + i, NS, SCOPE, randomUnit(random)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                List<CacheEntry> slice = entries.subList(t * perThread, (t + 1) * perThread);
                writers.add(pool.submit(() -> {
                    start.await();
                    for (CacheEntry e : slice) {
                        join(store.put(e, LONG_TTL));
                    }
                    return null;
                }));
            }

            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (CacheEntry e : entries) {
            assertThat(join(store.findExact(NS, e.exactKey()))).contains(e);
            assertThat(join(store.search(query(NS, SCOPE, e.vector(), 1, 0.99))))
                    .extracting(m -> m.entry().id())
                    .containsExactly(e.id());
        }
    }

    @Test
    void put_oneMegabytePromptAndAnswer_roundTripsExactly() {
        String prompt = repeat("Xin chào thế giới! 你好 🙂 ", 1 << 20);
        String answer = "{\"content\":\"" + repeat("Ответ — ça va? ✓ ", 1 << 20) + "\"}";
        CacheEntry big = new CacheEntry(
                "big", NS, SCOPE, "x-big", prompt, withNegatives(0), answer, "model", 300_000, 400_000, CREATED, 0);

        join(store.put(big, LONG_TTL));

        assertThat(join(store.findExact(NS, "x-big"))).contains(big);
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9))))
                .singleElement()
                .satisfies(m -> assertThat(m.entry()).isEqualTo(big));
    }

    @Test
    void put_unicodePromptAndAnswer_roundTripsExactly() {
        String prompt = "Làm thế nào để đặt vé máy bay giá rẻ? 👨‍👩‍👧‍👦🇻🇳 東京から大阪まで 北京欢迎你 서울 \u0000 tab\tnl\n";
        String answer = "{\"content\":\"Bạn nên đặt sớm ✈️ 𝄞 😀 早めに予約 提前预订\"}";
        CacheEntry entry = new CacheEntry(
                "uni", NS, SCOPE, "khóa-chính-xác-🔑", prompt, withNegatives(0), answer, "mô hình", 1, 2, CREATED, 0);

        join(store.put(entry, LONG_TTL));

        assertThat(join(store.findExact(NS, "khóa-chính-xác-🔑"))).contains(entry);
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9))))
                .singleElement()
                .satisfies(m -> assertThat(m.entry()).isEqualTo(entry));
    }

    // --- validation -------------------------------------------------------------------------------------------

    @Test
    void put_wrongDimension_throwsIllegalArgumentException() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));
        CacheEntry shorter = entry("e2", NS, SCOPE, new float[] {1f, 0f, 0f, 0f});

        assertThatThrownBy(() -> store.put(shorter, LONG_TTL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension")
                .hasMessageContaining(String.valueOf(DIM))
                .hasMessageContaining("4");
    }

    @Test
    void search_wrongDimension_throwsIllegalArgumentException() {
        join(store.put(entry("e1", NS, SCOPE, withNegatives(0)), LONG_TTL));
        VectorQuery longer = query(NS, SCOPE, new float[DIM * 2], 1, 0.0);

        assertThatThrownBy(() -> store.search(longer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
    }

    @Test
    void put_nonPositiveTtl_throwsIllegalArgumentException() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));

        assertThatThrownBy(() -> store.put(entry, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }

    @Test
    void describe_always_isNotBlank() {
        String description = store.describe();

        assertThat(description).isNotBlank();
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    /**
     * Returns a unit vector of {@value #DIM} components of ±1/4, the first {@code negatives} negative; its cosine
     * similarity to {@code withNegatives(0)} is exactly {@code 1 - negatives / 8}.
     */
    protected static float[] withNegatives(int negatives) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = i < negatives ? -0.25f : 0.25f;
        }
        return v;
    }

    protected static float[] randomUnit(Random random) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    protected static CacheEntry entry(String id, String namespace, String scope, float[] vector) {
        return new CacheEntry(
                id,
                namespace,
                scope,
                "x-" + id,
                "prompt of " + id,
                vector,
                "{\"answer\":\"" + id + "\"}",
                "gpt-test",
                12,
                34,
                CREATED,
                0);
    }

    protected static VectorQuery query(String namespace, String scope, float[] vector, int limit, double min) {
        return new VectorQuery(namespace, scope, vector, limit, min);
    }

    protected static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(60, SECONDS).join();
    }

    /** Returns {@code unit} repeated until the result holds at least {@code minBytes} UTF-8 bytes. */
    private static String repeat(String unit, int minBytes) {
        int unitBytes = unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return unit.repeat(minBytes / unitBytes + 1);
    }
}
