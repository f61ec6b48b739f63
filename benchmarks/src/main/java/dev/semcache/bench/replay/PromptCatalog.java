package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

import dev.semcache.bench.eval.LabelledPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct prompts of a pairs file and what the labels say about them: which prompts share an answer (label 1,
 * closed transitively) and which pairs are known to differ (label 0).
 *
 * <p>A hit serves the answer stored for some earlier prompt. It is <em>right</em> when that prompt is the asked one or
 * shares its answer; <em>wrong</em> when a label-0 row says the two differ; and <em>unlabelled</em> when the data say
 * nothing about the two (for example two unrelated QQP questions), which a report counts as wrong too but apart.
 *
 * <p>Not thread-safe while being filled; read-only use afterwards is safe.
 *
 * @since 0.1.0
 */
public final class PromptCatalog {

    /** How a served answer relates to the asked prompt. */
    public enum Match {
        /** The answer was stored for the very prompt asked. */
        SAME_PROMPT,
        /** A label-1 row (directly or through others) says the prompts share an answer. */
        SAME_MEANING,
        /** A label-0 row says the prompts differ. */
        LABELLED_DIFFERENT,
        /** The labels say nothing about the two prompts. */
        UNLABELLED
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final Set<Long> different = new HashSet<>();

    /** Creates an empty catalogue. */
    public PromptCatalog() {}

    /**
     * Creates a catalogue of the prompts of the given pairs.
     *
     * @param pairs the pairs
     * @return the catalogue
     */
    public static PromptCatalog of(List<LabelledPair> pairs) {
        PromptCatalog catalog = new PromptCatalog();
        for (LabelledPair pair : pairs) {
            catalog.add(pair);
        }
        return catalog;
    }

    /**
     * Adds the prompts and the label of a pair.
     *
     * @param pair the pair
     */
    public void add(LabelledPair pair) {
        int a = id(pair.textA());
        int b = id(pair.textB());
        if (pair.same()) {
            union(a, b);
        } else if (a != b) {
            different.add(key(a, b));
        }
    }

    /**
     * Returns the id of a prompt text, adding it when new.
     *
     * @param text the prompt
     * @return its id, from 0 upwards in order of first sight
     */
    public int id(String text) {
        requireNonNull(text, "text");
        Integer id = ids.get(text);
        if (id != null) {
            return id;
        }
        int next = texts.size();
        ids.put(text, next);
        texts.add(text);
        parent.add(next);
        return next;
    }

    /**
     * Returns the id of a known prompt text.
     *
     * @param text the prompt
     * @return its id, or -1 when unknown
     */
    public int find(String text) {
        Integer id = ids.get(text);
        return id != null ? id : -1;
    }

    /**
     * Returns the text of a prompt.
     *
     * @param id the id
     * @return the text
     */
    public String text(int id) {
        return texts.get(id);
    }

    /**
     * Returns the number of distinct prompts.
     *
     * @return the count
     */
    public int size() {
        return texts.size();
    }

    /**
     * Classifies an answer stored for one prompt and served for another.
     *
     * @param asked the asked prompt's id
     * @param served the id of the prompt the served answer was stored for
     * @return how they relate
     */
    public Match match(int asked, int served) {
        if (asked == served) {
            return Match.SAME_PROMPT;
        }
        if (root(asked) == root(served)) {
            return Match.SAME_MEANING;
        }
        if (different.contains(key(asked, served))) {
            return Match.LABELLED_DIFFERENT;
        }
        return Match.UNLABELLED;
    }

    private int root(int id) {
        int r = id;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        // Path compression keeps later look-ups short.
        int node = id;
        while (parent.get(node) != r) {
            int up = parent.get(node);
            parent.set(node, r);
            node = up;
        }
        return r;
    }

    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent.set(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
