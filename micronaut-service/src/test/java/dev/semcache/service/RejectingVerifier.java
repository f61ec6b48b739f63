package dev.semcache.service;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.Verdict;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A verifier that rejects every candidate whose text differs from the query, enabled by a test property. */
@Singleton
@Replaces(HitVerifier.class)
@Requires(property = RejectingVerifier.PROPERTY, value = "reject-rewordings")
final class RejectingVerifier implements HitVerifier {
    static final String PROPERTY = "semcache.test.verifier";

    @Override
    public Verdict verify(String query, String candidate, double similarity) {
        return query.equals(candidate) ? Verdict.accept() : Verdict.reject("test-reworded");
    }
}
