package dev.semcache.cache.store.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.CacheEntry;
import dev.semcache.cache.store.VectorIndexOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The key names, fields, query and scripts shared by the Redis stores; the one place that knows the layout.
 *
 * <p>For index options with prefix {@code p}, model {@code m} and dimension {@code d}:
 *
 * <ul>
 *   <li>index {@code p:idx:m:d} on hashes with prefix {@code p:e:m:d:}, schema {@code vec} VECTOR (FLOAT32, cosine),
 *       {@code ns} TAG, {@code scope} TAG;
 *   <li>entry hash {@code p:e:m:d:<tag(namespace)>:<id>} with fields {@value #VEC} (FLOAT32 little-endian blob),
 *       {@value #NS} and {@value #SCOPE} (tags of namespace and scope), {@value #SCOPE_RAW} (the scope itself),
 *       {@value #PROMPT}, {@value #RESPONSE}, {@value #MODEL}, {@value #PROMPT_TOKENS}, {@value #COMPLETION_TOKENS},
 *       {@value #CREATED} (epoch milliseconds), {@value #HITS}, {@value #XKEY} (the entry's own exact key); expires
 *       by {@code PEXPIRE};
 *   <li>exact key {@code p:x:m:d:<tag(namespace)>:<exactKey>}, a string holding the entry id, same TTL.
 * </ul>
 *
 * <p>Namespaces and scopes may be any string, but TAG values have a query syntax, separators and case folding. Both
 * are therefore stored and queried as {@link #tag(String) tags}: the first 128 bits of their SHA-256 in lower-case
 * hex, which need no escaping. The namespace is not stored in clear, since every lookup names it; the scope is kept
 * in {@value #SCOPE_RAW} because an exact lookup does not know it.
 *
 * <p>Every script touches only the one key it declares, so the layout also works where keys are sharded.
 *
 * <p>Immutable and thread-safe.
 */
public final class RedisLayout {

    /** The vector field: FLOAT32 little-endian. */
    public static final String VEC = "vec";
    /** The namespace tag field. */
    public static final String NS = "ns";
    /** The scope tag field. */
    public static final String SCOPE = "scope";
    /** The scope in clear. */
    public static final String SCOPE_RAW = "scope_raw";
    /** The prompt field. */
    public static final String PROMPT = "prompt";
    /** The response field. */
    public static final String RESPONSE = "response";
    /** The model field. */
    public static final String MODEL = "model";
    /** The prompt tokens field. */
    public static final String PROMPT_TOKENS = "prompt_tokens";
    /** The completion tokens field. */
    public static final String COMPLETION_TOKENS = "completion_tokens";
    /** The creation time field, epoch milliseconds. */
    public static final String CREATED = "created";
    /** The hit count field. */
    public static final String HITS = "hits";
    /** The entry's own exact key field. */
    public static final String XKEY = "xkey";
    /** The alias of the KNN distance in search results. */
    public static final String DIST = "dist";

    /** Query parameter holding the vector blob. */
    public static final String PARAM_BLOB = "BLOB";
    /** Query parameter holding the number of neighbours. */
    public static final String PARAM_K = "K";

    /** Every field a search returns, the distance first. */
    public static final List<String> RETURN_FIELDS = List.of(
            DIST, VEC, SCOPE_RAW, PROMPT, RESPONSE, MODEL, PROMPT_TOKENS, COMPLETION_TOKENS, CREATED, HITS, XKEY);

    /**
     * Replaces an entry hash and sets its TTL. KEYS[1] the entry; ARGV[1] the TTL in milliseconds; ARGV[2..] field,
     * value pairs.
     */
    public static final String PUT_SCRIPT = "redis.call('DEL', KEYS[1])\n"
            + "redis.call('HSET', KEYS[1], unpack(ARGV, 2))\n"
            + "redis.call('PEXPIRE', KEYS[1], ARGV[1])\n"
            + "return 1";

    /** Counts a hit only if the entry exists, so no stray hash is created. KEYS[1] the entry. */
    public static final String HIT_SCRIPT = "if redis.call('EXISTS', KEYS[1]) == 1 then\n"
            + "  return redis.call('HINCRBY', KEYS[1], '" + HITS + "', 1)\n"
            + "end\n"
            + "return -1";

    /** Deletes an exact key only while it still points at the entry. KEYS[1] the exact key; ARGV[1] the entry id. */
    public static final String UNLINK_IF_SCRIPT = "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
            + "  return redis.call('DEL', KEYS[1])\n"
            + "end\n"
            + "return 0";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final VectorIndexOptions options;

    /**
     * Creates the layout for index options.
     *
     * @param options the model, dimension and key prefix
     */
    public RedisLayout(VectorIndexOptions options) {
        this.options = requireNonNull(options, "options");
    }

    /**
     * Returns the options this layout follows.
     *
     * @return the options
     */
    public VectorIndexOptions options() {
        return options;
    }

    /**
     * Returns the index name.
     *
     * @return {@code p:idx:m:d}
     */
    public String indexName() {
        return options.indexName();
    }

    /**
     * Returns the prefix the index covers.
     *
     * @return {@code p:e:m:d:}
     */
    public String entryPrefix() {
        return options.entryKeyPrefix();
    }

    /**
     * Returns the key of an entry hash.
     *
     * @param namespace the entry's namespace
     * @param id the entry's id
     * @return the key
     */
    public String entryKey(String namespace, String id) {
        return entryNamespacePrefix(namespace) + id;
    }

    /**
     * Returns the prefix of every entry key of a namespace.
     *
     * @param namespace the namespace
     * @return {@code p:e:m:d:<tag>:}
     */
    public String entryNamespacePrefix(String namespace) {
        return options.entryKeyPrefix() + tag(namespace) + ":";
    }

    /**
     * Returns the key of an exact-key link.
     *
     * @param namespace the namespace
     * @param exactKey the exact key
     * @return the key
     */
    public String exactKey(String namespace, String exactKey) {
        return exactNamespacePrefix(namespace) + exactKey;
    }

    /**
     * Returns the prefix of every exact key of a namespace.
     *
     * @param namespace the namespace
     * @return {@code p:x:m:d:<tag>:}
     */
    public String exactNamespacePrefix(String namespace) {
        return options.exactKeyPrefix() + tag(namespace) + ":";
    }

    /**
     * Returns the SCAN patterns matching every entry and exact key of a namespace. The prefixes contain no glob
     * characters: model ids and key prefixes exclude them and tags are hex.
     *
     * @param namespace the namespace
     * @return the patterns, entries first
     */
    public List<String> namespacePatterns(String namespace) {
        return List.of(entryNamespacePrefix(namespace) + "*", exactNamespacePrefix(namespace) + "*");
    }

    /**
     * Returns the SCAN patterns matching every entry and exact key of this model and dimension.
     *
     * @return the patterns, entries first
     */
    public List<String> allPatterns() {
        return List.of(options.entryKeyPrefix() + "*", options.exactKeyPrefix() + "*");
    }

    /**
     * Returns the query for the nearest neighbours in a namespace and scope, with parameters {@code $K} and
     * {@code $BLOB}, to run with DIALECT 2.
     *
     * @param namespace the namespace
     * @param scope the scope
     * @return the query
     */
    public String knnQuery(String namespace, String scope) {
        return "(@" + NS + ":{" + tag(namespace) + "} @" + SCOPE + ":{" + tag(scope) + "})=>[KNN $" + PARAM_K + " @"
                + VEC + " $" + PARAM_BLOB + " AS " + DIST + "]";
    }

    /**
     * Checks that a vector has the index's dimension.
     *
     * @param length the vector's length
     * @throws IllegalArgumentException if it differs
     */
    public void checkDimension(int length) {
        if (length != options.dimension()) {
            throw new IllegalArgumentException("vector dimension must be " + options.dimension() + " for index "
                    + options.indexName() + ", was " + length);
        }
    }

    /**
     * Returns the script arguments that store an entry: the TTL in milliseconds, then field and value pairs.
     *
     * @param entry the entry
     * @param ttl its time to live
     * @return ARGV for {@link #PUT_SCRIPT}
     */
    public List<byte[]> putArguments(CacheEntry entry, Duration ttl) {
        List<byte[]> args = new ArrayList<>(25);
        args.add(utf8(Long.toString(ttlMillis(ttl))));
        add(args, VEC, encode(entry.vector()));
        add(args, NS, utf8(tag(entry.namespace())));
        add(args, SCOPE, utf8(tag(entry.scope())));
        add(args, SCOPE_RAW, utf8(entry.scope()));
        add(args, PROMPT, utf8(entry.prompt()));
        add(args, RESPONSE, utf8(entry.responseJson()));
        add(args, MODEL, utf8(entry.model()));
        add(args, PROMPT_TOKENS, utf8(Long.toString(entry.promptTokens())));
        add(args, COMPLETION_TOKENS, utf8(Long.toString(entry.completionTokens())));
        add(args, CREATED, utf8(Long.toString(entry.createdAt().toEpochMilli())));
        add(args, HITS, utf8(Long.toString(entry.hits())));
        add(args, XKEY, utf8(entry.exactKey()));
        return args;
    }

    /**
     * Rebuilds an entry from its hash fields.
     *
     * @param namespace the namespace the entry was looked up in
     * @param id the entry's id
     * @param fields field values by name; may be missing some when the entry vanished meanwhile
     * @return the entry, or {@code null} when a field is missing or malformed
     */
    public @Nullable CacheEntry parseEntry(String namespace, String id, Map<String, byte[]> fields) {
        byte[] vec = fields.get(VEC);
        byte[] scope = fields.get(SCOPE_RAW);
        byte[] prompt = fields.get(PROMPT);
        byte[] response = fields.get(RESPONSE);
        byte[] model = fields.get(MODEL);
        byte[] exactKey = fields.get(XKEY);
        Long promptTokens = number(fields.get(PROMPT_TOKENS));
        Long completionTokens = number(fields.get(COMPLETION_TOKENS));
        Long created = number(fields.get(CREATED));
        Long hits = number(fields.get(HITS));
        if (vec == null
                || vec.length != options.dimension() * Float.BYTES
                || scope == null
                || prompt == null
                || response == null
                || model == null
                || exactKey == null
                || promptTokens == null
                || completionTokens == null
                || created == null
                || hits == null
                || id.isEmpty()) {
            return null;
        }
        return new CacheEntry(
                id,
                namespace,
                string(scope),
                string(exactKey),
                string(prompt),
                decode(vec),
                string(response),
                string(model),
                promptTokens,
                completionTokens,
                Instant.ofEpochMilli(created),
                Math.max(0, hits));
    }

    /**
     * Returns the similarity for a cosine distance reported by Redis.
     *
     * @param distance the text of the distance, 1 - cosine similarity
     * @return the similarity clamped to [-1, 1], or NaN when the text is not a number
     */
    public static double similarity(@Nullable String distance) {
        if (distance == null) {
            return Double.NaN;
        }
        try {
            double similarity = 1.0 - Double.parseDouble(distance.trim());
            return Math.max(-1.0, Math.min(1.0, similarity));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Returns the tag of a namespace or scope: the first 128 bits of its UTF-8 SHA-256 in lower-case hex.
     *
     * @param value any string
     * @return 32 hex digits
     */
    public static String tag(String value) {
        byte[] digest = sha256().digest(value.getBytes(UTF_8));
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    /**
     * Encodes a vector as Redis expects it: 32-bit IEEE floats, little-endian.
     *
     * @param vector the vector
     * @return the blob
     */
    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /**
     * Decodes a blob written by {@link #encode(float[])}.
     *
     * @param blob the blob, a multiple of 4 bytes long
     * @return the vector
     */
    public static float[] decode(byte[] blob) {
        float[] vector = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /**
     * Returns whether a server error says the index does not exist (FT.INFO, FT.SEARCH, FT.DROPINDEX).
     *
     * @param message the error message
     * @return {@code true} for a missing index
     */
    public static boolean isUnknownIndex(@Nullable String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("unknown index name") || m.contains("no such index");
    }

    /**
     * Returns whether a server error says FT.CREATE lost a race with another process.
     *
     * @param message the error message
     * @return {@code true} when the index already exists
     */
    public static boolean isIndexAlreadyExists(@Nullable String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("index already exists");
    }

    /**
     * Returns the TTL in milliseconds, validated.
     *
     * @param ttl the TTL
     * @return milliseconds, at least 1
     * @throws IllegalArgumentException if the TTL is not positive
     */
    public static long ttlMillis(Duration ttl) {
        requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        try {
            return Math.max(1, ttl.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Encodes text as UTF-8.
     *
     * @param text the text
     * @return its bytes
     */
    public static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    /**
     * Decodes UTF-8.
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String string(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    @Override
    public String toString() {
        return "RedisLayout[" + options.indexName() + "]";
    }

    private static void add(List<byte[]> args, String field, byte[] value) {
        args.add(utf8(field));
        args.add(value);
    }

    private static @Nullable Long number(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return Long.parseLong(string(bytes).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
