package dev.semcache.bench;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.verify.HitVerifiers;

/**
 * The {@code --verifier on|off} option: which {@link HitVerifier} the cache under test uses.
 *
 * @since 0.1.0
 */
public enum VerifierChoice {
    /** The strict verifier ({@link HitVerifiers#strict()}): rejects near-misses the similarity alone accepts. */
    ON,
    /** No verification: the similarity score alone decides ({@link HitVerifier#acceptAll()}). */
    OFF;

    /**
     * Returns the verifier.
     *
     * @return the verifier for this choice
     */
    public HitVerifier verifier() {
        return this == ON ? HitVerifiers.strict() : HitVerifier.acceptAll();
    }

    /**
     * Returns what the choice means, for reports.
     *
     * @return a short description
     */
    public String description() {
        return this == ON ? "on (strict, HitVerifiers.strict())" : "off (accept-all: similarity alone)";
    }
}
