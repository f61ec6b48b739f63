package dev.semcache.cache.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The kind of answer a question asks for, read from the question words that open its sentences. */
final class Questions {
    private Questions() {}

    private static final Map<String, String> CLASS = Map.of(
            "why", "why", "when", "when", "where", "where", "how", "how", "what", "what", "which", "what", "who", "who",
            "whom", "who", "whose", "who");

    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "so");

    /** Verbs that open a yes/no question after a clause ("when riding uphill, should I ..."). */
    private static final Set<String> YES_NO_OPENERS =
            Set.of("should", "can", "could", "would", "will", "is", "are", "do", "does", "did", "shall", "may", "must");

    /** Verbs a closing question may use without naming anything new ("..., why is that happening?"). */
    private static final Set<String> EMPTY_VERBS = Set.of("happen", "occur");

    /** Marks after which a question word can close a statement ("my brakes squeal, why?"). */
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", "-", "–", "—");

    /** Words that may precede the question word without changing it ("and why", "so how"). */
    private static final Set<String> LEADING = Set.of("so", "and", "but", "then", "also", "exactly", "just");

    /** Words that ask the question the following question word states ("explain when", "can you tell me why"). */
    private static final Set<String> ASKING = Set.of(
            "explain",
            "describe",
            "tell",
            "show",
            "ask",
            "wonder",
            "know",
            "me",
            "us",
            "i",
            "you",
            "can",
            "could",
            "would",
            "will",
            "please",
            "want",
            "to",
            "like",
            "let");

    /** Words that ask for the same kind of answer without the question word ("what is the reason", "what time"). */
    private static final Map<String, Set<String>> CUES = Map.of(
            "why", Set.of("reason", "cause", "make", "purpose", "point", "lead"),
            "when", Set.of("time", "date", "year", "day", "month", "period", "age"),
            "where", Set.of("place", "location", "city", "country", "site", "position", "locate", "area", "region"));

    /** Words that make an adjective name the extreme ("the most common", "the least known"). */
    private static final Set<String> EXTREMES = Set.of("most", "least");

    /** Whether one text asks why, when or where and the other neither does nor names that kind of answer. */
    static boolean mismatch(List<Token> a, List<Token> b) {
        Set<String> qa = classes(a);
        Set<String> qb = classes(b);
        return oneSided(qa, qb, b) || oneSided(qb, qa, a);
    }

    /**
     * Whether one text asks how far something has a quality ("how common is X") and the other, which does not ask
     * that, asks for the one with the most or least of it ("what is the most common X", "which tree is the oldest"):
     * the first wants a degree, the second names a thing. A text that names the extreme itself ("how tall is the
     * tallest building") asks about that thing, as "what is the height of the tallest building" does, so it does not
     * count.
     */
    static boolean degreeForExtreme(List<Token> a, List<Token> b) {
        Set<String> da = degrees(a);
        Set<String> db = degrees(b);
        return (extremeOf(da, db, b) && !extremeOf(da, Set.of(), a))
                || (extremeOf(db, da, a) && !extremeOf(db, Set.of(), b));
    }

    /** The adjectives or adverbs a text asks the degree of: the word right after "how" ("how old", "how often"). */
    private static Set<String> degrees(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            if (tokens.get(i).lower.equals("how")
                    && next.kind == Token.Kind.CONTENT
                    && (next.partsOfSpeech & (Lexicon.ADJ | Lexicon.ADV)) != 0) {
                out.add(next.lower);
            }
        }
        return out;
    }

    private static boolean extremeOf(Set<String> asked, Set<String> otherAsked, List<Token> other) {
        for (String quality : asked) {
            if (otherAsked.contains(quality)) {
                continue;
            }
            for (int j = 0; j < other.size(); j++) {
                Token t = other.get(j);
                boolean most = j > 0 && EXTREMES.contains(other.get(j - 1).lower) && t.lower.equals(quality);
                boolean superlative = !t.lower.equals(quality) && t.lower.endsWith("est") && t.lemmas.contains(quality);
                if (most || superlative) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean oneSided(Set<String> x, Set<String> y, List<Token> other) {
        for (String w : x) {
            Set<String> cues = CUES.get(w);
            if (cues == null || y.contains(w)) {
                continue;
            }
            boolean cued = false;
            for (Token t : other) {
                for (String l : t.lemmas) {
                    if (cues.contains(l)) {
                        cued = true;
                        break;
                    }
                }
            }
            if (!cued) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a question word closes a one-sentence statement as its question ("my brakes squeal, why?", "the next
     * eclipse - when?", "my bread came out dense, why might that be?", "..., why is that happening?"): after a comma
     * or a dash, followed by nothing but function words and "happen" or "occur".
     */
    private static boolean trailing(List<Token> tokens, int n) {
        for (int i = 0; i < n; i++) {
            if (tokens.get(i).endsSentence()) {
                return false;
            }
        }
        if (n == 0 || !CLAUSE_BREAKS.contains(tokens.get(n - 1).lower)) {
            return false;
        }
        for (int i = n + 1; i < tokens.size() && !tokens.get(i).endsSentence(); i++) {
            Token t = tokens.get(i);
            if (t.kind != Token.Kind.STOP && !t.isAnyOf(EMPTY_VERBS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the "when" or "where" at {@code n} opens a clause that a comma closes before the question proper ("when
     * the forecast says 40%, what does that mean?", "when riding uphill, should I shift down?").
     */
    private static boolean opensClause(List<Token> tokens, int n) {
        for (int i = n + 1; i + 1 < tokens.size() && !tokens.get(i).endsSentence(); i++) {
            String next = tokens.get(i + 1).lower;
            if (tokens.get(i).lower.equals(",") && (CLASS.containsKey(next) || YES_NO_OPENERS.contains(next))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asking(Token k) {
        return ASKING.contains(k.lower);
    }

    /** Question words that open a sentence and are followed by more of the question ("why?" alone is not one). */
    static Set<String> classes(List<Token> tokens) {
        Set<String> out = new HashSet<>();
        boolean start = true;
        for (int n = 0; n < tokens.size(); n++) {
            Token k = tokens.get(n);
            String c = CLASS.get(k.lower);
            if (c != null
                    && c.equals("how")
                    && n + 1 < tokens.size()
                    && tokens.get(n + 1).lower.equals("come")) {
                // "how come ice floats" asks why.
                c = "why";
            }
            if (start && c != null && n + 1 < tokens.size()) {
                Token next = tokens.get(n + 1);
                if (next.kind != Token.Kind.PUNCT
                        && !CONJUNCTIONS.contains(next.lower)
                        && !((c.equals("when") || c.equals("where")) && opensClause(tokens, n))) {
                    out.add(c);
                }
            }
            if (c != null && trailing(tokens, n)) {
                out.add(c);
            }
            if (k.endsSentence()) {
                start = true;
            } else if (!LEADING.contains(k.lower) && !(start && asking(k))) {
                start = false;
            }
        }
        return out;
    }
}
