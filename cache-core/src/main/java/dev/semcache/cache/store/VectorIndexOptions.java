package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a Redis vector store lays out its index and keys: the embedding model and dimension, the search algorithm and
 * its tuning, and the key prefix.
 *
 * <p>One index exists per model and dimension, so changing the model never mixes vectors:
 *
 * <ul>
 *   <li>index {@code <prefix>:idx:<model-id>:<dim>} over hashes whose keys start with
 *       {@code <prefix>:e:<model-id>:<dim>:}, see {@link #indexName()} and {@link #entryKeyPrefix()};
 *   <li>exact keys under {@code <prefix>:x:<model-id>:<dim>:}, see {@link #exactKeyPrefix()}.
 * </ul>
 *
 * <p>The vector field uses 32-bit floats and the cosine distance. The HNSW settings mirror
 * <a href="https://redis.io/docs/latest/develop/interact/search-and-query/advanced-concepts/vectors/">the Redis
 * vector field parameters</a> {@code M}, {@code EF_CONSTRUCTION} and {@code EF_RUNTIME}; their defaults are Redis'.
 * They apply when the index is created: an index that already exists keeps the settings it was created with.
 *
 * <pre>{@code
 * VectorIndexOptions options = VectorIndexOptions.builder("all-MiniLM-L6-v2", 384)
 *         .hnswEfRuntime(50)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class VectorIndexOptions {

    /** The key prefix used when none is set. */
    public static final String DEFAULT_KEY_PREFIX = "semcache";

    /** The largest dimension accepted, the limit of Redis vector fields. */
    public static final int MAX_DIMENSION = 32_768;

    /** Redis' default HNSW {@code M}: 16. */
    public static final int DEFAULT_HNSW_M = 16;

    /** Redis' default HNSW {@code EF_CONSTRUCTION}: 200. */
    public static final int DEFAULT_HNSW_EF_CONSTRUCTION = 200;

    /** Redis' default HNSW {@code EF_RUNTIME}: 10. */
    public static final int DEFAULT_HNSW_EF_RUNTIME = 10;

    private static final int MAX_HNSW_SETTING = 1 << 16;
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._/+@=-]{1,128}");
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9._-]([A-Za-z0-9._:-]{0,62}[A-Za-z0-9._-])?");

    /** The vector search algorithm of the index. */
    public enum Algorithm {
        /** Approximate nearest neighbours on a hierarchical navigable small world graph; fast on large indexes. */
        HNSW,
        /** Exact brute-force search; precise, linear in the number of entries. */
        FLAT
    }

    private final String modelId;
    private final int dimension;
    private final Algorithm algorithm;
    private final int hnswM;
    private final int hnswEfConstruction;
    private final int hnswEfRuntime;
    private final String keyPrefix;

    private VectorIndexOptions(Builder builder) {
        this.modelId = builder.modelId;
        this.dimension = builder.dimension;
        this.algorithm = builder.algorithm;
        this.hnswM = builder.hnswM;
        this.hnswEfConstruction = builder.hnswEfConstruction;
        this.hnswEfRuntime = builder.hnswEfRuntime;
        this.keyPrefix = builder.keyPrefix;
    }

    /**
     * Returns a builder for a model and dimension, with HNSW and Redis' default settings.
     *
     * @param modelId the embedding model's id, 1 to 128 characters of letters, digits and {@code . _ / + @ = -}
     *     (no {@code :}, which separates the parts of key names, and no glob characters)
     * @param dimension the length of the model's vectors, in [1, {@value #MAX_DIMENSION}]
     * @return a new builder
     * @throws IllegalArgumentException if the model id or dimension is invalid
     */
    public static Builder builder(String modelId, int dimension) {
        return new Builder(modelId, dimension);
    }

    /**
     * Returns options for a model and dimension with every other setting at its default.
     *
     * @param modelId the embedding model's id, see {@link #builder(String, int)}
     * @param dimension the length of the model's vectors, in [1, {@value #MAX_DIMENSION}]
     * @return the options
     * @throws IllegalArgumentException if the model id or dimension is invalid
     */
    public static VectorIndexOptions of(String modelId, int dimension) {
        return builder(modelId, dimension).build();
    }

    /**
     * Returns a builder pre-filled with these options; each setting may be set once more.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the embedding model's id.
     *
     * @return the model id
     */
    public String modelId() {
        return modelId;
    }

    /**
     * Returns the length of every vector in the index.
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the search algorithm.
     *
     * @return the algorithm
     */
    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * Returns the HNSW {@code M}: the most edges per node and layer; ignored for {@link Algorithm#FLAT}.
     *
     * @return M
     */
    public int hnswM() {
        return hnswM;
    }

    /**
     * Returns the HNSW {@code EF_CONSTRUCTION}: candidates kept while building the graph; ignored for FLAT.
     *
     * @return EF_CONSTRUCTION
     */
    public int hnswEfConstruction() {
        return hnswEfConstruction;
    }

    /**
     * Returns the HNSW {@code EF_RUNTIME}: candidates kept while searching; larger is more precise and slower;
     * ignored for FLAT.
     *
     * @return EF_RUNTIME
     */
    public int hnswEfRuntime() {
        return hnswEfRuntime;
    }

    /**
     * Returns the first part of every key and of the index name.
     *
     * @return the key prefix, by default {@value #DEFAULT_KEY_PREFIX}
     */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Returns the name of the index: {@code <prefix>:idx:<model-id>:<dim>}.
     *
     * @return the index name
     */
    public String indexName() {
        return keyPrefix + ":idx:" + modelId + ":" + dimension;
    }

    /**
     * Returns the prefix of every entry hash key, which the index covers: {@code <prefix>:e:<model-id>:<dim>:}.
     *
     * @return the entry key prefix, ending in {@code :}
     */
    public String entryKeyPrefix() {
        return keyPrefix + ":e:" + modelId + ":" + dimension + ":";
    }

    /**
     * Returns the prefix of every exact key: {@code <prefix>:x:<model-id>:<dim>:}.
     *
     * @return the exact key prefix, ending in {@code :}
     */
    public String exactKeyPrefix() {
        return keyPrefix + ":x:" + modelId + ":" + dimension + ":";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorIndexOptions other
                && modelId.equals(other.modelId)
                && dimension == other.dimension
                && algorithm == other.algorithm
                && hnswM == other.hnswM
                && hnswEfConstruction == other.hnswEfConstruction
                && hnswEfRuntime == other.hnswEfRuntime
                && keyPrefix.equals(other.keyPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelId, dimension, algorithm, hnswM, hnswEfConstruction, hnswEfRuntime, keyPrefix);
    }

    @Override
    public String toString() {
        String tuning = algorithm == Algorithm.HNSW
                ? ", M=" + hnswM + ", EF_CONSTRUCTION=" + hnswEfConstruction + ", EF_RUNTIME=" + hnswEfRuntime
                : "";
        return "VectorIndexOptions[index=" + indexName() + ", algorithm=" + algorithm + tuning + "]";
    }

    /**
     * Builds {@link VectorIndexOptions}, validating every value as it is set.
     *
     * <p>A value out of range throws {@link IllegalArgumentException}; setting the same value twice on one builder,
     * or an HNSW setting together with {@link Algorithm#FLAT}, throws {@link IllegalStateException}. Values pre-filled
     * by {@link VectorIndexOptions#toBuilder()} count as unset. Not thread-safe.
     */
    public static final class Builder {
        private final String modelId;
        private final int dimension;
        private Algorithm algorithm = Algorithm.HNSW;
        private int hnswM = DEFAULT_HNSW_M;
        private int hnswEfConstruction = DEFAULT_HNSW_EF_CONSTRUCTION;
        private int hnswEfRuntime = DEFAULT_HNSW_EF_RUNTIME;
        private String keyPrefix = DEFAULT_KEY_PREFIX;

        private boolean algorithmSet;
        private boolean hnswMSet;
        private boolean hnswEfConstructionSet;
        private boolean hnswEfRuntimeSet;
        private boolean keyPrefixSet;

        private Builder(String modelId, int dimension) {
            requireNonNull(modelId, "modelId");
            if (!MODEL_ID.matcher(modelId).matches()) {
                throw new IllegalArgumentException("modelId must be 1 to 128 letters, digits or . _ / + @ = -, was '"
                        + (modelId.length() <= 128 ? modelId : modelId.substring(0, 128) + "...") + "'");
            }
            if (dimension < 1 || dimension > MAX_DIMENSION) {
                throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "], was " + dimension);
            }
            this.modelId = modelId;
            this.dimension = dimension;
        }

        private Builder(VectorIndexOptions options) {
            this.modelId = options.modelId;
            this.dimension = options.dimension;
            this.algorithm = options.algorithm;
            this.hnswM = options.hnswM;
            this.hnswEfConstruction = options.hnswEfConstruction;
            this.hnswEfRuntime = options.hnswEfRuntime;
            this.keyPrefix = options.keyPrefix;
        }

        /**
         * Sets the search algorithm (default {@link Algorithm#HNSW}).
         *
         * @param algorithm the algorithm
         * @return this builder
         * @throws IllegalStateException if already set on this builder, or FLAT after an HNSW setting
         */
        public Builder algorithm(Algorithm algorithm) {
            requireNonNull(algorithm, "algorithm");
            checkUnset(algorithmSet, "algorithm", this.algorithm);
            if (algorithm == Algorithm.FLAT) {
                checkNoHnswSetting();
            }
            this.algorithm = algorithm;
            algorithmSet = true;
            return this;
        }

        /**
         * Sets the HNSW {@code M} (default {@value VectorIndexOptions#DEFAULT_HNSW_M}).
         *
         * @param m the most edges per node and layer, in [1, 65536]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set on this builder, or the algorithm is FLAT
         */
        public Builder hnswM(int m) {
            checkHnsw("hnswM", hnswMSet, hnswM, m);
            this.hnswM = m;
            hnswMSet = true;
            return this;
        }

        /**
         * Sets the HNSW {@code EF_CONSTRUCTION} (default {@value VectorIndexOptions#DEFAULT_HNSW_EF_CONSTRUCTION}).
         *
         * @param efConstruction candidates kept while building, in [1, 65536]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set on this builder, or the algorithm is FLAT
         */
        public Builder hnswEfConstruction(int efConstruction) {
            checkHnsw("hnswEfConstruction", hnswEfConstructionSet, hnswEfConstruction, efConstruction);
            this.hnswEfConstruction = efConstruction;
            hnswEfConstructionSet = true;
            return this;
        }

        /**
         * Sets the HNSW {@code EF_RUNTIME} (default {@value VectorIndexOptions#DEFAULT_HNSW_EF_RUNTIME}).
         *
         * @param efRuntime candidates kept while searching, in [1, 65536]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set on this builder, or the algorithm is FLAT
         */
        public Builder hnswEfRuntime(int efRuntime) {
            checkHnsw("hnswEfRuntime", hnswEfRuntimeSet, hnswEfRuntime, efRuntime);
            this.hnswEfRuntime = efRuntime;
            hnswEfRuntimeSet = true;
            return this;
        }

        /**
         * Sets the first part of every key and of the index name (default {@value #DEFAULT_KEY_PREFIX}).
         *
         * @param prefix 1 to 64 letters, digits or {@code . _ - :}, neither starting nor ending with {@code :}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is invalid
         * @throws IllegalStateException if already set on this builder
         */
        public Builder keyPrefix(String prefix) {
            requireNonNull(prefix, "keyPrefix");
            checkUnset(keyPrefixSet, "keyPrefix", keyPrefix);
            if (!KEY_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException(
                        "keyPrefix must be 1 to 64 letters, digits or . _ - : (not first or last), was '" + prefix
                                + "'");
            }
            this.keyPrefix = prefix;
            keyPrefixSet = true;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public VectorIndexOptions build() {
            return new VectorIndexOptions(this);
        }

        private void checkHnsw(String setting, boolean set, int current, int value) {
            checkUnset(set, setting, current);
            if (algorithm != Algorithm.HNSW) {
                throw new IllegalStateException(setting + " applies to HNSW only, but the algorithm is " + algorithm);
            }
            if (value < 1 || value > MAX_HNSW_SETTING) {
                throw new IllegalArgumentException(setting + " must be in [1, " + MAX_HNSW_SETTING + "], was " + value);
            }
        }

        private void checkNoHnswSetting() {
            if (hnswMSet || hnswEfConstructionSet || hnswEfRuntimeSet) {
                throw new IllegalStateException("algorithm FLAT conflicts with the HNSW settings already made");
            }
        }

        private static void checkUnset(boolean set, String setting, Object current) {
            if (set) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }
    }
}
