package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

/**
 * The result of {@link RequestSplitter#split}: either the parts of a cacheable request, or why it is not cacheable.
 *
 * @since 0.1.0
 */
public sealed interface RequestSplit {

    /**
     * A request the cache can serve and store.
     *
     * @param namespace the namespace the request was split for
     * @param scope SHA-256 (64 lower-case hex digits) of the canonical JSON of everything that must match exactly
     * @param semanticText the text to embed, as the user wrote it
     * @param exactKey SHA-256 (64 lower-case hex digits) of the scope and the normalised semantic text
     * @since 0.1.0
     */
    record Cacheable(String namespace, String scope, String semanticText, String exactKey) implements RequestSplit {
        /** Validates the values. */
        public Cacheable {
            requireNonNull(namespace, "namespace");
            requireNonNull(scope, "scope");
            requireNonNull(semanticText, "semanticText");
            requireNonNull(exactKey, "exactKey");
        }

        @Override
        public String toString() {
            return "Cacheable[namespace=" + namespace + ", scope=" + scope + ", exactKey=" + exactKey + ", chars="
                    + semanticText.length() + "]";
        }
    }

    /**
     * A request the cache must leave alone.
     *
     * @param reason why
     * @since 0.1.0
     */
    record Bypass(BypassReason reason) implements RequestSplit {
        /** Validates the value. */
        public Bypass {
            requireNonNull(reason, "reason");
        }
    }
}
