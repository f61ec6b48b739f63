package dev.semcache.service.web;

import dev.semcache.cache.ChatAnswer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets identical concurrent misses share one upstream call.
 *
 * <p>The first request for a key becomes the leader and calls the upstream; requests for the same key that arrive
 * before the leader finishes become followers and wait for its answer. The leader must {@link Leader#finish finish}
 * whatever happens: with the answer when it may be shared, or empty, which sends each follower upstream on its own
 * (after an error or a cut stream, sharing would spread the failure). Keys combine the namespace and the exact key,
 * so followers only ever receive answers of their own tenant to the same scope and text.
 *
 * <p>Thread-safe.
 */
final class SingleFlight {
    private final ConcurrentMap<String, CompletableFuture<Optional<ChatAnswer>>> flights = new ConcurrentHashMap<>();
    private final AtomicInteger followers = new AtomicInteger();

    /**
     * Joins the flight for a key, starting it when there is none.
     *
     * @param key the namespace and exact key
     * @return a {@link Leader} to finish, or a {@link Follower} to wait
     */
    Role join(String key) {
        CompletableFuture<Optional<ChatAnswer>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ChatAnswer>> existing = flights.putIfAbsent(key, mine);
        if (existing == null) {
            return new Leader(key, mine);
        }
        followers.incrementAndGet();
        existing.whenComplete((answer, error) -> followers.decrementAndGet());
        return new Follower(existing);
    }

    /**
     * Returns how many requests are waiting for a leader.
     *
     * @return the count
     */
    int followersWaiting() {
        return followers.get();
    }

    /**
     * Returns how many flights are under way.
     *
     * @return the count
     */
    int inFlight() {
        return flights.size();
    }

    /** What a request does in a flight. */
    sealed interface Role {}

    /** The request that calls the upstream for everyone. */
    final class Leader implements Role {
        private final String key;
        private final CompletableFuture<Optional<ChatAnswer>> result;

        private Leader(String key, CompletableFuture<Optional<ChatAnswer>> result) {
            this.key = key;
            this.result = result;
        }

        /**
         * Ends the flight, handing the answer to the followers; later calls do nothing.
         *
         * @param answer the answer to share, or empty to send the followers upstream themselves
         */
        void finish(Optional<ChatAnswer> answer) {
            flights.remove(key, result);
            result.complete(answer);
        }
    }

    /**
     * A request that waits for the leader.
     *
     * @param result completes with the leader's answer, or empty
     */
    record Follower(CompletableFuture<Optional<ChatAnswer>> result) implements Role {}
}
