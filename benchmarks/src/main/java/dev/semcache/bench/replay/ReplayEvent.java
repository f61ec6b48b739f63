package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

/**
 * One prompt of a replayed stream.
 *
 * @param sequence the 0-based position in the stream
 * @param kind why the prompt appears
 * @param promptId the id of the distinct prompt text, see {@link PromptCatalog}
 * @param prompt the prompt text
 * @param previousId for a follow-up, the id of the earlier prompt it follows ({@code text_a}); else -1
 * @since 0.1.0
 */
public record ReplayEvent(long sequence, EventKind kind, int promptId, String prompt, int previousId) {

    /** Validates the values. */
    public ReplayEvent {
        requireNonNull(kind, "kind");
        requireNonNull(prompt, "prompt");
    }
}
