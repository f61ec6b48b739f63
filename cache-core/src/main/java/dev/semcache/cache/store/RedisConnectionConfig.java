package dev.semcache.cache.store;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to connect to Redis: an immutable value built from a URL plus timeouts and a pool size.
 *
 * <p>The URL has the form {@code redis://[[user]:password@]host[:port][/database]}; {@code rediss://} connects over
 * TLS. The port defaults to 6379 and the database to 0; an IPv6 host is written in brackets ({@code [::1]}). Reserved
 * characters in the user or password are percent-encoded ({@code %40} for {@code @}); the password may also contain
 * them unencoded, since the host part never contains {@code @}.
 *
 * <pre>{@code
 * RedisConnectionConfig config = RedisConnectionConfig.builder("rediss://app:s3cret@redis.example.com:6380/2")
 *         .connectTimeout(Duration.ofSeconds(1))
 *         .commandTimeout(Duration.ofMillis(500))
 *         .poolSize(32)
 *         .build();
 * }</pre>
 *
 * <p>The password is never part of {@link #toString()} or of any exception message this class or the stores throw;
 * those show {@link #hostAndPort()} instead.
 *
 * <p>Instances are immutable and thread-safe; {@link #toBuilder()} makes variants.
 *
 * @since 0.1.0
 */
public final class RedisConnectionConfig {

    /** The port used when the URL names none. */
    public static final int DEFAULT_PORT = 6379;

    /** The connect timeout used when none is set: 2 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** The command timeout used when none is set: 2 seconds. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    /** The connection pool size used when none is set: 16. */
    public static final int DEFAULT_POOL_SIZE = 16;

    /** The client name used when none is set, shown by {@code CLIENT LIST}. */
    public static final String DEFAULT_CLIENT_NAME = "semcache";

    /** The largest pool size accepted. */
    public static final int MAX_POOL_SIZE = 1024;

    private final boolean tls;
    private final String host;
    private final int port;
    private final int database;
    private final @Nullable String username;
    private final @Nullable String password;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final int poolSize;
    private final String clientName;

    private RedisConnectionConfig(Builder builder) {
        this.tls = builder.tls;
        this.host = builder.host;
        this.port = builder.port;
        this.database = builder.database;
        this.username = builder.username;
        this.password = builder.password;
        this.connectTimeout = builder.connectTimeout;
        this.commandTimeout = builder.commandTimeout;
        this.poolSize = builder.poolSize;
        this.clientName = builder.clientName;
    }

    /**
     * Returns a configuration for a URL with default timeouts and pool size.
     *
     * @param url a {@code redis://} or {@code rediss://} URL
     * @return the configuration
     * @throws IllegalArgumentException if the URL is malformed; the message never contains the password
     */
    public static RedisConnectionConfig fromUrl(String url) {
        return builder(url).build();
    }

    /**
     * Returns a builder for a URL, with default timeouts and pool size.
     *
     * @param url a {@code redis://} or {@code rediss://} URL
     * @return a new builder
     * @throws IllegalArgumentException if the URL is malformed; the message never contains the password
     */
    public static Builder builder(String url) {
        return new Builder(requireNonNull(url, "url"));
    }

    /**
     * Returns a builder pre-filled with this configuration's values, each of which may be set once more.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns whether the connection uses TLS ({@code rediss://}).
     *
     * @return {@code true} for TLS
     */
    public boolean tls() {
        return tls;
    }

    /**
     * Returns the host name or address, without brackets for IPv6.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * Returns the TCP port.
     *
     * @return the port, in [1, 65535]
     */
    public int port() {
        return port;
    }

    /**
     * Returns {@code host:port} (IPv6 hosts in brackets), the form used in messages.
     *
     * @return host and port
     */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Returns the logical database number selected after connecting.
     *
     * @return the database, not negative
     */
    public int database() {
        return database;
    }

    /**
     * Returns the ACL user name, or {@code null} to authenticate as the default user.
     *
     * @return the user name, or {@code null}
     */
    public @Nullable String username() {
        return username;
    }

    /**
     * Returns the password, or {@code null} when the server needs none. Only the stores read it; never log it.
     *
     * @return the password, or {@code null}
     */
    public @Nullable String password() {
        return password;
    }

    /**
     * Returns how long establishing a connection may take.
     *
     * @return the connect timeout, positive
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long one command may wait for its reply.
     *
     * @return the command timeout, positive
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * Returns the most connections a pooled client (Jedis) keeps open; multiplexing clients (Lettuce) use one.
     *
     * @return the pool size, in [1, {@value #MAX_POOL_SIZE}]
     */
    public int poolSize() {
        return poolSize;
    }

    /**
     * Returns the name every connection gives itself ({@code CLIENT SETNAME}), so operators can tell them apart.
     *
     * @return the client name
     */
    public String clientName() {
        return clientName;
    }

    /**
     * Returns the URL with the password masked, as {@code redis://user:****@host:port/db}.
     *
     * @return the redacted URL
     */
    public String redactedUrl() {
        StringBuilder url = new StringBuilder(tls ? "rediss://" : "redis://");
        if (username != null || password != null) {
            if (username != null) {
                url.append(username);
            }
            if (password != null) {
                url.append(":****");
            }
            url.append('@');
        }
        return url.append(hostAndPort()).append('/').append(database).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedisConnectionConfig other
                && tls == other.tls
                && host.equals(other.host)
                && port == other.port
                && database == other.database
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && connectTimeout.equals(other.connectTimeout)
                && commandTimeout.equals(other.commandTimeout)
                && poolSize == other.poolSize
                && clientName.equals(other.clientName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tls, host, port, database, username, connectTimeout, commandTimeout, poolSize, clientName);
    }

    /**
     * Returns the redacted URL and the settings; never the password.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "RedisConnectionConfig[" + redactedUrl() + ", connectTimeout=" + connectTimeout + ", commandTimeout="
                + commandTimeout + ", poolSize=" + poolSize + ", clientName=" + clientName + "]";
    }

    /**
     * Builds a {@link RedisConnectionConfig}, validating every value as it is set.
     *
     * <p>A value out of range throws {@link IllegalArgumentException}; setting the same value twice on one builder
     * throws {@link IllegalStateException}. Values pre-filled by {@link RedisConnectionConfig#toBuilder()} count as
     * unset. Not thread-safe.
     */
    public static final class Builder {
        private boolean tls;
        private String host;
        private int port;
        private int database;
        private @Nullable String username;
        private @Nullable String password;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private int poolSize = DEFAULT_POOL_SIZE;
        private String clientName = DEFAULT_CLIENT_NAME;

        private boolean connectTimeoutSet;
        private boolean commandTimeoutSet;
        private boolean poolSizeSet;
        private boolean clientNameSet;

        private Builder(String url) {
            UrlParts parts = UrlParts.parse(url);
            this.tls = parts.tls;
            this.host = parts.host;
            this.port = parts.port;
            this.database = parts.database;
            this.username = parts.username;
            this.password = parts.password;
        }

        private Builder(RedisConnectionConfig config) {
            this.tls = config.tls;
            this.host = config.host;
            this.port = config.port;
            this.database = config.database;
            this.username = config.username;
            this.password = config.password;
            this.connectTimeout = config.connectTimeout;
            this.commandTimeout = config.commandTimeout;
            this.poolSize = config.poolSize;
            this.clientName = config.clientName;
        }

        /**
         * Sets how long establishing a connection may take (default 2 s).
         *
         * @param timeout the timeout, positive and at most {@link Integer#MAX_VALUE} milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is out of range
         * @throws IllegalStateException if already set on this builder
         */
        public Builder connectTimeout(Duration timeout) {
            checkState(!connectTimeoutSet, "connectTimeout", connectTimeout);
            this.connectTimeout = checkTimeout("connectTimeout", timeout);
            connectTimeoutSet = true;
            return this;
        }

        /**
         * Sets how long one command may wait for its reply (default 2 s).
         *
         * @param timeout the timeout, positive and at most {@link Integer#MAX_VALUE} milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is out of range
         * @throws IllegalStateException if already set on this builder
         */
        public Builder commandTimeout(Duration timeout) {
            checkState(!commandTimeoutSet, "commandTimeout", commandTimeout);
            this.commandTimeout = checkTimeout("commandTimeout", timeout);
            commandTimeoutSet = true;
            return this;
        }

        /**
         * Sets the most connections a pooled client keeps open (default 16).
         *
         * @param size the pool size, in [1, {@value RedisConnectionConfig#MAX_POOL_SIZE}]
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         * @throws IllegalStateException if already set on this builder
         */
        public Builder poolSize(int size) {
            checkState(!poolSizeSet, "poolSize", poolSize);
            if (size < 1 || size > MAX_POOL_SIZE) {
                throw new IllegalArgumentException("poolSize must be in [1, " + MAX_POOL_SIZE + "], was " + size);
            }
            this.poolSize = size;
            poolSizeSet = true;
            return this;
        }

        /**
         * Sets the name connections give themselves (default {@value RedisConnectionConfig#DEFAULT_CLIENT_NAME}).
         *
         * @param name 1 to 64 printable ASCII characters without spaces
         * @return this builder
         * @throws IllegalArgumentException if the name is invalid
         * @throws IllegalStateException if already set on this builder
         */
        public Builder clientName(String name) {
            requireNonNull(name, "clientName");
            checkState(!clientNameSet, "clientName", clientName);
            if (name.isEmpty() || name.length() > 64 || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException(
                        "clientName must be 1 to 64 printable ASCII characters without spaces, was '" + name + "'");
            }
            this.clientName = name;
            clientNameSet = true;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the immutable configuration
         */
        public RedisConnectionConfig build() {
            return new RedisConnectionConfig(this);
        }

        private static void checkState(boolean unset, String setting, Object current) {
            if (!unset) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        private static Duration checkTimeout(String setting, Duration timeout) {
            requireNonNull(timeout, setting);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(setting + " must be positive, was " + timeout);
            }
            if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException(
                        setting + " must be at most " + Integer.MAX_VALUE + " ms, was " + timeout);
            }
            return timeout;
        }
    }

    /** The parts of a Redis URL; every error message leaves the user info out. */
    private static final class UrlParts {
        boolean tls;
        String host = "";
        int port = DEFAULT_PORT;
        int database;

        @Nullable
        String username;

        @Nullable
        String password;

        static UrlParts parse(String url) {
            UrlParts parts = new UrlParts();
            int schemeEnd = url.indexOf("://");
            if (schemeEnd < 0) {
                throw new IllegalArgumentException("url must start with redis:// or rediss://");
            }
            String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (scheme.equals("rediss")) {
                parts.tls = true;
            } else if (!scheme.equals("redis")) {
                throw new IllegalArgumentException(
                        "url scheme must be redis or rediss, was " + (scheme.length() <= 10 ? scheme : "too long"));
            }
            String rest = url.substring(schemeEnd + 3);
            // The host part never contains '@', so the last one ends the user info even if the password holds more.
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                parseUserInfo(parts, rest.substring(0, at));
                rest = rest.substring(at + 1);
            }
            String where = rest;
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                where = rest.substring(0, slash);
                parseDatabase(parts, rest.substring(slash + 1), where);
            }
            parseHostAndPort(parts, where);
            return parts;
        }

        private static void parseUserInfo(UrlParts parts, String userInfo) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "url user info must be user:password or :password (user alone is ambiguous)");
            }
            String user = decode(userInfo.substring(0, colon), "user");
            String pass = decode(userInfo.substring(colon + 1), "password");
            parts.username = user.isEmpty() ? null : user;
            parts.password = pass.isEmpty() ? null : pass;
        }

        private static void parseDatabase(UrlParts parts, String path, String where) {
            if (path.isEmpty()) {
                return;
            }
            if (!path.chars().allMatch(c -> c >= '0' && c <= '9') || path.length() > 9) {
                throw new IllegalArgumentException(
                        "url database must be a number in [0, 999999999], was '" + path + "' for " + where);
            }
            parts.database = Integer.parseInt(path);
        }

        private static void parseHostAndPort(UrlParts parts, String where) {
            String host;
            String port = null;
            if (where.startsWith("[")) {
                int close = where.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(
                            "url host '" + where + "' lacks the closing ] of an IPv6 address");
                }
                host = where.substring(1, close);
                String after = where.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw new IllegalArgumentException("url has unexpected text after host [" + host + "]");
                    }
                    port = after.substring(1);
                }
            } else {
                int colon = where.lastIndexOf(':');
                host = colon < 0 ? where : where.substring(0, colon);
                port = colon < 0 ? null : where.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("url must name a host");
            }
            if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#' || c == '/')) {
                throw new IllegalArgumentException("url host '" + host + "' is not a host name or address");
            }
            parts.host = host;
            if (port != null) {
                parts.port = parsePort(port, host);
            }
        }

        private static int parsePort(String port, String host) {
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(
                        "url port must be a number in [1, 65535], was '" + port + "' for host " + host);
            }
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException(
                        "url port must be in [1, 65535], was " + value + " for host " + host);
            }
            return value;
        }

        /** Percent-decodes as UTF-8; a malformed escape is an error that names the part, not its value. */
        private static String decode(String text, String part) {
            if (text.indexOf('%') < 0) {
                return text;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                    if (lo < 0) {
                        throw new IllegalArgumentException("url " + part + " has a malformed %-escape");
                    }
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else {
                    byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                        utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                        i++;
                    }
                    bytes.write(utf8, 0, utf8.length);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
