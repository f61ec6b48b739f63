package dev.semcache.cache.verify;

import dev.semcache.cache.HitVerifier;

/**
 * Factories for the standard {@link HitVerifier}s.
 *
 * @since 0.1.0
 */
public final class HitVerifiers {
    private HitVerifiers() {}

    /**
     * Returns the strict verifier with every {@link Check} on: the recommended default, which rejects near-miss
     * prompts (other numbers, swapped direction, negation, opposites, other names, another requested form, a narrower
     * question) that cosine similarity alone accepts.
     *
     * @return the shared default strict verifier
     */
    public static HitVerifier strict() {
        return Default.INSTANCE;
    }

    /**
     * Returns the verifier that trusts the similarity score alone.
     *
     * @return the accepting verifier
     */
    public static HitVerifier acceptAll() {
        return HitVerifier.acceptAll();
    }

    private static final class Default {
        static final StrictHitVerifier INSTANCE = StrictHitVerifier.builder().build();
    }
}
