/**
 * Shared test fixtures: the fake OpenAI upstream and the {@link dev.semcache.testing.RedisStack} extension that gives
 * integration tests a real Redis Stack. Shipped in the cache-core test-jar for the other modules' tests.
 */
@NullMarked
package dev.semcache.testing;

import org.jspecify.annotations.NullMarked;
