package dev.semcache.cache.store.internal.jedis;

import static dev.semcache.cache.store.internal.RedisLayout.utf8;
import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.StoreUnavailableException;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.VectorMatch;
import dev.semcache.cache.store.VectorQuery;
import dev.semcache.cache.store.VectorStore;
import dev.semcache.cache.store.internal.RedisErrors;
import dev.semcache.cache.store.internal.RedisLayout;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.args.SortingOrder;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.search.Document;
import redis.clients.jedis.search.FTCreateParams;
import redis.clients.jedis.search.FTSearchParams;
import redis.clients.jedis.search.IndexDataType;
import redis.clients.jedis.search.SearchResult;
import redis.clients.jedis.search.schemafields.SchemaField;
import redis.clients.jedis.search.schemafields.TagField;
import redis.clients.jedis.search.schemafields.VectorField;

/**
 * A {@link VectorStore} on Redis with the Query Engine, through a pooled, blocking Jedis client; reached through
 * {@link dev.semcache.cache.store.VectorStores#jedis(RedisConnectionConfig, VectorIndexOptions)}.
 *
 * <p>Every method does its work on the calling thread, borrowing a pooled connection, and returns a completed stage.
 * A Redis failure completes the stage exceptionally with a {@link StoreUnavailableException} naming host, port and
 * cause; invalid arguments (a vector of the wrong dimension, a TTL that is not positive) throw
 * {@link IllegalArgumentException} at once. The layout is described by {@link RedisLayout}.
 *
 * <p>The index is created when the store is created; if Redis cannot be reached then, or the index is dropped later,
 * the next search creates it. Creation is idempotent and safe when several processes start at once.
 *
 * <p>Entries round-trip exactly except {@link CacheEntry#createdAt()}, stored in whole milliseconds.
 *
 * <p>Thread-safe.
 */
