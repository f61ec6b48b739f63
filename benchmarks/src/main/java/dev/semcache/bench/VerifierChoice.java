package dev.semcache.bench;

import dev.semcache.cache.HitVerifier;

/**
 * The {@code --verifier on|off} option: which {@link HitVerifier} the cache under test uses.
 *
 * @since 0.1.0
 */
public enum VerifierChoice {
    /**
     * The verifier a deployment runs. Until a strict verifier ships in cache-core this is the cache builder's default,
     * {@link HitVerifier#acceptAll()}, and {@link #description()} says so.
     */
    ON,
    /** No verification: the similarity score alone decides ({@link HitVerifier#acceptAll()}). */
    OFF;

    /**
     * Returns the verifier.
     *
     * @return the verifier for this choice
     */
    public HitVerifier verifier() {
        return HitVerifier.acceptAll();
    }

    /**
     * Returns what the choice means in this build, for reports.
     *
     * @return a short description
     */
    public String description() {
        return this == ON
                ? "on (the builder's default, accept-all: no strict verifier in this build)"
                : "off (accept-all)";
    }
}
