package dev.semcache.cache;

/**
 * How a hit was found.
 *
 * @since 0.1.0
 */
public enum HitKind {
    /** By exact key: the same scope and the same normalised text as a stored or earlier served request. */
    EXACT,
    /** By vector search within the scope, then accepted by the hit verifier. */
    SEMANTIC
}