public final class JedisVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(JedisVectorStore.class);
    private static final int SCAN_COUNT = 1000;

    private final RedisConnectionConfig config;
    private final RedisLayout layout;
    private final JedisPooled jedis;
    private final byte[] putScript = utf8(RedisLayout.PUT_SCRIPT);
    private final byte[] hitScript = utf8(RedisLayout.HIT_SCRIPT);
    private final byte[] unlinkIfScript = utf8(RedisLayout.UNLINK_IF_SCRIPT);

    private volatile boolean indexReady;

    /**
     * Creates a store and its connection pool, and tries to create the index.
     *
     * @param config where Redis is, timeouts and pool size
     * @param options the index layout
     */
    public JedisVectorStore(RedisConnectionConfig config, VectorIndexOptions options) {
        this.config = requireNonNull(config, "config");
        this.layout = new RedisLayout(requireNonNull(options, "options"));
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                .socketTimeoutMillis((int) config.commandTimeout().toMillis())
                .database(config.database())
                .ssl(config.tls())
                .clientName(config.clientName());
        if (config.username() != null) {
            client.user(config.username());
        }
        if (config.password() != null) {
            client.password(config.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.poolSize());
        pool.setMaxIdle(config.poolSize());
        pool.setMinIdle(0);
        // Waiting for a free connection counts against the command's own budget.
        pool.setMaxWait(config.commandTimeout());
        this.jedis = new JedisPooled(new HostAndPort(config.host(), config.port()), client.build(), pool);
        try {
            ensureIndex();
        } catch (RuntimeException e) {
            StoreUnavailableException failure = translate("FT.CREATE " + layout.indexName(), e);
            LOG.warn("{}; the index will be created by the next search", failure.getMessage());
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the vector's length is not the index's dimension or the TTL is not positive
     */
    @Override
    public CompletionStage<Void> put(CacheEntry entry, Duration ttl) {
        requireNonNull(entry, "entry");
        layout.checkDimension(entry.vector().length);
        List<byte[]> args = layout.putArguments(entry, ttl);
        long ttlMillis = RedisLayout.ttlMillis(ttl);
        return call("put", true, () -> {
            jedis.eval(putScript, List.of(utf8(layout.entryKey(entry.namespace(), entry.id()))), args);
            jedis.set(
                    utf8(layout.exactKey(entry.namespace(), entry.exactKey())),
                    utf8(entry.id()),
                    SetParams.setParams().px(ttlMillis));
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the TTL is not positive
     */
    @Override
    public CompletionStage<Void> linkExact(String namespace, String exactKey, String entryId, Duration ttl) {
        requireNonNull(namespace, "namespace");
        requireNonNull(exactKey, "exactKey");
        requireNonNull(entryId, "entryId");
        long ttlMillis = RedisLayout.ttlMillis(ttl);
        return call("SET", true, () -> {
            jedis.set(
                    utf8(layout.exactKey(namespace, exactKey)),
                    utf8(entryId),
                    SetParams.setParams().px(ttlMillis));
            return null;
        });
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey) {
        requireNonNull(namespace, "namespace");
        requireNonNull(exactKey, "exactKey");
        return call("findExact", true, () -> {
            byte[] id = jedis.get(utf8(layout.exactKey(namespace, exactKey)));
            if (id == null) {
                return Optional.empty();
            }
            String entryId = RedisLayout.string(id);
            Map<byte[], byte[]> raw = jedis.hgetAll(utf8(layout.entryKey(namespace, entryId)));
            Map<String, byte[]> fields = new HashMap<>();
            raw.forEach((k, v) -> fields.put(RedisLayout.string(k), v));
            return Optional.ofNullable(layout.parseEntry(namespace, entryId, fields));
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the query vector's length is not the index's dimension
     */
    @Override
    public CompletionStage<List<VectorMatch>> search(VectorQuery query) {
        requireNonNull(query, "query");
        float[] vector = query.vector();
        layout.checkDimension(vector.length);
        FTSearchParams params = FTSearchParams.searchParams()
                .addParam(RedisLayout.PARAM_K, Integer.toString(query.limit()))
                .addParam(RedisLayout.PARAM_BLOB, RedisLayout.encode(vector))
                .sortBy(RedisLayout.DIST, SortingOrder.ASC)
                .limit(0, query.limit())
                .dialect(2);
        for (String field : RedisLayout.RETURN_FIELDS) {
            params.returnField(field, false);
        }
        String knn = layout.knnQuery(query.namespace(), query.scope());
        return call("FT.SEARCH " + layout.indexName(), true, () -> {
            ensureIndex();
            SearchResult result;
            try {
                result = jedis.ftSearch(layout.indexName(), knn, params);
            } catch (JedisDataException e) {
                if (!RedisLayout.isUnknownIndex(e.getMessage())) {
                    throw e;
                }
                // Dropped behind our back: recreate it and ask again (entries reappear as Redis re-indexes them).
                indexReady = false;
                ensureIndex();
                result = jedis.ftSearch(layout.indexName(), knn, params);
            }
            return matches(query, result);
        });
    }

    @Override
    public CompletionStage<Void> recordHit(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        return call("recordHit", false, () -> {
            jedis.eval(hitScript, List.of(utf8(layout.entryKey(namespace, entryId))), List.of());
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> remove(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        return call("remove", false, () -> {
            byte[] key = utf8(layout.entryKey(namespace, entryId));
            byte[] exactKey = jedis.hget(key, utf8(RedisLayout.XKEY));
            boolean removed = jedis.unlink(key) > 0;
            if (exactKey != null) {
                byte[] link = utf8(layout.exactKey(namespace, RedisLayout.string(exactKey)));
                jedis.eval(unlinkIfScript, List.of(link), List.of(utf8(entryId)));
            }
            return removed;
        });
    }

    @Override
    public CompletionStage<Long> removeNamespace(String namespace) {
        requireNonNull(namespace, "namespace");
        return call("removeNamespace", true, () -> removeMatching(layout.namespacePatterns(namespace)));
    }

    @Override
    public CompletionStage<Long> clear() {
        return call("clear", true, () -> removeMatching(layout.allPatterns()));
    }

    @Override
    public String describe() {
        return "redis-jedis(" + config.hostAndPort() + ", " + layout.indexName() + ")";
    }

    @Override
    public void close() {
        jedis.close();
    }

    @Override
    public String toString() {
        return "JedisVectorStore[" + config.redactedUrl() + ", " + layout.options() + "]";
    }

    private List<VectorMatch> matches(VectorQuery query, SearchResult result) {
        String prefix = layout.entryNamespacePrefix(query.namespace());
        List<VectorMatch> matches = new ArrayList<>(result.getDocuments().size());
        for (Document doc : result.getDocuments()) {
            if (!doc.getId().startsWith(prefix)) {
                continue;
            }
            Map<String, byte[]> fields = new HashMap<>();
            for (Map.Entry<String, Object> property : doc.getProperties()) {
                if (property.getValue() instanceof byte[] bytes) {
                    fields.put(property.getKey(), bytes);
                } else if (property.getValue() != null) {
                    fields.put(property.getKey(), utf8(property.getValue().toString()));
                }
            }
            byte[] dist = fields.get(RedisLayout.DIST);
            double similarity = RedisLayout.similarity(dist == null ? null : RedisLayout.string(dist));
            CacheEntry entry = layout.parseEntry(query.namespace(), doc.getId().substring(prefix.length()), fields);
            // An entry deleted between indexing and loading comes back incomplete; it is simply not a match.
            if (entry != null && !Double.isNaN(similarity) && similarity >= query.minSimilarity()) {
                matches.add(new VectorMatch(entry, similarity));
            }
        }
        return List.copyOf(matches);
    }

    private long removeMatching(List<String> patterns) {
        long entries = 0;
        for (int i = 0; i < patterns.size(); i++) {
            long removed = unlinkMatching(patterns.get(i));
            if (i == 0) {
                entries = removed; // the first pattern matches entry hashes; the rest are exact keys
            }
        }
        return entries;
    }

    private long unlinkMatching(String pattern) {
        ScanParams params = new ScanParams().match(utf8(pattern)).count(SCAN_COUNT);
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        long removed = 0;
        do {
            ScanResult<byte[]> page = jedis.scan(cursor, params);
            List<byte[]> keys = page.getResult();
            if (!keys.isEmpty()) {
                removed += jedis.unlink(keys.toArray(new byte[0][]));
            }
            cursor = page.getCursorAsBytes();
        } while (!isEnd(cursor));
        return removed;
    }

    private static boolean isEnd(byte[] cursor) {
        return cursor.length == 1 && cursor[0] == '0';
    }

    /** Creates the index unless it exists; tolerates another process creating it at the same moment. */
    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        synchronized (this) {
            if (indexReady) {
                return;
            }
            try {
                jedis.ftInfo(layout.indexName());
                indexReady = true;
                return;
            } catch (JedisDataException e) {
                if (!RedisLayout.isUnknownIndex(e.getMessage())) {
                    throw e;
                }
            }
            try {
                jedis.ftCreate(
                        layout.indexName(),
                        FTCreateParams.createParams().on(IndexDataType.HASH).prefix(layout.entryPrefix()),
                        schema(layout.options()));
                LOG.info("created index {} at {}", layout.indexName(), config.hostAndPort());
            } catch (JedisDataException e) {
                if (!RedisLayout.isIndexAlreadyExists(e.getMessage())) {
                    throw e;
                }
            }
            indexReady = true;
        }
    }

    private static List<SchemaField> schema(VectorIndexOptions options) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("TYPE", "FLOAT32");
        attributes.put("DIM", options.dimension());
        attributes.put("DISTANCE_METRIC", "COSINE");
        if (options.algorithm() == VectorIndexOptions.Algorithm.HNSW) {
            attributes.put("M", options.hnswM());
            attributes.put("EF_CONSTRUCTION", options.hnswEfConstruction());
            attributes.put("EF_RUNTIME", options.hnswEfRuntime());
        }
        VectorField vec = VectorField.builder()
                .fieldName(RedisLayout.VEC)
                .algorithm(
                        options.algorithm() == VectorIndexOptions.Algorithm.HNSW
                                ? VectorField.VectorAlgorithm.HNSW
                                : VectorField.VectorAlgorithm.FLAT)
                .attributes(attributes)
                .build();
        return List.of(vec, TagField.of(RedisLayout.NS), TagField.of(RedisLayout.SCOPE));
    }

    /**
     * Runs a blocking action and returns its result as a completed stage, or a failed one.
     *
     * <p>A pooled connection the server closed (restart, {@code CLIENT KILL}, idle timeout) fails on its next use;
     * an action that may safely run twice is then retried once, on a fresh connection. Failures to connect are not
     * retried, so an unreachable server fails within one connect timeout.
     */
    private <T> CompletionStage<T> call(String command, boolean idempotent, Supplier<@Nullable T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (RuntimeException first) {
            if (idempotent && isBrokenConnection(first)) {
                LOG.debug("retrying {} at {} on a new connection", command, config.hostAndPort(), first);
                try {
                    return CompletableFuture.completedFuture(action.get());
                } catch (RuntimeException second) {
                    return CompletableFuture.failedFuture(translate(command, second));
                }
            }
            return CompletableFuture.failedFuture(translate(command, first));
        }
    }

    /** A connection that was open and broke, as opposed to one that could not be made or timed out. */
    private static boolean isBrokenConnection(RuntimeException e) {
        boolean connectionError = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return false;
            }
            connectionError |= t instanceof JedisConnectionException;
        }
        return connectionError && !String.valueOf(e.getMessage()).startsWith("Failed to connect");
    }

    private StoreUnavailableException translate(String command, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof IOException) {
                return RedisErrors.unreachable(config, e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return RedisErrors.failed(config, command, e);
    }
}
