package dev.semcache.service.observe;

/**
 * How the cache treated one chat completions request, for statistics and metrics.
 *
 * @since 0.1.0
 */
public enum RequestOutcome {
    /** Served from the cache by its exact key. */
    EXACT_HIT("hit", "exact"),
    /** Served from the cache by a semantic match. */
    SEMANTIC_HIT("hit", "semantic"),
    /** Sent upstream because the cache had no usable answer. */
    MISS("miss", "none"),
    /** Sent upstream without consulting the cache (not cacheable, or {@code no-cache}). */
    BYPASS("bypass", "none");

    private final String result;
    private final String lookup;

    RequestOutcome(String result, String lookup) {
        this.result = result;
        this.lookup = lookup;
    }

    /**
     * Returns the outcome as a metric tag value: {@code hit}, {@code miss} or {@code bypass}.
     *
     * @return the tag value
     */
    public String result() {
        return result;
    }

    /**
     * Returns which lookup path served a hit: {@code exact}, {@code semantic}, or {@code none}.
     *
     * @return the tag value
     */
    public String lookup() {
        return lookup;
    }

    /**
     * Returns whether the answer came from the cache.
     *
     * @return {@code true} for both kinds of hit
     */
    public boolean isHit() {
        return this == EXACT_HIT || this == SEMANTIC_HIT;
    }
}
