package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.RedisConnectionConfig;

/**
 * A Redis Stack server tests may use: its URL and where it came from.
 *
 * @param url the {@code redis://} URL, possibly with a password; never log it, use {@link #toString()}
 * @param source where the server came from
 */
public record RedisTestServer(String url, Source source) {

    /** Where a test server came from. */
    public enum Source {
        /** The {@code REDIS_URL} environment variable. */
        ENVIRONMENT,
        /** A Testcontainers container started for this JVM. */
        CONTAINER
    }

    /** Validates the values. */
    public RedisTestServer {
        requireNonNull(url, "url");
        requireNonNull(source, "source");
    }

    /**
     * Returns the connection configuration for {@link #url()} with default settings.
     *
     * @return the configuration
     */
    public RedisConnectionConfig connectionConfig() {
        return RedisConnectionConfig.fromUrl(url);
    }

    @Override
    public String toString() {
        return "RedisTestServer[" + connectionConfig().redactedUrl() + ", " + source + "]";
    }
}
