package dev.semcache.cache.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Pairs the meaningful tokens of two prompts: first by identity, lemma, alias, abbreviation or typo, in text order,
 * then the leftovers by WordNet relatedness, except a word quoted on its own. What stays unpaired is the "rest" the
 * checks look at.
 */
final class Alignment {
    private static final Set<String> BRACKETS = Set.of("(", ")", "[", "]");

    /** Prepositions that join a noun to what it is for or about, which a compound noun drops. */
    private static final Set<String> LINKS = Set.of("for", "of", "about", "on");

    final List<Token> a;
    final List<Token> b;
    final int[] partnerOfA;
    final int[] partnerOfB;
    final List<Token> restA;
    final List<Token> restB;

    private Alignment(
            List<Token> a, List<Token> b, int[] partnerOfA, int[] partnerOfB, List<Token> restA, List<Token> restB) {
        this.a = a;
        this.b = b;
        this.partnerOfA = partnerOfA;
        this.partnerOfB = partnerOfB;
        this.restA = restA;
        this.restB = restB;
    }

    private static boolean pairable(Token t) {
        return switch (t.kind) {
            case CONTENT, FRAMING, POLAR, QUESTION, NUMBER, NEGATOR -> true;
            default -> false;
        };
    }

    static Alignment of(List<Token> a, List<Token> b, StrictHitVerifier words) {
        int[] pa = new int[a.size()];
        int[] pb = new int[b.size()];
        Arrays.fill(pa, -1);
        Arrays.fill(pb, -1);
        for (Token x : a) {
            if (!pairable(x)) {
                continue;
            }
            for (Token y : b) {
                if (pairable(y) && pb[y.index] < 0 && words.sameWord(x, y)) {
                    pa[x.index] = y.index;
                    pb[y.index] = x.index;
                    break;
                }
            }
        }
        compounds(a, b, pa, pb);
        compounds(b, a, pb, pa);
        List<Token> restA = new ArrayList<>();
        List<Token> restB = new ArrayList<>();
        for (Token x : a) {
            if (pairable(x) && pa[x.index] < 0) {
                restA.add(x);
            }
        }
        for (Token y : b) {
            if (pairable(y) && pb[y.index] < 0) {
                restB.add(y);
            }
        }
        // A word in quotes is mentioned, not used: "affect" is not "impact" however close their meanings.
        for (Token x : new ArrayList<>(restA)) {
            if (quoted(a, x.index)) {
                continue;
            }
            for (Token y : restB) {
                if (!quoted(b, y.index) && (words.synonyms(x, y) || words.synonyms(y, x))) {
                    pa[x.index] = y.index;
                    pb[y.index] = x.index;
                    restA.remove(x);
                    restB.remove(y);
                    break;
                }
            }
        }
        return new Alignment(a, b, pa, pb, List.copyOf(restA), List.copyOf(restB));
    }

    /** Whether the word at {@code i} stands alone between quote marks ("the word \"affect\""). */
    private static boolean quoted(List<Token> t, int i) {
        return i > 0
                && i + 1 < t.size()
                && Words.QUOTE_MARKS.contains(t.get(i - 1).lower)
                && Words.QUOTE_MARKS.contains(t.get(i + 1).lower);
    }

    /**
     * Pairs a word with two neighbours of the other text that it joins ("timezone" and "time zone", "US" and "United
     * States").
     */
    private static void compounds(List<Token> a, List<Token> b, int[] pa, int[] pb) {
        for (Token x : a) {
            if (x.kind != Token.Kind.CONTENT || pa[x.index] >= 0) {
                continue;
            }
            for (int j = 0; j + 1 < b.size(); j++) {
                if (pb[j] < 0 && pb[j + 1] < 0 && x.keys.contains(b.get(j).lower + b.get(j + 1).lower)) {
                    pa[x.index] = j;
                    pb[j] = x.index;
                    pb[j + 1] = x.index;
                    break;
                }
            }
        }
    }

