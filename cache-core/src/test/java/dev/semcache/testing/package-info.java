/**
 * Test support shared with the other modules through cache-core's test-jar: the {@link
 * dev.semcache.testing.RedisStack} extension that gives integration tests a real Redis Stack, the {@link
 * dev.semcache.testing.FakeOpenAiServer} upstream, and small fault injectors and probes around real components
 * ({@link dev.semcache.testing.SwitchableStore}, {@link dev.semcache.testing.CountingEmbedder}).
 */
@NullMarked
package dev.semcache.testing;

import org.jspecify.annotations.NullMarked;
