package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.store.RedisConnectionConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Gives tests a real Redis Stack, or skips them saying how to get one; applied by {@link RedisStack}.
 *
 * <p>The server, chosen once per JVM by {@link #decide(Map, BooleanSupplier)}:
 *
 * <ol>
 *   <li>{@code REDIS_URL} when set (CI sets it; locally {@code bash scripts/redis-stack.sh start} prints one);
 *   <li>else a Testcontainers {@value #IMAGE} container, when Docker is available; it lives until the JVM exits;
 *   <li>else none: the tests are skipped through a JUnit assumption with {@link #NO_REDIS_MESSAGE}, or fail with the
 *       same message when {@code SEMCACHE_REQUIRE_REDIS=1} (CI sets it, so a missing server never passes silently).
 * </ol>
 *
 * <p>A server that cannot be reached, or lacks the search module ({@code FT._LIST} fails), fails the tests with a
 * message saying so, whatever {@code SEMCACHE_REQUIRE_REDIS} says: the URL was given on purpose.
 *
 * <p>Tests receive the server as a {@link RedisTestServer} parameter (constructor, lifecycle or test method), or from
 * {@link #server()} in static code. Thread-safe.
 */
public final class RedisStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** The image used when Docker is available and {@code REDIS_URL} is not set. */
    public static final String IMAGE = "redis/redis-stack-server:7.4.0-v3";

    /** The message of a skip (or, when Redis is required, a failure) for want of a server. */
    public static final String NO_REDIS_MESSAGE =
            "No Redis Stack: set REDIS_URL (e.g. `bash scripts/redis-stack.sh start`) or run Docker";

    /** The environment variable naming the server. */
    public static final String REDIS_URL = "REDIS_URL";

    /** The environment variable that turns a skip into a failure when set to {@code 1} or {@code true}. */
    public static final String REQUIRE_REDIS = "SEMCACHE_REQUIRE_REDIS";

    private static final Logger LOG = LoggerFactory.getLogger(RedisStackExtension.class);
    private static final int REDIS_PORT = 6379;

    /** The JVM-wide outcome, decided on first use. */
    private static volatile @Nullable Outcome outcome;

    /** Creates the extension; JUnit does so for {@link RedisStack}. */
    public RedisStackExtension() {}

    /** What to do for want of, or with, a server. */
    public sealed interface Decision {}

    /**
     * Use the server at this URL.
     *
     * @param url the URL from the environment
     */
    public record UseUrl(String url) implements Decision {}

    /** Start a container. */
    public record StartContainer() implements Decision {}

    /**
     * Skip the tests.
     *
     * @param message why
     */
    public record Skip(String message) implements Decision {}

    /**
     * Fail the tests.
     *
     * @param message why
     */
    public record Fail(String message) implements Decision {}

    /**
     * Decides where the server comes from; pure, so it is tested without Redis or Docker.
     *
     * <p>A {@code REDIS_URL} that is blank or an unexpanded build placeholder such as {@code ${env.REDIS_URL}} counts
     * as unset.
     *
     * @param env the environment variables
     * @param dockerAvailable asked only when {@code REDIS_URL} is unset
     * @return the decision
     */
    public static Decision decide(Map<String, String> env, BooleanSupplier dockerAvailable) {
        requireNonNull(env, "env");
        requireNonNull(dockerAvailable, "dockerAvailable");
        String url = env.get(REDIS_URL);
        if (isSet(url)) {
            return new UseUrl(url.trim());
        }
        if (dockerAvailable.getAsBoolean()) {
            return new StartContainer();
        }
        String require = env.get(REQUIRE_REDIS);
        boolean required = isSet(require)
                && (require.trim().equals("1")
                        || require.trim().toLowerCase(Locale.ROOT).equals("true"));
        return required ? new Fail(NO_REDIS_MESSAGE) : new Skip(NO_REDIS_MESSAGE);
    }

    /**
     * Returns the JVM's test server, starting or checking it on first use; for static code such as
     * {@code @BeforeAll} methods.
     *
     * @return the server
     * @throws org.opentest4j.TestAbortedException when there is none and none is required (the test is skipped)
     * @throws IllegalStateException when there is none but one is required, or it is unreachable or lacks search
     */
    public static RedisTestServer server() {
        Outcome current = outcome();
        if (current.server != null) {
            return current.server;
        }
        if (current.skip) {
            Assumptions.abort(current.message);
        }
        throw new IllegalStateException(current.message);
    }

    /**
     * Fails the class at once when a server is required but missing, unreachable or without search; a mere absence
     * is left to {@link #beforeEach}, so that every test is reported as skipped with the reason.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Outcome current = outcome();
        if (current.server == null && !current.skip) {
            throw new IllegalStateException(current.message);
        }
    }

    /** Skips the test (JUnit assumption) when there is no server, or fails it when one is required. */
    @Override
    public void beforeEach(ExtensionContext context) {
        server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RedisTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }

    private static Outcome outcome() {
        Outcome current = outcome;
        if (current == null) {
            synchronized (RedisStackExtension.class) {
                current = outcome;
                if (current == null) {
                    current = resolve(decide(System.getenv(), RedisStackExtension::dockerAvailable));
                    outcome = current;
                }
            }
        }
        return current;
    }

    private static Outcome resolve(Decision decision) {
        try {
            if (decision instanceof UseUrl use) {
                return Outcome.of(checked(new RedisTestServer(use.url(), RedisTestServer.Source.ENVIRONMENT)));
            }
            if (decision instanceof StartContainer) {
                return Outcome.of(checked(startContainer()));
            }
            if (decision instanceof Skip skip) {
                return new Outcome(null, true, skip.message());
            }
            return new Outcome(null, false, ((Fail) decision).message());
        } catch (RuntimeException e) {
            return new Outcome(null, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Docker is not available", e);
            return false;
        }
    }

    @SuppressWarnings("resource") // lives until the JVM exits; Testcontainers' reaper removes it
    private static RedisTestServer startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(REDIS_PORT)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1))
                .withStartupTimeout(Duration.ofMinutes(2));
        container.start();
        String url = "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT);
        LOG.info("started {} at {}", IMAGE, url);
        return new RedisTestServer(url, RedisTestServer.Source.CONTAINER);
    }

    /** Pings the server and makes sure it has the search module. */
    private static RedisTestServer checked(RedisTestServer server) {
        RedisConnectionConfig config;
        try {
            config = server.connectionConfig();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(REDIS_URL + " is not a valid Redis URL: " + e.getMessage(), e);
        }
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(5_000)
                .socketTimeoutMillis(5_000)
                .ssl(config.tls())
                .database(config.database());
        if (config.username() != null) {
            client.user(config.username());
        }
        if (config.password() != null) {
            client.password(config.password());
        }
        Jedis jedis;
        try {
            // The constructor connects already.
            jedis = new Jedis(new HostAndPort(config.host(), config.port()), client.build());
            jedis.ping();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach the Redis test server at " + config.hostAndPort() + " (" + REDIS_URL + "): "
                            + e.getMessage(),
                    e);
        }
        try (jedis) {
            jedis.sendCommand(() -> "FT._LIST".getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the Redis test server at " + config.hostAndPort() + " has no search module (FT._LIST failed: "
                            + e.getMessage() + "); use Redis Stack or Redis 8",
                    e);
        }
        LOG.info("using Redis test server {}", server);
        return server;
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank() && !value.trim().startsWith("${");
    }

    /** A server, or why there is none. */
    private record Outcome(@Nullable RedisTestServer server, boolean skip, String message) {
        static Outcome of(RedisTestServer server) {
            return new Outcome(server, false, "");
        }
    }
}
