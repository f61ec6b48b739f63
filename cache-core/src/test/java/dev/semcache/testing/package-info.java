/**
 * Shared test fixtures: the fake OpenAI upstream and the Redis test extension. Shipped in the cache-core test-jar for
 * the other modules' tests.
 */
@NullMarked
package dev.semcache.testing;

import org.jspecify.annotations.NullMarked;
