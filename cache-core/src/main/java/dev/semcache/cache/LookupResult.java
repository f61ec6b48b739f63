package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link SemanticCache#lookup}: a hit to serve, a miss to forward upstream, or a bypass.
 *
 * <pre>{@code
 * LookupResult result = cache.lookup(request);
 * if (result instanceof LookupResult.Hit hit) {
 *     return hit.answer();
 * }
 * ChatAnswer answer = upstream.complete(request);
 * if (result instanceof LookupResult.Miss) {
 *     cache.store(request, answer);
 * }
 * return answer;
 * }</pre>
 *
 * @since 0.1.0
 */
public sealed interface LookupResult {

    /**
     * A cached answer that may be served.
     *
     * @param answer the stored answer
     * @param kind how it was found
     * @param similarity cosine similarity between the request's semantic text and the stored prompt; 1.0 for exact
     *     hits
     * @param entryId the id of the stored entry, for invalidation
     * @param age how long ago the answer was stored, not negative
     * @param matchedPrompt the stored entry's semantic text
     * @since 0.1.0
     */
    record Hit(ChatAnswer answer, HitKind kind, double similarity, String entryId, Duration age, String matchedPrompt)
            implements LookupResult {
        /** Validates the values. */
        public Hit {
            requireNonNull(answer, "answer");
            requireNonNull(kind, "kind");
            requireNonNull(entryId, "entryId");
            requireNonNull(age, "age");
            requireNonNull(matchedPrompt, "matchedPrompt");
            if (age.isNegative()) {
                throw new IllegalArgumentException("age must not be negative, was " + age);
            }
        }

        @Override
        public String toString() {
            // The prompt may be sensitive; keep it out of logs.
            return "Hit[kind=" + kind + ", similarity=" + similarity + ", entryId=" + entryId + ", age=" + age + "]";
        }
    }

    /**
     * Nothing to serve: forward the request and store the answer.
     *
     * @param reason why
     * @param verdict the last rejecting verdict when {@code reason} is {@link MissReason#REJECTED}, else {@code null}
     * @since 0.1.0
     */
    record Miss(MissReason reason, @Nullable Verdict verdict) implements LookupResult {
        /** Validates the values. */
        public Miss {
            requireNonNull(reason, "reason");
        }
    }

    /**
     * The cache leaves this request alone.
     *
     * @param reason why
     * @since 0.1.0
     */
    record Bypass(BypassReason reason) implements LookupResult {
        /** Validates the value. */
        public Bypass {
            requireNonNull(reason, "reason");
        }
    }
}
