package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Per-request overrides of a {@link SemanticCache}'s settings, such as those an HTTP client sends in headers
 * ({@code Cache-Control: no-cache}, {@code X-Cache-Namespace}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LookupOptions {
    static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,127}");

    private static final LookupOptions DEFAULTS = builder().build();

    private final @Nullable String namespace;
    private final @Nullable Double similarityThreshold;
    private final @Nullable Duration ttl;
    private final boolean noCache;
    private final boolean noStore;

    private LookupOptions(Builder b) {
        this.namespace = b.namespace;
        this.similarityThreshold = b.similarityThreshold;
        this.ttl = b.ttl;
        this.noCache = b.noCache;
        this.noStore = b.noStore;
    }

    /**
     * Returns the options that override nothing.
     *
     * @return the defaults, a singleton
     */
    public static LookupOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a new builder that overrides nothing.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the namespace to use instead of the cache's.
     *
     * @return the namespace, or {@code null} for the cache's
     */
    public @Nullable String namespace() {
        return namespace;
    }

    /**
     * Returns the similarity threshold to use instead of the cache's.
     *
     * @return the least cosine similarity in [0, 1], or {@code null} for the cache's
     */
    public @Nullable Double similarityThreshold() {
        return similarityThreshold;
    }

    /**
     * Returns the time to live for an answer stored for this request.
     *
     * @return the time to live, or {@code null} for the cache's
     */
    public @Nullable Duration ttl() {
        return ttl;
    }

    /**
     * Returns whether to skip the lookup (the answer may still be stored), as {@code Cache-Control: no-cache} asks.
     *
     * @return {@code true} to skip the lookup
     */
    public boolean noCache() {
        return noCache;
    }

    /**
     * Returns whether to not store the answer, as {@code Cache-Control: no-store} asks.
     *
     * @return {@code true} to not store
     */
    public boolean noStore() {
        return noStore;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupOptions other
                && Objects.equals(namespace, other.namespace)
                && Objects.equals(similarityThreshold, other.similarityThreshold)
                && Objects.equals(ttl, other.ttl)
                && noCache == other.noCache
                && noStore == other.noStore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, similarityThreshold, ttl, noCache, noStore);
    }

    @Override
    public String toString() {
        return "LookupOptions[namespace=" + namespace + ", similarityThreshold=" + similarityThreshold + ", ttl=" + ttl
                + ", noCache=" + noCache + ", noStore=" + noStore + "]";
    }

    static String checkNamespace(String namespace) {
        requireNonNull(namespace, "namespace");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace must be 1 to 128 characters of letters, digits, '_', '.', ':'"
                    + " and '-', starting with a letter or digit; was '" + namespace + "'");
        }
        return namespace;
    }

    /**
     * Fills a {@link LookupOptions}; each setter validates at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String namespace;
        private @Nullable Double similarityThreshold;
        private @Nullable Duration ttl;
        private boolean noCache;
        private boolean noStore;

        private Builder() {}

        /**
         * Sets the namespace.
         *
         * @param namespace 1 to 128 letters, digits, {@code _ . : -}, starting with a letter or digit
         * @return this builder
         * @throws IllegalArgumentException if the namespace is malformed
         */
        public Builder namespace(String namespace) {
            this.namespace = checkNamespace(namespace);
            return this;
        }

        /**
         * Sets the similarity threshold.
         *
         * @param threshold the least cosine similarity (not distance) of a semantic hit, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder similarityThreshold(double threshold) {
            this.similarityThreshold = SemanticCache.checkThreshold(threshold);
            return this;
        }

        /**
         * Sets the time to live of an answer stored for this request.
         *
         * @param ttl a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder ttl(Duration ttl) {
            this.ttl = SemanticCache.checkTtl(ttl);
            return this;
        }

        /**
         * Sets whether to skip the lookup.
         *
         * @param noCache {@code true} to skip it; the answer may still be stored
         * @return this builder
         */
        public Builder noCache(boolean noCache) {
            this.noCache = noCache;
            return this;
        }

        /**
         * Sets whether to not store the answer.
         *
         * @param noStore {@code true} to not store it
         * @return this builder
         */
        public Builder noStore(boolean noStore) {
            this.noStore = noStore;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public LookupOptions build() {
            return new LookupOptions(this);
        }
    }
}
