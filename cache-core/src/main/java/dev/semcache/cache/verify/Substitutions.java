package dev.semcache.cache.verify;

import java.util.List;
import java.util.Set;

/**
 * Which words of a text name the thing put in and which the thing taken out, when the text asks to use one thing in
 * place of another. English says this in frames that order the two things differently: "use butter instead of oil"
 * and "substitute butter for oil" put the new thing first, "replace oil with butter" and "swap oil for butter" put it
 * second. Word order alone therefore cannot tell "use butter instead of oil" from "replace butter with oil"; the
 * roles can.
 */
final class Substitutions {
    private Substitutions() {}

    private static final byte NONE = 0;
    private static final byte NEW = 1;
    private static final byte OLD = 2;

    /** Words that introduce the second thing after a verb of exchange and its object. */
    private static final Set<String> EXCHANGE_PREPOSITIONS = Set.of("with", "by", "to", "for");

    /** Longest run of content words taken as the name of one thing ("sweetened condensed milk"). */
    private static final int MAX_PHRASE = 3;

    /**
     * Verbs of exchange. Their object is the thing taken out when the new one follows "with", "by", "to" or "for"
     * ("replace oil with butter", "swap oil for butter"), except "substitute ... for" (see {@link #IN_FOR}).
     */
    private static final Set<String> OUT_WITH = Set.of("replace", "substitute", "swap", "switch", "exchange", "trade");

    /** The verb whose object is the new thing when the old one follows "for" ("substitute butter for oil"). */
    private static final Set<String> IN_FOR = Set.of("substitute");

    /** Nouns that make the thing named before them the new one ("applesauce as a substitute for oil"). */
    private static final Set<String> STAND_INS =
            Set.of("substitute", "replacement", "alternative", "alternate", "swap");

    /** How the roles of two texts relate. */
    enum Relation {
        /** At least one text has no substitution frame, or their roles share no word. */
        NONE,
        /**
         * Both name the new and the old thing and every shared word keeps its role: "is yogurt a good substitute for
         * sour cream" and "can I swap sour cream for yogurt" order the two differently but ask the same.
         */
        AGREE,
        /** A word is the new thing in one text and the old thing in the other. */
        SWAPPED
    }

    /** Compares the roles of two texts, {@code partnerOfA} pairing A's tokens with B's. */
    static Relation compare(List<Token> a, List<Token> b, int[] partnerOfA) {
        byte[] ra = roles(a);
        byte[] rb = ra == null ? null : roles(b);
        if (rb == null) {
            return Relation.NONE;
        }
        boolean newer = false;
        boolean older = false;
        for (int i = 0; i < a.size(); i++) {
            int j = partnerOfA[i];
            if (ra[i] == NONE || j < 0 || rb[j] == NONE) {
                continue;
            }
            if (rb[j] != ra[i]) {
                return Relation.SWAPPED;
            }
            newer |= ra[i] == NEW;
            older |= ra[i] == OLD;
        }
        return newer && older ? Relation.AGREE : Relation.NONE;
    }

    /** The role of each token, or null if the text has no substitution frame. */
    private static byte[] roles(List<Token> t) {
        byte[] roles = null;
        for (int i = 0; i < t.size(); i++) {
            String w = t.get(i).lower;
            int after = -1;
            if (w.equals("instead") && is(t, i + 1, "of")) {
                after = i + 2;
            } else if (w.equals("rather") && is(t, i + 1, "than")) {
                after = i + 2;
            } else if (w.equals("in") && is(t, i + 1, "place") && is(t, i + 2, "of")) {
                after = i + 3;
            } else if (STAND_INS.contains(w) && (is(t, i + 1, "for") || is(t, i + 1, "to"))) {
                // "yogurt is a good substitute for sour cream", "applesauce as an alternative to oil"
                after = i + 2;
            }
            if (after > 0) {
                int end = STAND_INS.contains(w) ? subjectEnd(t, i) : i;
                roles = mark(t, roles, before(t, end), end, NEW);
                roles = mark(t, roles, after, phraseEnd(t, after), OLD);
                continue;
            }
            Token v = t.get(i);
            if (v.kind != Token.Kind.CONTENT || !v.isAnyOf(OUT_WITH)) {
                continue;
            }
            if (is(t, i + 1, "from")) {
                // "switch from tabs to spaces"
                int oldEnd = phraseEnd(t, i + 2);
                roles = mark(t, roles, i + 2, oldEnd, OLD);
                if (is(t, oldEnd, "to")) {
                    roles = mark(t, roles, oldEnd + 1, phraseEnd(t, oldEnd + 1), NEW);
                }
                continue;
            }
            int objectEnd = phraseEnd(t, i + 1);
            if (objectEnd == Token.afterDeterminers(t, i + 1)) {
                // "substitute for eggs", "what can I replace eggs with": no object, or the object only.
                if (is(t, i + 1, "for") && v.isAnyOf(IN_FOR)) {
                    roles = mark(t, roles, i + 2, phraseEnd(t, i + 2), OLD);
                }
                continue;
            }
            String prep = objectEnd < t.size() ? t.get(objectEnd).lower : "";
            if (!EXCHANGE_PREPOSITIONS.contains(prep)) {
                roles = mark(t, roles, i + 1, objectEnd, OLD);
                continue;
            }
            boolean newFirst = prep.equals("for") && v.isAnyOf(IN_FOR);
            roles = mark(t, roles, i + 1, objectEnd, newFirst ? NEW : OLD);
            roles = mark(t, roles, objectEnd + 1, phraseEnd(t, objectEnd + 1), newFirst ? OLD : NEW);
        }
        return roles;
    }

    /** The end of the thing named before "(is) a good substitute", "as an alternative". */
    private static int subjectEnd(List<Token> t, int standIn) {
        int k = standIn;
        while (k > 0) {
            Token x = t.get(k - 1);
            if (!(x.isDeterminer()
                    || x.kind == Token.Kind.FRAMING
                    || x.lower.equals("as")
                    || Words.BE_FORMS.contains(x.lower))) {
                break;
            }
            k--;
        }
        return k;
    }

    /** The start of the run of content words that ends right before {@code end}. */
    private static int before(List<Token> t, int end) {
        int k = end;
        while (k > 0 && end - k < MAX_PHRASE && t.get(k - 1).kind == Token.Kind.CONTENT) {
            k--;
        }
        return k;
    }

    /** The end of the run of content words that starts at {@code start}, after any articles or possessives. */
    private static int phraseEnd(List<Token> t, int start) {
        int k = Token.afterDeterminers(t, start);
        int first = k;
        while (k < t.size() && k - first < MAX_PHRASE && t.get(k).kind == Token.Kind.CONTENT) {
            k++;
        }
        return k;
    }

    private static byte[] mark(List<Token> t, byte[] roles, int from, int to, byte role) {
        byte[] out = roles == null ? new byte[t.size()] : roles;
        for (int k = from; k < to; k++) {
            if (t.get(k).kind == Token.Kind.CONTENT) {
                out[k] = role;
            }
        }
        return out;
    }

    private static boolean is(List<Token> t, int k, String word) {
        return k < t.size() && t.get(k).lower.equals(word);
    }
}
