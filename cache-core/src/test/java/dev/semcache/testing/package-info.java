/**
 * Test support shared with the other modules through cache-core's test-jar: the {@link
 * dev.semcache.testing.RedisStack} extension that gives integration tests a real Redis Stack.
 */
@NullMarked
package dev.semcache.testing;

import org.jspecify.annotations.NullMarked;
