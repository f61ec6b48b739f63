package dev.semcache.cache.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Aligns two key sequences the way Python's {@code difflib.SequenceMatcher} does without junk heuristics: take the
 * longest common run, recurse on both sides of it. Cheap for prompt-sized inputs (quadratic in the token count).
 */
final class Diff {
    private final List<int[]> blocks;
    private final int matched;

    private Diff(List<int[]> blocks, int matched) {
        this.blocks = blocks;
        this.matched = matched;
    }

    /** One differing region: {@code a[aFrom, aTo)} replaced by {@code b[bFrom, bTo)}; one side may be empty. */
    record Hunk(int aFrom, int aTo, int bFrom, int bTo) {
        boolean isReplace() {
            return aFrom < aTo && bFrom < bTo;
        }
    }

    static Diff of(List<String> a, List<String> b) {
        List<int[]> found = new ArrayList<>();
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.size(), 0, b.size()});
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int[] x = longestMatch(a, b, q[0], q[1], q[2], q[3]);
            if (x[2] > 0) {
                found.add(x);
                if (q[0] < x[0] && q[2] < x[1]) {
                    queue.push(new int[] {q[0], x[0], q[2], x[1]});
                }
                if (x[0] + x[2] < q[1] && x[1] + x[2] < q[3]) {
                    queue.push(new int[] {x[0] + x[2], q[1], x[1] + x[2], q[3]});
                }
            }
        }
        found.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1]));
        List<int[]> merged = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        int total = 0;
        for (int[] x : found) {
            total += x[2];
            if (i1 + k1 == x[0] && j1 + k1 == x[1]) {
                k1 += x[2];
            } else {
                if (k1 > 0) {
                    merged.add(new int[] {i1, j1, k1});
                }
                i1 = x[0];
                j1 = x[1];
                k1 = x[2];
            }
        }
        if (k1 > 0) {
            merged.add(new int[] {i1, j1, k1});
        }
        merged.add(new int[] {a.size(), b.size(), 0});
        return new Diff(merged, total);
    }

    private static int[] longestMatch(List<String> a, List<String> b, int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestSize = 0;
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = alo; i < ahi; i++) {
            String ai = a.get(i);
            for (int j = blo; j < bhi; j++) {
                if (ai.equals(b.get(j))) {
                    int k = (j > blo ? prev[j] : 0) + 1;
                    cur[j + 1] = k;
                    if (k > bestSize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestSize = k;
                    }
                } else {
                    cur[j + 1] = 0;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return new int[] {besti, bestj, bestSize};
    }

    /** Number of elements in common runs. */
    int matched() {
        return matched;
    }

    /** The differing regions, in order. */
    List<Hunk> hunks() {
        List<Hunk> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (int[] x : blocks) {
            if (i < x[0] || j < x[1]) {
                out.add(new Hunk(i, x[0], j, x[1]));
            }
            i = x[0] + x[2];
            j = x[1] + x[2];
        }
        return out;
    }
}
