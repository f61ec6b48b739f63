package dev.semcache.bench.replay;

/**
 * Why a prompt appears in a replayed stream.
 *
 * @since 0.1.0
 */
public enum EventKind {
    /** The first time a prompt ({@code text_a} of a pair) is asked: a miss unless a similar one came before. */
    FIRST,
    /** An exact repeat of an earlier prompt, chosen by Zipf popularity: an exact hit when the first was stored. */
    REPEAT,
    /** {@code text_b} of a label-1 pair whose {@code text_a} was asked: a semantic hit is a right answer. */
    PARAPHRASE,
    /** {@code text_b} of a label-0 pair whose {@code text_a} was asked: any hit on it is a wrong answer. */
    NEAR_MISS;

    /**
     * Returns the name used in reports.
     *
     * @return the lower-case name, such as {@code near_miss}
     */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
