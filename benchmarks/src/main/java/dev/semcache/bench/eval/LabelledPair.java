package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One row of a labelled pairs file: two prompts and whether a cached answer to the first is a right answer to the
 * second.
 *
 * @param line the 1-based line number in the file (the header is line 1), for messages
 * @param textA the prompt that is stored
 * @param textB the prompt that is looked up
 * @param same {@code true} for label 1 (the same request), {@code false} for label 0
 * @param kind the row's kind, such as {@code paraphrase} or {@code direction}, or {@code null} when the file has no
 *     {@code kind} column or the cell is empty
 * @since 0.1.0
 */
public record LabelledPair(
        long line,
        String textA,
        String textB,
        boolean same,
        @Nullable String kind) {

    /** Validates the values. */
    public LabelledPair {
        requireNonNull(textA, "textA");
        requireNonNull(textB, "textB");
    }

    /**
     * Returns the row's label as in the file.
     *
     * @return 1 for the same request, 0 otherwise
     */
    public int label() {
        return same ? 1 : 0;
    }
}
