package dev.semcache.cache.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.semcache.testing.RedisStack;
import dev.semcache.testing.RedisStackExtension;
import dev.semcache.testing.RedisTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The store contract plus what only a Redis store must show: entries outlive a store and its connections, indexes
 * are created safely by concurrent processes, an unreachable server fails fast without leaking the password.
 *
 * <p>Each concrete class uses its own random model id, so its index and keys never meet those of another test run
 * on the same server, and drops them afterwards.
 */
@RedisStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRedisVectorStoreContractTest extends AbstractVectorStoreContractTest {

    private RedisTestServer redis;
    private JedisPooled admin;
    private String modelId;
    private VectorIndexOptions options;
    private RedisConnectionConfig connection;
    private final List<VectorIndexOptions> createdIndexes = new ArrayList<>();

    /**
     * Opens a store of the implementation under test.
     *
     * @param connection where Redis is
     * @param options the index layout
     * @return the store
     */
    protected abstract VectorStore openStore(RedisConnectionConfig connection, VectorIndexOptions options);

    /**
     * Connects on first use rather than in {@code @BeforeAll}: without a server the extension then skips each test
     * with its reason, instead of aborting the class unreported.
     */
    private synchronized void connectOnce() {
        if (redis != null) {
            return;
        }
        RedisTestServer server = RedisStackExtension.server();
        redis = server;
        admin = new JedisPooled(server.url());
        modelId =
                "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        options = VectorIndexOptions.builder(modelId, DIM)
                // Far more candidates than entries: the HNSW search is exact at this size.
                .hnswEfRuntime(1000)
                .build();
        createdIndexes.add(options);
        connection = connectionTo(server, modelId);
    }

    @AfterAll
    final void dropIndexes() {
        if (admin == null) {
            return; // never connected: every test was skipped
        }
        try {
            for (VectorIndexOptions created : createdIndexes) {
                dropIndexAndKeys(created);
            }
        } finally {
            admin.close();
        }
    }

    @Override
    protected VectorStore createStore() {
        connectOnce();
        return openStore(connection, options);
    }

    @Override
    protected void advance(Duration duration) {
        // Real time passes on a real server; the expiry tests await it.
    }

    @Override
    protected Duration shortTtl() {
        return Duration.ofMillis(1500);
    }

    // --- reconnect --------------------------------------------------------------------------------------------

    @Test
    void close_thenNewStoreOnSameRedis_findsEntry() {
        CacheEntry entry = entry("durable", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));

        store.close();
        store = createStore();

        assertThat(join(store.findExact(NS, entry.exactKey()))).contains(entry);
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9))))
                .extracting(VectorMatch::entry)
                .containsExactly(entry);
    }

    @Test
    void close_whileTheConnectionIsStillBeingMade_returns() throws Exception {
        connectOnce();
        // Redis behind a link that holds back every reply until the store is closed: it never sees its connection up.
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 3; i++) {
                try (HeldLink link = new HeldLink(URI.create(redis.url()))) {
                    RedisConnectionConfig held = RedisConnectionConfig.builder(link.url(redis.url()))
                            // Short: a store that checks its connection on opening (Jedis) waits this long.
                            .commandTimeout(Duration.ofMillis(500))
                            .build();
                    VectorStore fresh = openStore(held, options);
                    Future<?> closing = closer.submit(fresh::close);
                    assertThat(closing).as("close #%d", i).succeedsWithin(Duration.ofSeconds(20));
                }
            }
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void connectionsKilledByServer_thenQueryAgain_succeeds() {
        CacheEntry entry = entry("survivor", NS, SCOPE, withNegatives(0));
        join(store.put(entry, LONG_TTL));
        assertThat(join(store.findExact(NS, entry.exactKey()))).contains(entry);

        long killed = killClients(connection.clientName());

        assertThat(killed).isPositive();
        assertThat(join(store.findExact(NS, entry.exactKey()))).contains(entry);
        assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9))))
                .extracting(VectorMatch::entry)
                .containsExactly(entry);
    }

    // --- index lifecycle --------------------------------------------------------------------------------------

    @Test
    void openStore_fourProcessesAtOnce_createOneIndexAndAllWork() throws Exception {
        VectorIndexOptions fresh = VectorIndexOptions.of(modelId + "-race", DIM);
        createdIndexes.add(fresh);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<VectorStore>> opening = new ArrayList<>();
        List<VectorStore> stores = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(() -> {
                    start.await();
                    return openStore(connection, fresh);
                }));
            }

            start.countDown();
            for (Future<VectorStore> f : opening) {
                stores.add(f.get(60, TimeUnit.SECONDS));
            }
            for (int i = 0; i < stores.size(); i++) {
                join(stores.get(i).put(entry("r" + i, NS, SCOPE, withNegatives(i)), LONG_TTL));
            }

            assertThat(admin.ftList()).contains(fresh.indexName());
            for (VectorStore s : stores) {
                assertThat(join(s.search(query(NS, SCOPE, withNegatives(0), 10, 0.0))))
                        .extracting(m -> m.entry().id())
                        .containsExactly("r0", "r1", "r2", "r3");
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(VectorStore::close);
        }
    }

    @Test
    void search_indexDroppedMeanwhile_recreatesIndexAndFindsEntriesAgain() {
        join(store.put(entry("kept", NS, SCOPE, withNegatives(0)), LONG_TTL));
        admin.ftDropIndex(options.indexName()); // keeps the documents

        List<VectorMatch> first = join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9)));

        assertThat(first.size()).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(join(store.search(query(NS, SCOPE, withNegatives(0), 1, 0.9))))
                        .extracting(m -> m.entry().id())
                        .containsExactly("kept"));
    }

    @Test
    void flatIndex_storeAndSearch_findsByExactCosine() {
        VectorIndexOptions flat = VectorIndexOptions.builder(modelId + "-flat", DIM)
                .algorithm(VectorIndexOptions.Algorithm.FLAT)
                .build();
        createdIndexes.add(flat);
        try (VectorStore flatStore = openStore(connection, flat)) {
            join(flatStore.put(entry("e75", NS, SCOPE, withNegatives(2)), LONG_TTL));
            join(flatStore.put(entry("e625", NS, SCOPE, withNegatives(3)), LONG_TTL));

            List<VectorMatch> matches = join(flatStore.search(query(NS, SCOPE, withNegatives(0), 5, 0.75)));

            assertThat(matches).extracting(m -> m.entry().id()).containsExactly("e75");
            assertThat(admin.ftInfo(flat.indexName()).toString()).contains("FLAT");
        }
    }

    // --- unreachable server -----------------------------------------------------------------------------------

    @Test
    void deadPort_lookup_failsFastWithHostAndWithoutPassword() {
        RedisConnectionConfig dead = RedisConnectionConfig.builder("redis://:sekret-pw-42@127.0.0.1:1")
                .connectTimeout(Duration.ofSeconds(1))
                .commandTimeout(Duration.ofSeconds(1))
                .build();
        AtomicReference<VectorStore> opened = new AtomicReference<>();

        CompletableFuture<Optional<CacheEntry>> lookup = CompletableFuture.supplyAsync(() -> {
                    opened.set(openStore(dead, options));
                    return opened.get().findExact(NS, "k");
                })
                .thenCompose(stage -> stage);

        try {
            assertThat(lookup)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(StoreUnavailableException.class)
                    .withMessageContaining("cannot reach Redis at 127.0.0.1:1")
                    .withMessageNotContaining("sekret");
            CompletableFuture<List<VectorMatch>> search = opened.get()
                    .search(query(NS, SCOPE, withNegatives(0), 1, 0.5))
                    .toCompletableFuture();
            assertThat(search)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(StoreUnavailableException.class)
                    .withMessageContaining("127.0.0.1:1")
                    .withMessageNotContaining("sekret");
            assertThat(opened.get().describe()).doesNotContain("sekret").contains("127.0.0.1:1");
        } finally {
            if (opened.get() != null) {
                opened.get().close();
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static RedisConnectionConfig connectionTo(RedisTestServer server, String modelId) {
        return server.connectionConfig().toBuilder()
                // A unique name lets a test kill exactly this class' connections on a shared server.
                .clientName("semcache-" + modelId)
                // Generous: the server is shared with parallel builds on small machines.
                .commandTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Kills the connections with this client name (never other clients of the shared server). */
    private long killClients(String clientName) {
        long killed = 0;
        Object list = admin.sendCommand(() -> "CLIENT".getBytes(UTF_8), "LIST");
        String text = list instanceof byte[] bytes ? new String(bytes, UTF_8) : String.valueOf(list);
        for (String line : text.split("\n")) {
            if (line.contains(" name=" + clientName + " ")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                Object n = admin.sendCommand(() -> "CLIENT".getBytes(UTF_8), "KILL", "ID", id);
                killed += n instanceof Long l ? l : 0;
            }
        }
        return killed;
    }

    private void dropIndexAndKeys(VectorIndexOptions index) {
        try {
            admin.ftDropIndexDD(index.indexName());
        } catch (JedisDataException e) {
            // Already gone (or never created): the keys below are removed all the same.
        }
        for (String prefix : Set.of(index.entryKeyPrefix(), index.exactKeyPrefix())) {
            ScanParams params = new ScanParams().match(prefix + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = admin.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    admin.unlink(page.getResult().toArray(new String[0]));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    /**
     * A loopback TCP relay to a real server that passes the client's bytes on but holds back the server's replies
     * until it is closed.
     */
    private static final class HeldLink implements AutoCloseable {
        private final ServerSocket listener;
        private final String targetHost;
        private final int targetPort;
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        HeldLink(URI target) throws IOException {
            this.targetHost = target.getHost();
            this.targetPort = target.getPort();
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "held-link-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** The given Redis URL with this relay's host and port. */
        String url(String redisUrl) {
            URI u = URI.create(redisUrl);
            String auth = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            return u.getScheme() + "://" + auth + "127.0.0.1:" + listener.getLocalPort() + path;
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(server);
                    pump(client, server, null);
                    pump(server, client, released);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void pump(Socket from, Socket to, @Nullable CountDownLatch gate) {
            Thread t = new Thread(
                    () -> {
                        byte[] buffer = new byte[8192];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                if (gate != null) {
                                    gate.await();
                                }
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException | InterruptedException ended) {
                            // either side closed
                        }
                    },
                    "held-link-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            released.countDown();
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
