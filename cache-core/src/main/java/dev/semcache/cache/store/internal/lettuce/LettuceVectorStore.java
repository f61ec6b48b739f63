package dev.semcache.cache.store.internal.lettuce;

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
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.search.arguments.CreateArgs;
import io.lettuce.core.search.arguments.FieldArgs;
import io.lettuce.core.search.arguments.TagFieldArgs;
import io.lettuce.core.search.arguments.VectorFieldArgs;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VectorStore} on Redis with the Query Engine, through one multiplexed, non-blocking Lettuce connection;
 * reached through {@link dev.semcache.cache.store.VectorStores#lettuce(RedisConnectionConfig, VectorIndexOptions)}.
 *
 * <p>No method blocks: each sends its commands on the shared connection and returns a stage that Lettuce's I/O
 * threads complete, so dependent work should not block either. A Redis failure completes the stage exceptionally
 * with a {@link StoreUnavailableException} naming host, port and cause; invalid arguments throw
 * {@link IllegalArgumentException} at once. Keys and values travel as bytes ({@link ByteArrayCodec}), so vectors go
 * as raw FLOAT32 blobs and text as UTF-8. The layout is described by {@link RedisLayout}.
 *
 * <p>The connection is opened when the store is created. If that fails, the next call tries again; once open,
 * Lettuce reconnects by itself after a drop, holding commands until then (each bounded by the command timeout). The
 * index is created on the connection's first use, or again after it was dropped; idempotently, and safely when
 * several processes start at once.
 *
 * <p>Entries round-trip exactly except {@link CacheEntry#createdAt()}, stored in whole milliseconds.
 *
 * <p>Thread-safe.
 */
public final class LettuceVectorStore implements VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(LettuceVectorStore.class);
    private static final long SCAN_COUNT = 1000;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /** FT.INFO, which Lettuce 6.8 has no method for. */
    private static final ProtocolKeyword FT_INFO = new ProtocolKeyword() {
        private final byte[] bytes = utf8("FT.INFO");

        @Override
        public byte[] getBytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "FT.INFO";
        }
    };

    private final RedisConnectionConfig config;
    private final RedisLayout layout;
    private final RedisClient client;
    private final RedisURI uri;
    private final byte[] indexName;

    private volatile CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection;
    /** Completed once the index is known to exist; {@code null} or failed means: check again. */
    private volatile @Nullable CompletableFuture<Void> index;

    private volatile boolean closed;

    /**
     * Creates a store and starts connecting; never blocks and never fails for want of Redis.
     *
     * @param config where Redis is and the timeouts
     * @param options the index layout
     */
    public LettuceVectorStore(RedisConnectionConfig config, VectorIndexOptions options) {
        this.config = requireNonNull(config, "config");
        this.layout = new RedisLayout(requireNonNull(options, "options"));
        this.indexName = utf8(layout.indexName());
        RedisURI.Builder uriBuilder = RedisURI.builder()
                .withHost(config.host())
                .withPort(config.port())
                .withSsl(config.tls())
                .withDatabase(config.database())
                .withClientName(config.clientName())
                .withTimeout(config.commandTimeout());
        String password = config.password();
        if (password != null) {
            String username = config.username();
            if (username != null) {
                uriBuilder.withAuthentication(username, password.toCharArray());
            } else {
                uriBuilder.withPassword(password.toCharArray());
            }
        }
        this.uri = uriBuilder.build();
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // RESP2 replies parse the same on every server version the design supports.
                .protocolVersion(ProtocolVersion.RESP2)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(config.connectTimeout())
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .build());
        this.connection = connect();
        connection.thenAccept(c -> ensureIndex(c.async()).exceptionally(e -> {
            LOG.warn(
                    "{}; the index will be created by the next call",
                    translate("FT.CREATE " + layout.indexName(), e).getMessage());
            return null;
        }));
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
        byte[][] args = layout.putArguments(entry, ttl).toArray(new byte[0][]);
        long ttlMillis = RedisLayout.ttlMillis(ttl);
        byte[][] entryKey = {utf8(layout.entryKey(entry.namespace(), entry.id()))};
        byte[] exactKey = utf8(layout.exactKey(entry.namespace(), entry.exactKey()));
        return run("put", async -> ensureIndex(async)
                // A hash written before FT.CREATE is indexed only by the background scan, so wait for the index;
                // without one (no search module), store all the same: exact lookups still work.
                .handle((ignored, e) -> null)
                .thenCompose(
                        ignored -> async.<Long>eval(RedisLayout.PUT_SCRIPT, ScriptOutputType.INTEGER, entryKey, args))
                .thenCompose(ignored -> async.set(exactKey, utf8(entry.id()), SetArgs.Builder.px(ttlMillis)))
                .thenApply(ignored -> null));
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
        byte[] key = utf8(layout.exactKey(namespace, exactKey));
        return run("SET", async -> async.set(key, utf8(entryId), SetArgs.Builder.px(ttlMillis))
                .thenApply(ignored -> null));
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> findExact(String namespace, String exactKey) {
        requireNonNull(namespace, "namespace");
        requireNonNull(exactKey, "exactKey");
        byte[] key = utf8(layout.exactKey(namespace, exactKey));
        return run("findExact", async -> async.get(key).thenCompose(id -> {
            if (id == null) {
                return CompletableFuture.completedFuture(Optional.<CacheEntry>empty());
            }
            String entryId = RedisLayout.string(id);
            return async.hgetall(utf8(layout.entryKey(namespace, entryId))).thenApply(raw -> {
                Map<String, byte[]> fields = new HashMap<>();
                raw.forEach((k, v) -> fields.put(RedisLayout.string(k), v));
                return Optional.ofNullable(layout.parseEntry(namespace, entryId, fields));
            });
        }));
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
        CommandArgs<byte[], byte[]> args = searchArguments(query, vector);
        return run("FT.SEARCH " + layout.indexName(), async -> ensureIndex(async)
                .thenCompose(ignored -> ftSearch(async, args))
                .exceptionallyCompose(e -> {
                    Throwable cause = RedisErrors.unwrap(e);
                    if (cause instanceof RedisCommandExecutionException
                            && RedisLayout.isUnknownIndex(cause.getMessage())) {
                        // Dropped behind our back: recreate it and ask again (entries reappear as Redis re-indexes).
                        index = null;
                        return ensureIndex(async).thenCompose(ignored -> ftSearch(async, args));
                    }
                    return CompletableFuture.failedFuture(cause);
                })
                .thenApply(reply -> matches(query, reply)));
    }

    @Override
    public CompletionStage<Void> recordHit(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        byte[][] key = {utf8(layout.entryKey(namespace, entryId))};
        return run("recordHit", async -> async.<Long>eval(RedisLayout.HIT_SCRIPT, ScriptOutputType.INTEGER, key)
                .thenApply(ignored -> null));
    }

    @Override
    public CompletionStage<Boolean> remove(String namespace, String entryId) {
        requireNonNull(namespace, "namespace");
        requireNonNull(entryId, "entryId");
        byte[] key = utf8(layout.entryKey(namespace, entryId));
        return run("remove", async -> async.hget(key, utf8(RedisLayout.XKEY))
                .thenCompose(exactKey -> async.unlink(key).thenCompose(removed -> {
                    if (exactKey == null) {
                        return CompletableFuture.completedFuture(removed > 0);
                    }
                    byte[][] link = {utf8(layout.exactKey(namespace, RedisLayout.string(exactKey)))};
                    return async.<Long>eval(RedisLayout.UNLINK_IF_SCRIPT, ScriptOutputType.INTEGER, link, utf8(entryId))
                            .thenApply(ignored -> removed > 0);
                })));
    }

    @Override
    public CompletionStage<Long> removeNamespace(String namespace) {
        requireNonNull(namespace, "namespace");
        return run("removeNamespace", async -> removeMatching(async, layout.namespacePatterns(namespace)));
    }

    @Override
    public CompletionStage<Long> clear() {
        return run("clear", async -> removeMatching(async, layout.allPatterns()));
    }

    @Override
    public String describe() {
        return "redis-lettuce(" + config.hostAndPort() + ", " + layout.indexName() + ")";
    }

    @Override
    public void close() {
        closed = true;
        // Not the blocking close(): a connection completing now runs this on Netty's event loop, and a blocking close
        // there waits for that same loop; client.shutdown below would then wait forever (seen once in CI).
        connection.thenAccept(StatefulRedisConnection::closeAsync);
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
    }

    @Override
    public String toString() {
        return "LettuceVectorStore[" + config.redactedUrl() + ", " + layout.options() + "]";
    }

    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect() {
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
    }

    /** Returns the connection, starting a new attempt if the last one failed (Lettuce retries only open ones). */
    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection() {
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current = connection;
        if (current.isCompletedExceptionally() && !closed) {
            synchronized (this) {
                if (connection == current) {
                    connection = connect();
                }
                current = connection;
            }
        }
        return current;
    }

    /**
     * Runs commands on the connection; any failure, thrown or completed, becomes a {@link StoreUnavailableException}.
     */
    private <T> CompletionStage<T> run(
            String command, Function<RedisAsyncCommands<byte[], byte[]>, CompletionStage<T>> action) {
        if (closed) {
            return CompletableFuture.failedFuture(
                    new StoreUnavailableException("the store for " + config.hostAndPort() + " is closed"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        connection().thenCompose(c -> action.apply(c.async())).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(translate(command, error));
            }
        });
        return result;
    }

    /** Creates the index unless it exists; tolerates another process creating it at the same moment. */
    private CompletableFuture<Void> ensureIndex(RedisAsyncCommands<byte[], byte[]> async) {
        CompletableFuture<Void> current = index;
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        synchronized (this) {
            if (index == current) {
                index = createIndex(async);
            }
            return requireNonNull(index);
        }
    }

    private CompletableFuture<Void> createIndex(RedisAsyncCommands<byte[], byte[]> async) {
        CommandArgs<byte[], byte[]> info = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(indexName);
        return async.dispatch(FT_INFO, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), info)
                .thenApply(ignored -> (Void) null)
                .exceptionallyCompose(e -> {
                    Throwable cause = RedisErrors.unwrap(e);
                    if (!(cause instanceof RedisCommandExecutionException)
                            || !RedisLayout.isUnknownIndex(cause.getMessage())) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return async.ftCreate(indexName, createArgs(), schema(layout.options()))
                            .thenApply(ok -> {
                                LOG.info("created index {} at {}", layout.indexName(), config.hostAndPort());
                                return (Void) null;
                            })
                            .exceptionallyCompose(createError -> {
                                Throwable createCause = RedisErrors.unwrap(createError);
                                return RedisLayout.isIndexAlreadyExists(createCause.getMessage())
                                        ? CompletableFuture.completedFuture(null)
                                        : CompletableFuture.failedFuture(createCause);
                            });
                })
                .toCompletableFuture();
    }

    private CreateArgs<byte[], byte[]> createArgs() {
        return CreateArgs.<byte[], byte[]>builder()
                .on(CreateArgs.TargetType.HASH)
                .withPrefix(utf8(layout.entryPrefix()))
                .build();
    }

    private static List<FieldArgs<byte[]>> schema(VectorIndexOptions options) {
        VectorFieldArgs.Builder<byte[]> vec = VectorFieldArgs.<byte[]>builder()
                .name(utf8(RedisLayout.VEC))
                .type(VectorFieldArgs.VectorType.FLOAT32)
                .dimensions(options.dimension())
                .distanceMetric(VectorFieldArgs.DistanceMetric.COSINE);
        if (options.algorithm() == VectorIndexOptions.Algorithm.HNSW) {
            vec.hnsw()
                    .attribute("M", options.hnswM())
                    .attribute("EF_CONSTRUCTION", options.hnswEfConstruction())
                    .attribute("EF_RUNTIME", options.hnswEfRuntime());
        } else {
            vec.flat();
        }
        return List.of(
                vec.build(),
                TagFieldArgs.<byte[]>builder().name(utf8(RedisLayout.NS)).build(),
                TagFieldArgs.<byte[]>builder().name(utf8(RedisLayout.SCOPE)).build());
    }

    /**
     * Returns the FT.SEARCH arguments: the KNN query with its parameters, sorted by distance, with raw fields.
     *
     * <p>FT.SEARCH is dispatched rather than sent through Lettuce's {@code ftSearch}: its reply parser (6.8) gives up
     * on the whole reply, logging a warning and returning no results, when one document comes back without content,
     * which Redis does for an entry that expired but is still in the index.
     */
    private CommandArgs<byte[], byte[]> searchArguments(VectorQuery query, float[] vector) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE)
                .add(indexName)
                .add(utf8(layout.knnQuery(query.namespace(), query.scope())))
                .add("PARAMS")
                .add(4)
                .add(RedisLayout.PARAM_K)
                .add(query.limit())
                .add(RedisLayout.PARAM_BLOB)
                .add(RedisLayout.encode(vector))
                .add("SORTBY")
                .add(RedisLayout.DIST)
                .add("ASC")
                .add("LIMIT")
                .add(0)
                .add(query.limit())
                .add("RETURN")
                .add(RedisLayout.RETURN_FIELDS.size());
        for (String field : RedisLayout.RETURN_FIELDS) {
            args.add(field);
        }
        return args.add("DIALECT").add(2);
    }

    private CompletionStage<List<Object>> ftSearch(
            RedisAsyncCommands<byte[], byte[]> async, CommandArgs<byte[], byte[]> args) {
        return async.dispatch(CommandType.FT_SEARCH, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), args);
    }

    private List<VectorMatch> matches(VectorQuery query, List<Object> reply) {
        String prefix = layout.entryNamespacePrefix(query.namespace());
        List<VectorMatch> matches = new ArrayList<>();
        for (SearchHit hit : parseSearchReply(reply)) {
            if (!hit.key().startsWith(prefix)) {
                continue;
            }
            byte[] dist = hit.fields().get(RedisLayout.DIST);
            double similarity = RedisLayout.similarity(dist == null ? null : RedisLayout.string(dist));
            CacheEntry entry = layout.parseEntry(query.namespace(), hit.key().substring(prefix.length()), hit.fields());
            // An entry that expired or was deleted but is still indexed comes back without fields: not a match.
            if (entry != null && !Double.isNaN(similarity) && similarity >= query.minSimilarity()) {
                matches.add(new VectorMatch(entry, similarity));
            }
        }
        return List.copyOf(matches);
    }

    /**
     * Parses a RESP2 FT.SEARCH reply: {@code [total, key1, [field, value, ...] or nil, key2, ...]}.
     *
     * @param reply the reply as {@link NestedMultiOutput} builds it with {@link ByteArrayCodec}: bulk strings as byte
     *     arrays, nil as {@code null} in its place, arrays as lists
     * @return one hit per document, with no fields for a document Redis could not load
     */
    static List<SearchHit> parseSearchReply(List<Object> reply) {
        List<SearchHit> hits = new ArrayList<>(reply.size() / 2);
        for (int i = 1; i < reply.size(); i += 2) {
            if (!(reply.get(i) instanceof byte[] key)) {
                continue;
            }
            Map<String, byte[]> fields = new HashMap<>();
            if (i + 1 < reply.size() && reply.get(i + 1) instanceof List<?> content) {
                for (int j = 0; j + 1 < content.size(); j += 2) {
                    if (content.get(j) instanceof byte[] name && content.get(j + 1) instanceof byte[] value) {
                        fields.put(RedisLayout.string(name), value);
                    }
                }
            }
            hits.add(new SearchHit(RedisLayout.string(key), fields));
        }
        return hits;
    }

    /**
     * One document of a search reply.
     *
     * @param key the document's key
     * @param fields its returned fields by name, empty when Redis could not load it
     */
    record SearchHit(String key, Map<String, byte[]> fields) {}

    /** Unlinks the keys of each pattern; returns the count for the first (the entry hashes). */
    private CompletionStage<Long> removeMatching(RedisAsyncCommands<byte[], byte[]> async, List<String> patterns) {
        CompletionStage<Long> entries = unlinkMatching(async, patterns.get(0), ScanCursor.INITIAL, 0);
        for (String pattern : patterns.subList(1, patterns.size())) {
            entries = entries.thenCompose(count ->
                    unlinkMatching(async, pattern, ScanCursor.INITIAL, 0).thenApply(ignored -> count));
        }
        return entries;
    }

    private CompletionStage<Long> unlinkMatching(
            RedisAsyncCommands<byte[], byte[]> async, String pattern, ScanCursor cursor, long removedSoFar) {
        ScanArgs args = ScanArgs.Builder.matches(utf8(pattern)).limit(SCAN_COUNT);
        return async.scan(cursor, args).thenCompose(page -> unlinkPage(async, page)
                .thenCompose(removed -> page.isFinished()
                        ? CompletableFuture.completedFuture(removedSoFar + removed)
                        : unlinkMatching(async, pattern, page, removedSoFar + removed)));
    }

    private static CompletionStage<Long> unlinkPage(
            RedisAsyncCommands<byte[], byte[]> async, KeyScanCursor<byte[]> page) {
        List<byte[]> keys = page.getKeys();
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        return async.unlink(keys.toArray(new byte[0][]));
    }

    private StoreUnavailableException translate(String command, Throwable error) {
        Throwable cause = RedisErrors.unwrap(error);
        if (cause instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisConnectionException
                    || t instanceof RedisCommandTimeoutException
                    || t instanceof IOException) {
                return RedisErrors.unreachable(config, cause);
            }
        }
        if (cause.getMessage() != null && cause.getMessage().contains("Connection closed")) {
            return RedisErrors.unreachable(config, cause);
        }
        return RedisErrors.failed(config, command, cause);
    }
}
