package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link HitVerifier#verify}: accepted, or rejected with a reason.
 *
 * @param accepted whether the candidate may be served
 * @param reason a short machine-friendly reason such as {@code number} or {@code direction}; {@code accepted} when
 *     accepted; lower case letters, digits, {@code -} and {@code _} only, so it fits in an HTTP header
 * @since 0.1.0
 */
public record Verdict(boolean accepted, String reason) {
    private static final Verdict ACCEPT = new Verdict(true, "accepted");

    /** Validates the reason. */
    public Verdict {
        requireNonNull(reason, "reason");
        if (!reason.matches("[a-z0-9_\\-]+")) {
            throw new IllegalArgumentException("reason must match [a-z0-9_-]+, was '" + reason + "'");
        }
    }

    /**
     * Returns the accepting verdict.
     *
     * @return the verdict, a singleton
     */
    public static Verdict accept() {
        return ACCEPT;
    }

    /**
     * Returns a rejection.
     *
     * @param reason why, such as {@code number}, {@code direction}, {@code negation}
     * @return the verdict
     */
    public static Verdict reject(String reason) {
        return new Verdict(false, reason);
    }
}
