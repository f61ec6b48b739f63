package dev.semcache.service.observe;

import static java.util.Objects.requireNonNull;

/**
 * What is recorded about one finished chat completions request.
 *
 * @param namespace the cache namespace of the request
 * @param model the model the request asked for
 * @param outcome hit, miss or bypass
 * @param latencyNanos the time from receiving the request to the end of the answer, in nanoseconds
 * @param promptTokensSaved input tokens a hit saved, 0 otherwise
 * @param completionTokensSaved output tokens a hit saved, 0 otherwise
 * @param verifierRejected whether the verifier rejected the best semantic candidate
 * @param cacheError whether the cache failed (store or embedder) and the request went upstream
 * @param upstreamError whether the upstream answered with an error, could not be reached, or cut its stream
 * @since 0.1.0
 */
public record RequestRecord(
        String namespace,
        String model,
        RequestOutcome outcome,
        long latencyNanos,
        long promptTokensSaved,
        long completionTokensSaved,
        boolean verifierRejected,
        boolean cacheError,
        boolean upstreamError) {

    /** Validates the values. */
    public RequestRecord {
        requireNonNull(namespace, "namespace");
        requireNonNull(model, "model");
        requireNonNull(outcome, "outcome");
        if (promptTokensSaved < 0 || completionTokensSaved < 0) {
            throw new IllegalArgumentException("tokens saved must not be negative");
        }
    }
}