    /**
     * Whether two paired items trade places while their surroundings stay: x sits in A where y sits in B, with the
     * same neighbours (articles, possessives and punctuation skipped) on both sides, and something other than "and"/"or"/"between" separates
     * them.
     */
    boolean swapped() {
        List<Token> xs = new ArrayList<>();
        for (Token x : a) {
            int j = partnerOfA[x.index];
            if (j >= 0 && (b.get(j).kind == Token.Kind.CONTENT || b.get(j).kind == Token.Kind.NUMBER)) {
                xs.add(x);
            }
        }
        for (int p = 0; p < xs.size(); p++) {
            for (int q = p + 1; q < xs.size(); q++) {
                Token ka = xs.get(p);
                Token la = xs.get(q);
                Token kb = b.get(partnerOfA[ka.index]);
                Token lb = b.get(partnerOfA[la.index]);
                if (kb.index < lb.index) {
                    continue;
                }
                int[] x = span(ka.index, kb.index);
                int[] y = span(la.index, lb.index);
                if (!(x[1] < y[0] && y[3] < x[2])) {
                    continue;
                }
                boolean gap = false;
                boolean onlySymmetric = true;
                for (int i = x[1] + 1; i < y[0]; i++) {
                    Token g = a.get(i);
                    if (g.isArticle()) {
                        continue;
                    }
                    gap = true;
                    // Quote marks and brackets set off a name or a gloss: "the word \"saudade\"", "saudade (a word)".
                    if (!Words.SYMMETRIC.contains(g.lower)
                            && !Words.QUOTE_MARKS.contains(g.lower)
                            && !BRACKETS.contains(g.lower)) {
                        onlySymmetric = false;
                    }
                }
                // Only articles between ("is a square a rectangle") still separates two things.
                boolean articlesOnly = !gap && x[1] + 1 < y[0];
                if (!gap && !articlesOnly || gap && onlySymmetric) {
                    continue;
                }
                if (articlesOnly) {
                    // Side by side, each is the other's neighbour: compare what surrounds the two together.
                    if (context(a, x[0], -1).equals(context(b, y[2], -1))
                            && context(a, y[1], 1).equals(context(b, x[3], 1))) {
                        return true;
                    }
                    continue;
                }
                if (compoundTurned(a, x[1] + 1, y[0], b, y[3] + 1, x[2])) {
                    continue;
                }
                if (sameContext(x[0], y[2], -1) && sameContext(x[1], y[3], 1)) {
                    return true;
                }
                if (sameContext(y[0], x[2], -1) && sameContext(y[1], x[3], 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether one text joins the two items with "for", "of", "about" or "on" where the other puts them side by side
     * as a compound noun: "a checklist for planning a wedding" and "a wedding planning checklist" name one thing.
     * The gaps are {@code [aFrom, aTo)} in A and {@code [bFrom, bTo)} in B.
     */
    private static boolean compoundTurned(List<Token> a, int aFrom, int aTo, List<Token> b, int bFrom, int bTo) {
        return compound(b, bFrom, bTo) && linked(a, aFrom, aTo) || compound(a, aFrom, aTo) && linked(b, bFrom, bTo);
    }

    private static boolean compound(List<Token> t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.get(i).kind != Token.Kind.CONTENT) {
                return false;
            }
        }
        return true;
    }

    private static boolean linked(List<Token> t, int from, int to) {
        int links = 0;
        for (int i = from; i < to; i++) {
            Token g = t.get(i);
            if (LINKS.contains(g.lower)) {
                links++;
            } else if (!g.isDeterminer() && g.kind != Token.Kind.CONTENT) {
                return false;
            }
        }
        return links == 1;
    }

    /** Grows a pair into the longest run of identical content tokens around it: {aFrom, aTo, bFrom, bTo} inclusive. */
    private int[] span(int ia, int ib) {
        int a0 = ia;
        int b0 = ib;
        while (a0 > 0 && b0 > 0 && sameContent(a.get(a0 - 1), b.get(b0 - 1))) {
            a0--;
            b0--;
        }
        int a1 = ia;
        int b1 = ib;
        while (a1 + 1 < a.size() && b1 + 1 < b.size() && sameContent(a.get(a1 + 1), b.get(b1 + 1))) {
            a1++;
            b1++;
        }
        return new int[] {a0, a1, b0, b1};
    }

    private static boolean sameContent(Token x, Token y) {
        return x.lower.equals(y.lower) && (x.kind == Token.Kind.CONTENT || x.kind == Token.Kind.NUMBER);
    }

    private static String context(List<Token> tokens, int i, int step) {
        int j = neighbour(tokens, i, step);
        return j >= 0 && j < tokens.size() ? tokens.get(j).lower : "^$";
    }

    private static int neighbour(List<Token> tokens, int i, int step) {
        int j = i + step;
        while (j >= 0
                && j < tokens.size()
                && (tokens.get(j).isDeterminer() || tokens.get(j).kind == Token.Kind.PUNCT)) {
            j += step;
        }
        return j;
    }

    /**
     * Whether the neighbours of position {@code i} in A and {@code j} in B, one step in {@code step}'s direction, are
     * the same word, or two content or framing words that pair with nothing ("a brand inviting an influencer" against "an
     * influencer asking a brand": the verb between was reworded, the roles still traded).
     */
    private boolean sameContext(int i, int j, int step) {
        if (context(a, i, step).equals(context(b, j, step))) {
            return true;
        }
        int x = neighbour(a, i, step);
        int y = neighbour(b, j, step);
        return x >= 0
                && x < a.size()
                && y >= 0
                && y < b.size()
                && partnerOfA[x] < 0
                && partnerOfB[y] < 0
                && word(a.get(x))
                && word(b.get(y));
    }

    private static boolean word(Token t) {
        return t.kind == Token.Kind.CONTENT || t.kind == Token.Kind.FRAMING;
    }
}
