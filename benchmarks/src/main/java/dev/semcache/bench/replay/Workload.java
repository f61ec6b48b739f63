package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

import dev.semcache.bench.eval.LabelledPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Generates a replayed stream lazily from labelled pairs: a shuffled mix of first-time prompts ({@code text_a}), exact
 * repeats of earlier prompts with Zipf-distributed popularity, and follow-ups ({@code text_b} of a pair whose
 * {@code text_a} was asked), which are paraphrases (label 1) or near-misses (label 0).
 *
 * <p>Each step draws one number: below {@link WorkloadSpec#repeatShare()} it repeats an earlier prompt, below
 * {@code repeatShare + followUpShare} it asks a pending follow-up, otherwise the next first-time prompt; when the chosen
 * kind has nothing left it falls back to another. Every distinct prompt gets a popularity rank from a random
 * permutation, so popularity does not follow the order prompts first appear in. A first-time prompt whose text was
 * asked before (data sets repeat questions) is reported as a repeat. Follow-ups are repeated like any other prompt.
 *
 * <p>Deterministic for a given spec and pair list. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class Workload implements Iterator<ReplayEvent> {

    private final WorkloadSpec spec;
    private final PromptCatalog catalog;
    private final Random random;
    private final List<LabelledPair> firsts;
    private final List<LabelledPair> pending = new ArrayList<>();
    private final double[] popularity;
    private final WeightedSet seen;
    private int nextFirst;
    private long produced;

    /**
     * Creates the stream.
     *
     * @param pairs the labelled pairs, not empty
     * @param spec the stream's shape and seed
     * @throws IllegalArgumentException if there are no pairs
     */
    public Workload(List<LabelledPair> pairs, WorkloadSpec spec) {
        requireNonNull(pairs, "pairs");
        this.spec = requireNonNull(spec, "spec");
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one pair");
        }
        this.catalog = PromptCatalog.of(pairs);
        this.random = new Random(spec.seed());
        this.firsts = new ArrayList<>(pairs);
        Collections.shuffle(firsts, random);
        List<Integer> ranks = new ArrayList<>(catalog.size());
        for (int i = 1; i <= catalog.size(); i++) {
            ranks.add(i);
        }
        Collections.shuffle(ranks, random);
        this.popularity = new double[catalog.size()];
        for (int id = 0; id < popularity.length; id++) {
            popularity[id] = Math.pow(ranks.get(id), -spec.zipfExponent());
        }
        this.seen = new WeightedSet(catalog.size());
    }

    /**
     * Returns the prompts and labels the stream draws from.
     *
     * @return the catalogue
     */
    public PromptCatalog catalog() {
        return catalog;
    }

    /**
     * Returns the number of events the stream holds.
     *
     * @return {@link WorkloadSpec#events()}
     */
    public long size() {
        return spec.events();
    }

    @Override
    public boolean hasNext() {
        return produced < spec.events();
    }

    @Override
    public ReplayEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream holds " + spec.events() + " events");
        }
        double draw = random.nextDouble();
        ReplayEvent event;
        if (draw < spec.repeatShare() && !seen.isEmpty()) {
            event = repeat();
        } else if (draw < spec.repeatShare() + spec.followUpShare() && !pending.isEmpty()) {
            event = followUp();
        } else if (nextFirst < firsts.size()) {
            event = first();
        } else if (!pending.isEmpty()) {
            event = followUp();
        } else {
            event = repeat();
        }
        produced++;
        return event;
    }

    private ReplayEvent first() {
        LabelledPair pair = firsts.get(nextFirst++);
        int id = catalog.find(pair.textA());
        pending.add(pair);
        boolean again = seen.contains(id);
        seen.add(id, popularity[id]);
        return new ReplayEvent(produced, again ? EventKind.REPEAT : EventKind.FIRST, id, pair.textA(), -1);
    }

    private ReplayEvent followUp() {
        int index = random.nextInt(pending.size());
        LabelledPair pair = pending.get(index);
        pending.set(index, pending.get(pending.size() - 1));
        pending.remove(pending.size() - 1);
        int id = catalog.find(pair.textB());
        seen.add(id, popularity[id]);
        return new ReplayEvent(
                produced,
                pair.same() ? EventKind.PARAPHRASE : EventKind.NEAR_MISS,
                id,
                pair.textB(),
                catalog.find(pair.textA()));
    }

    private ReplayEvent repeat() {
        int id = seen.sample(random);
        return new ReplayEvent(produced, EventKind.REPEAT, id, catalog.text(id), -1);
    }

    /** A set of ids with weights, sampled in proportion to weight in O(log n) through a Fenwick tree. */
    static final class WeightedSet {
        private final double[] tree;
        private final boolean[] present;
        private int count;

        WeightedSet(int capacity) {
            this.tree = new double[capacity + 1];
            this.present = new boolean[capacity];
        }

        boolean isEmpty() {
            return count == 0;
        }

        boolean contains(int id) {
            return present[id];
        }

        void add(int id, double weight) {
            if (present[id]) {
                return;
            }
            present[id] = true;
            count++;
            for (int i = id + 1; i < tree.length; i += i & -i) {
                tree[i] += weight;
            }
        }

        int sample(Random random) {
            double total = 0;
            for (int i = tree.length - 1; i > 0; i -= i & -i) {
                total += tree[i];
            }
            double target = random.nextDouble() * total;
            int position = 0;
            for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
                int next = position + step;
                if (next < tree.length && tree[next] <= target) {
                    target -= tree[next];
                    position = next;
                }
            }
            // position is the count of ids whose cumulative weight is at most the target: the id at that index wins,
            // skipping absent ids (weight 0) that rounding could land on.
            int id = Math.min(position, present.length - 1);
            while (!present[id]) {
                id = id > 0 ? id - 1 : nextPresent(id);
            }
            return id;
        }

        private int nextPresent(int from) {
            for (int id = from; id < present.length; id++) {
                if (present[id]) {
                    return id;
                }
            }
            throw new IllegalStateException("empty set");
        }
    }
}
