package dev.semcache.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that needs a real Redis Stack, and lets it receive a {@link RedisTestServer}
 * parameter.
 *
 * <p>The server is the one named by the {@code REDIS_URL} environment variable; else a Testcontainers
 * {@code redis/redis-stack-server} container when Docker runs; else the tests are skipped with a message saying how
 * to get one, or fail instead when {@code SEMCACHE_REQUIRE_REDIS=1}. See {@link RedisStackExtension}.
 *
 * <pre>{@code
 * @RedisStack
 * final class SomethingIT {
 *     @Test
 *     void works(RedisTestServer redis) {
 *         String url = redis.url();
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("redis")
@ExtendWith(RedisStackExtension.class)
public @interface RedisStack {}
