package dev.semcache.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Runs the store contract against {@link VectorStores#inMemory(Clock)} with a fake clock. */
final class InMemoryVectorStoreTest extends AbstractVectorStoreContractTest {

    private final FakeClock clock = new FakeClock();

    @Override
    protected VectorStore createStore() {
        return VectorStores.inMemory(clock);
    }

    @Override
    protected void advance(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void findExact_oneMillisecondBeforeExpiry_findsEntryThenNot() {
        CacheEntry entry = entry("e1", NS, SCOPE, withNegatives(0));
        join(store.put(entry, Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        boolean foundBefore = join(store.findExact(NS, entry.exactKey())).isPresent();
        clock.advance(Duration.ofMillis(1));
        boolean foundAt = join(store.findExact(NS, entry.exactKey())).isPresent();

        assertThat(foundBefore).isTrue();
        assertThat(foundAt).isFalse();
    }

    @Test
    void removeNamespace_expiredEntries_areNotCounted() {
        join(store.put(entry("old", NS, SCOPE, withNegatives(0)), Duration.ofSeconds(1)));
        join(store.put(entry("new", NS, SCOPE, withNegatives(0)), LONG_TTL));
        clock.advance(Duration.ofSeconds(1));

        long removed = join(store.removeNamespace(NS));

        assertThat(removed).isEqualTo(1);
    }

    /** A clock that moves only when told to. */
    private static final class FakeClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
