package dev.semcache.cache.verify;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HitVerifier} that compares the two prompts word by word and rejects a candidate whose differences change
 * the meaning, even when the embeddings are nearly identical.
 *
 * <p>Both texts are tokenised (contractions expanded, numbers read, words lemmatised with WordNet). Content words
 * are paired across the texts by identity, lemma, unit or currency alias, abbreviation, spelling slip, then WordNet
 * synonymy and derivation ("merge"/"combine", "summarize"/"summary", "far"/"distance"). A word quoted on its own is
 * mentioned, not used, so WordNet does not pair it ("affect" is no "impact"). The {@linkplain Check checks} then look
 * at what stayed unpaired and where the paired words sit:
 *
 * <ol>
 *   <li>{@link Check#NUMBER}: the multisets of numbers differ;
 *   <li>{@link Check#NEGATION}: one side is negated an odd number of times more ("or not" closing a question does
 *       not count);
 *   <li>{@link Check#DIRECTION}: two paired items trade places in an otherwise unchanged frame, or doer and done-to
 *       trade roles (names or pronouns), or "whose N is X" meets "X's N";
 *   <li>{@link Check#POLARITY}: unpaired words are opposites (WordNet antonyms, or a member of a small synset with
 *       one: "easier"/"harder"), or an act both name is held back on one side only ("what to say" / "what to avoid
 *       saying", "start on boot" / "stop it from starting on boot");
 *   <li>{@link Check#ENTITY}: unpaired names on both sides (rival names before the same name included), or a name
 *       extended at its end;
 *   <li>{@link Check#SUBSTITUTION}: a one-slot replacement in a sentence that is otherwise the same (one differing
 *       place only, a repeat of the same replacement included), or another act on what the paired verb leaves
 *       behind ("show hidden files" / "hide files");
 *   <li>{@link Check#QUESTION}: one asks why, when or where and the other does not, or one asks how far something
 *       has a quality and the other which thing has the most of it ("how common is X" / "the most common X");
 *   <li>{@link Check#SCOPE}: one side adds many topic words (a noun right after "which" or "what" names the kind of
 *       answer, not a topic), a named setting ("in the UK", "on Ubuntu"), a closing phrase that sets place, time,
 *       means or group ("in the kitchen", "at night", "using the elbow method"), a whole further question, or an item
 *       added to a list the other side also gives ("TCP, UDP and QUIC" / "TCP and QUIC"; "the pros and cons" /
 *       "the pros"), one item of a list swapped for another ("speed and endurance" / "endurance and strength"), or a
 *       position word that names one part of a thing ("the rear brake pads" / "the brake pads");
 *   <li>{@link Check#REFERENCE}: either text points at something it does not contain ("how do I solve this
 *       equation?", "what is the genre of this music?"), so neither says what is asked about.
 * </ol>
 *
 * <p>The first check that fires gives the {@linkplain Verdict#reason() reason}. The verifier never accepts what the
 * similarity threshold rejected; it only rejects. The similarity argument is not used. A pair that is wholly
 * reworded (few words in common, no named thing or number changed) is left to the embedding score: rules that
 * need a shared frame do not fire on it.
 *
 * <p>Instances are immutable and thread-safe; one call costs tens of microseconds for prompt-sized texts. The
 * bundled lexicon is loaded once per JVM on first use.
 *
 * <pre>{@code
 * HitVerifier verifier = StrictHitVerifier.builder()
 *         .disable(Check.SCOPE)
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StrictHitVerifier implements HitVerifier {
    /** The default share of tokens two prompts must have in common for a one-slot replacement to count. */
    public static final double DEFAULT_MIN_TEMPLATE_OVERLAP = 0.6;

    /** The default number of added topic words, relative to the other prompt's, that narrows the scope. */
    public static final double DEFAULT_SCOPE_GROWTH = 0.5;

    private static final int MAX_SLOT_TOKENS = 3;
    private static final int MAX_ITEM_TOKENS = 3;
    private static final int HOLD_BACK_REACH = 4;
    private static final int HOLD_BACK_REACH_FROM = 10;
    private static final int MAX_POINTER_TAIL = 2;
    private static final int MIN_SHARED_STEM = 7;
    private static final int MAX_OTHER_ENDING = 4;
    private static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "&", "/");
    private static final Pattern CODE_LIKE = Pattern.compile(".*[0-9+#].*");
    private static final Pattern PARTICIPLE = Pattern.compile("[a-z]{3,}(ed|en)");

    private final Set<Check> checks;
    private final double minTemplateOverlap;
    private final double scopeGrowth;
    private final TextAnalyzer analyzer;
    private final Lexicon lexicon;

    private StrictHitVerifier(Builder b) {
        this.checks = Set.copyOf(b.checks);
        this.minTemplateOverlap = b.minTemplateOverlap;
        this.scopeGrowth = b.scopeGrowth;
        this.lexicon = Lexicon.bundled();
        this.analyzer = new TextAnalyzer(lexicon);
    }

    /**
     * Returns a builder with every check on and the default tuning.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder pre-filled with this verifier's settings, to make a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.checks.clear();
        b.checks.addAll(checks);
        b.minTemplateOverlap = minTemplateOverlap;
        b.scopeGrowth = scopeGrowth;
        return b;
    }

    /**
     * Returns the checks this verifier runs.
     *
     * @return an immutable set
     */
    public Set<Check> checks() {
        return checks;
    }

    /**
     * Returns the share of tokens two prompts must have in common before {@link Check#SUBSTITUTION} looks at a
     * replaced slot.
     *
     * @return a value in [0, 1]
     */
    public double minTemplateOverlap() {
        return minTemplateOverlap;
    }

    /**
     * Returns how many topic words one prompt must add, as a share of the other prompt's topic words, for
     * {@link Check#SCOPE} to reject.
     *
     * @return a positive value
     */
    public double scopeGrowth() {
        return scopeGrowth;
    }

    @Override
    public Verdict verify(String query, String candidate, double similarity) {
        requireNonNull(query, "query");
        requireNonNull(candidate, "candidate");
        String reason = firstReason(analyzer.analyze(query), analyzer.analyze(candidate));
        return reason == null ? Verdict.accept() : Verdict.reject(reason);
    }

    private @Nullable String firstReason(List<Token> a, List<Token> b) {
        if (checks.contains(Check.NUMBER) && !sameNumbers(a, b)) {
            return "number";
        }
        if (checks.contains(Check.NEGATION) && negations(a, b) % 2 != negations(b, a) % 2) {
            return "negation";
        }
        Alignment al = Alignment.of(a, b, this);
        Substitutions.Relation exchange =
                checks.contains(Check.DIRECTION) ? Substitutions.compare(a, b, al.partnerOfA) : null;
        if (checks.contains(Check.DIRECTION)
                && (exchange == Substitutions.Relation.SWAPPED
                        || al.swapped() && exchange != Substitutions.Relation.AGREE
                        || swappedRoles(a, b, al)
                        || swappedPerson(a, b, al)
                        || whoseTurned(a, b, al.partnerOfA)
                        || whoseTurned(b, a, al.partnerOfB))) {
            return "direction";
        }
        if (checks.contains(Check.POLARITY)) {
            for (Token x : al.restA) {
                for (Token y : al.restB) {
                    if ((opposite(x, y) || opposite(y, x)) && !(verbMarker(a, x) && verbMarker(b, y))) {
                        return "polarity";
                    }
                }
            }
        }
        if (checks.contains(Check.POLARITY) && heldBackOnOneSide(a, b, al.partnerOfA)) {
            return "polarity";
        }
        if (checks.contains(Check.SUBSTITUTION)
                && (participleForVerb(a, b, al.partnerOfA) || participleForVerb(b, a, al.partnerOfB))) {
            return "substitution";
        }
        List<Token> restA = withoutOwnerNames(a, al.restA, b, al.partnerOfA, al.restB);
        List<Token> restB = withoutOwnerNames(b, al.restB, a, al.partnerOfB, al.restA);
        List<Token> entA = entities(restA);
        List<Token> entB = entities(restB);
        if (checks.contains(Check.ENTITY)) {
            if (!entA.isEmpty() && !entB.isEmpty()) {
                return anyLanguage(entA) || anyLanguage(entB) ? "language" : "entity";
            }
            if (extendsName(a, entA) || extendsName(b, entB)) {
                return "entity";
            }
        }
        List<Token> topicA = topical(restA);
        List<Token> topicB = topical(restB);
        if (checks.contains(Check.SCOPE) && (addsNamedSetting(a, entA, topicB) || addsNamedSetting(b, entB, topicA))) {
            return "scope";
        }
        if (checks.contains(Check.SCOPE)
                && (topicB.isEmpty() && settingPhrase(a, al.partnerOfA, topicA)
                        || topicA.isEmpty() && settingPhrase(b, al.partnerOfB, topicB))) {
            return "scope";
        }
        if (checks.contains(Check.SUBSTITUTION)) {
            String slot = replacedSlot(a, b, al, topicA, topicB, !entA.isEmpty() || !entB.isEmpty());
            if (slot != null) {
                return slot;
            }
        }
        if (checks.contains(Check.QUESTION) && (Questions.mismatch(a, b) || Questions.degreeForExtreme(a, b))) {
            return "question";
        }
        if (checks.contains(Check.SCOPE)) {
            List<List<int[]>> listsA = lists(a);
            List<List<int[]>> listsB = lists(b);
            if (asksMore(a, al.partnerOfA)
                    || asksMore(b, al.partnerOfB)
                    || listsMore(a, al.partnerOfA, listsA, listsB, al.partnerOfB)
                    || listsMore(b, al.partnerOfB, listsB, listsA, al.partnerOfA)
                    || itemSwapped(listsA, al.partnerOfA, listsB, al.partnerOfB)) {
                return "scope";
            }
            if (namesPart(a, al.partnerOfA, b) || namesPart(b, al.partnerOfB, a)) {
                return "scope";
            }
            List<Token> addA = withoutAnswerTypes(a, nounsOrAdjectives(topicA));
            List<Token> addB = withoutAnswerTypes(b, nounsOrAdjectives(topicB));
            if (narrows(addA, topicB, contentCount(b)) || narrows(addB, topicA, contentCount(a))) {
                return "scope";
            }
        }
        if (checks.contains(Check.REFERENCE) && (pointsOutside(a) || pointsOutside(b))) {
            return "reference";
        }
        return null;
    }

    /**
     * Whether one text acts on the thing a verb of the other text leaves behind ("show hidden files" vs "hide files",
     * "find deleted messages" vs "delete messages"): the paired verb is only a modifier there, and the act asked
     * about is another verb.
     */
    private static boolean participleForVerb(List<Token> a, List<Token> b, int[] partnerOfA) {
        for (int i = 1; i + 1 < a.size(); i++) {
            Token x = a.get(i);
            int j = partnerOfA[i];
            if (j < 0
                    || j + 1 >= b.size()
                    || x.kind != Token.Kind.CONTENT
                    || !PARTICIPLE.matcher(x.lower).matches()) {
                continue;
            }
            Token y = b.get(j);
            if (y.lower.equals(x.lower) || !x.lemmas.contains(y.lower)) {
                continue;
            }
            Token act = a.get(i - 1);
            Token thing = a.get(i + 1);
            // "get started", "get married": "get" with a participle is the same act, not another one.
            boolean otherVerb = (act.kind == Token.Kind.CONTENT || act.kind == Token.Kind.FRAMING)
                    && partnerOfA[i - 1] < 0
                    && (act.partsOfSpeech & Lexicon.VERB) != 0
                    && !act.lemmas.contains("get");
            if (otherVerb
                    && thing.kind == Token.Kind.CONTENT
                    && (thing.partsOfSpeech & Lexicon.NOUN) != 0
                    && !thing.lower.endsWith("ing")
                    && partnerOfA[i + 1] > j) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a text of several sentences asks a whole question the other text does not touch ("What are the risks
     * of index funds? How do I reduce them?" vs the first question alone): none of that question's content words is
     * paired, and it has two of them or opens with a question word. An answer to the shorter prompt leaves it
     * unanswered. Fragments that are not questions ("Request", "Ex.:") do not count.
     */
    private static boolean asksMore(List<Token> t, int[] partner) {
        int sentences = 0;
        boolean extra = false;
        int start = 0;
        int content = 0;
        int unpaired = 0;
        for (int i = 0; i <= t.size(); i++) {
            if (i < t.size() && !t.get(i).endsSentence()) {
                if (t.get(i).kind == Token.Kind.CONTENT) {
                    content++;
                    unpaired += partner[i] < 0 ? 1 : 0;
                }
                continue;
            }
            if (content > 0) {
                sentences++;
                String first = t.get(start).lower;
                boolean opensQuestion = Words.WH_GENERIC.contains(first) || Words.WH_SPECIFIC.contains(first);
                extra |= unpaired == content
                        && (content >= 2 || opensQuestion)
                        && i < t.size()
                        && t.get(i).lower.equals("?");
            }
            start = i + 1;
            content = 0;
            unpaired = 0;
        }
        return sentences > 1 && extra;
    }

    /**
     * Whether a list in one text holds an item the other text leaves out while both texts list the rest: "the
     * difference between TCP, UDP and QUIC" vs "between TCP and QUIC", or "the pros and cons" vs "the pros" (an item
     * beside its opposite). An answer about the shorter list leaves that item out. A list whose items all pair, in any
     * order, does not count, nor does an item whose words the other text uses elsewhere.
     */
    private boolean listsMore(
            List<Token> x, int[] partnerOfX, List<List<int[]>> listsX, List<List<int[]>> listsY, int[] partnerOfY) {
        for (List<int[]> list : listsX) {
            List<int[]> paired = new ArrayList<>();
            int @Nullable [] unpaired = null;
            for (int[] item : list) {
                if (anyPaired(partnerOfX, item)) {
                    paired.add(item);
                } else {
                    unpaired = item;
                }
            }
            if (unpaired == null || paired.isEmpty()) {
                continue;
            }
            Token extra = x.get(unpaired[1] - 1);
            for (int[] item : paired) {
                if (item[1] - item[0] == 1 && unpaired[1] - unpaired[0] == 1 && opposite(x.get(item[0]), extra)) {
                    return true;
                }
            }
            if (paired.size() >= 2 && sublist(listsY, partnerOfY, paired)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two lists of as many items share all but one, and the one left on each side pairs with nothing ("my
     * speed and endurance" vs "endurance and strength"): the question is about another pair.
     */
    private static boolean itemSwapped(
            List<List<int[]>> listsA, int[] partnerOfA, List<List<int[]>> listsB, int[] partnerOfB) {
        for (List<int[]> x : listsA) {
            for (List<int[]> y : listsB) {
                if (x.size() == y.size()
                        && unpairedItems(x, partnerOfA) == 1
                        && unpairedItems(y, partnerOfB) == 1
                        && pairsInto(x, partnerOfA, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int unpairedItems(List<int[]> list, int[] partner) {
        int n = 0;
        for (int[] item : list) {
            n += anyPaired(partner, item) ? 0 : 1;
        }
        return n;
    }

    /** Whether every paired word of {@code list} pairs with a word inside an item of {@code other}. */
    private static boolean pairsInto(List<int[]> list, int[] partner, List<int[]> other) {
        for (int[] item : list) {
            for (int k = item[0]; k < item[1]; k++) {
                if (partner[k] >= 0 && !inside(partner[k], other)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inside(int k, List<int[]> items) {
        for (int[] item : items) {
            if (k >= item[0] && k < item[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one text puts a position word the other lacks before a paired word ("change the rear brake pads" vs
     * "change the brake pads"): it asks about one part or side of the thing. Only after an article, a possessive, a
     * content word or a number: after "to", a pronoun or an auxiliary the word is a verb ("how to lower cholesterol").
     * Likewise "the first step" against "the steps": one member of a series against the whole series, which the
     * other text names in the plural ("my first car" against "my car" is not examined).
     */
    private static boolean namesPart(List<Token> t, int[] partner, List<Token> other) {
        for (int i = 1; i + 1 < t.size(); i++) {
            Token before = t.get(i - 1);
            Token next = t.get(i + 1);
            if (partner[i] >= 0 || partner[i + 1] < 0) {
                continue;
            }
            String w = t.get(i).lower;
            if (Words.POSITIONS.contains(w)
                    && next.kind == Token.Kind.CONTENT
                    && (before.isDeterminer()
                            || before.kind == Token.Kind.CONTENT
                            || before.kind == Token.Kind.NUMBER)) {
                return true;
            }
            if (Words.SEQUENCE_POSITIONS.contains(w)
                    && before.lower.equals("the")
                    && pluralThere(t, i + 1, partner, other)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word of the phrase starting at {@code from} is singular here and plural in the other text. */
    private static boolean pluralThere(List<Token> t, int from, int[] partner, List<Token> other) {
        for (int k = from; k < t.size() && k < from + MAX_ITEM_TOKENS; k++) {
            Token x = t.get(k);
            if (x.kind != Token.Kind.CONTENT && x.kind != Token.Kind.FRAMING) {
                return false;
            }
            int j = partner[k];
            if (j >= 0) {
                String y = other.get(j).lower;
                if (y.equals(x.lower + "s") || y.equals(x.lower + "es")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of {@code listsY} has items whose words all pair with words of {@code items}. */
    private static boolean sublist(List<List<int[]>> listsY, int[] partnerOfY, List<int[]> items) {
        for (List<int[]> list : listsY) {
            boolean all = true;
            for (int[] item : list) {
                for (int k = item[0]; k < item[1]; k++) {
                    all &= inside(partnerOfY[k], items);
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether a list gives examples rather than a set ("such as X, Y, etc."). */
    private static boolean open(List<Token> t, int start, int end) {
        for (int k = Math.max(0, start - 2); k < Math.min(t.size(), end + 1); k++) {
            if (Words.EXAMPLE_MARKERS.contains(t.get(k).lower)) {
                return true;
            }
        }
        return false;
    }

    /** A content word, or a polar one ("pros", "before") standing alone as an item. */
    private static boolean itemWord(Token t) {
        return t.kind == Token.Kind.CONTENT || t.kind == Token.Kind.POLAR;
    }

    /** Whether the word at {@code k} extends an item started at {@code first}: both are content words. */
    private static boolean contentRun(List<Token> t, int k, int first) {
        return t.get(k).kind == Token.Kind.CONTENT && t.get(first).kind == Token.Kind.CONTENT;
    }

    /** Whether a word can head the name of a thing: mostly a noun, a name, or a word the dictionary lacks. */
    private static boolean thing(Token head) {
        return head.primaryPartOfSpeech == 0 || head.primaryPartOfSpeech == Lexicon.NOUN || head.capitalised;
    }

    private static boolean anyPaired(int[] partner, int[] item) {
        for (int k = item[0]; k < item[1]; k++) {
            if (partner[k] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lists of a text: two or more items joined by commas, "and", "or", "&" or "/" (three or more when commas
     * alone join them: "Austin, Texas" and "the bureau, the town" are no lists), each item one polar word
     * ("pros") or a run of one to three content words (articles and possessives before it skipped) ending in a
     * {@linkplain #thing thing}, as {@code [start, end)} token ranges. Lists of verbs or adjectives ("compare and
     * contrast") do not count.
     */
    private static List<List<int[]>> lists(List<Token> t) {
        List<List<int[]>> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            if (!LIST_SEPARATORS.contains(t.get(i).lower) || i == 0 || !itemWord(t.get(i - 1))) {
                i++;
                continue;
            }
            int start = i - 1;
            while (start > 0 && i - start < MAX_ITEM_TOKENS && contentRun(t, start - 1, i - 1)) {
                start--;
            }
            List<int[]> items = new ArrayList<>();
            items.add(new int[] {start, i});
            int sep = i;
            boolean joined = false;
            while (sep < t.size() && LIST_SEPARATORS.contains(t.get(sep).lower)) {
                int k = sep;
                while (k < t.size() && LIST_SEPARATORS.contains(t.get(k).lower)) {
                    joined |= !t.get(k).lower.equals(",");
                    k++;
                }
                k = Token.afterDeterminers(t, k);
                int end = k;
                int head = k;
                while (end < t.size()
                        && end - k < MAX_ITEM_TOKENS
                        && (end == k ? itemWord(t.get(end)) : contentRun(t, end, k))) {
                    end++;
                    head = thing(t.get(end - 1)) ? end : head;
                }
                if (head == k) {
                    break;
                }
                end = head;
                items.add(new int[] {k, end});
                sep = end;
            }
            if (items.size() >= (joined ? 2 : 3) && thing(t.get(i - 1)) && !open(t, start, sep)) {
                out.add(items);
            }
            i = Math.max(i + 1, sep);
        }
        return out;
    }

    /**
     * Drops nouns that name the kind of answer wanted right after a question that opens with "which", "what" or
     * "whose" ("which city is the capital" asks what "what is the capital" asks): they restate the question, they do
     * not narrow its topic. So does a second question joined by "and" ("what is X and what information does it
     * show") or one after a request verb ("explain which setting ..."). A relative "whose" or "which" inside a
     * sentence does not count.
     */
    private static List<Token> withoutAnswerTypes(List<Token> tokens, List<Token> added) {
        List<Token> out = new ArrayList<>(added.size());
        for (Token t : added) {
            if (!answerType(tokens, t.index)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean answerType(List<Token> tokens, int i) {
        if (i == 0 || !Words.WH_DETERMINERS.contains(tokens.get(i - 1).lower)) {
            return false;
        }
        if (i == 1) {
            return true;
        }
        // Also a question asked second ("what is X and what information does it show") or after a request verb
        // ("explain which setting controls X").
        Token before = tokens.get(i - 2);
        return before.endsSentence()
                || before.lower.equals("and")
                || before.lower.equals(",")
                || before.kind == Token.Kind.FRAMING;
    }

    private boolean narrows(List<Token> added, List<Token> otherRest, int otherContent) {
        return !added.isEmpty() && otherRest.isEmpty() && added.size() >= scopeGrowth * Math.max(1, otherContent);
    }

    private @Nullable String replacedSlot(
            List<Token> a, List<Token> b, Alignment al, List<Token> topicA, List<Token> topicB, boolean entities) {
        List<Token> fa = new ArrayList<>();
        List<String> ka = new ArrayList<>();
        for (Token t : a) {
            if (t.kind != Token.Kind.PUNCT && !t.isArticle()) {
                fa.add(t);
                int j = al.partnerOfA[t.index];
                ka.add(j >= 0 ? "\u0000" + t.index : t.lower);
            }
        }
        List<Token> fb = new ArrayList<>();
        List<String> kb = new ArrayList<>();
        for (Token t : b) {
            if (t.kind != Token.Kind.PUNCT && !t.isArticle()) {
                fb.add(t);
                int i = al.partnerOfB[t.index];
                kb.add(i >= 0 ? "\u0000" + i : t.lower);
            }
        }
        Diff diff = Diff.of(ka, kb);
        double overlap = 2.0 * diff.matched() / Math.max(1, fa.size() + fb.size());
        if (overlap < minTemplateOverlap) {
            return null;
        }
        // Only a sentence that differs in one place makes that place the point of the question; several
        // differing places are a rewording, left to the embedding score.
        // A place that repeats an earlier replacement on both sides ("Autism: ... those with autism") is the same one.
        int topicalHunks = 0;
        List<Token> seenA = new ArrayList<>();
        List<Token> seenB = new ArrayList<>();
        for (Diff.Hunk h : diff.hunks()) {
            List<Token> ha = fa.subList(h.aFrom(), h.aTo());
            List<Token> hb = fb.subList(h.bFrom(), h.bTo());
            if ((containsAny(ha, topicA) || containsAny(hb, topicB)) && !(repeats(ha, seenA) && repeats(hb, seenB))) {
                seenA.addAll(ha);
                seenB.addAll(hb);
                topicalHunks++;
            }
        }
        if (topicalHunks != 1) {
            return null;
        }
        for (Diff.Hunk h : diff.hunks()) {
            if (!h.isReplace() || h.aTo() - h.aFrom() > MAX_SLOT_TOKENS || h.bTo() - h.bFrom() > MAX_SLOT_TOKENS) {
                continue;
            }
            List<Token> xa = new ArrayList<>();
            for (Token t : fa.subList(h.aFrom(), h.aTo())) {
                if (topicA.contains(t)) {
                    xa.add(t);
                }
            }
            List<Token> xb = new ArrayList<>();
            for (Token t : fb.subList(h.bFrom(), h.bTo())) {
                if (topicB.contains(t)) {
                    xb.add(t);
                }
            }
            if (xa.isEmpty() || xb.isEmpty()) {
                continue;
            }
            xa.addAll(xb);
            if (anyLanguage(xa)) {
                return "language";
            }
            for (Token t : xa) {
                if (lexicon.isFormat(t.lower)) {
                    return "format";
                }
            }
            for (Token t : xa) {
                if (!Words.CAPITAL_ACRONYMS.containsKey(t.text)
                        && (Words.ALIASES.containsKey(t.lower)
                                || lexicon.lemmas(t.lower).stream().anyMatch(Words.ALIASES::containsKey))) {
                    return "unit";
                }
            }
            return entities ? "entity" : "substitution";
        }
        return null;
    }

    private boolean repeats(List<Token> hunk, List<Token> seen) {
        for (Token t : hunk) {
            if (t.kind == Token.Kind.CONTENT) {
                for (Token s : seen) {
                    if (sameWord(t, s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean containsAny(List<Token> tokens, List<Token> wanted) {
        for (Token t : tokens) {
            if (wanted.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the opening question word asks for the doer in one text and for the one done to in the other, with the
     * same verb and the same words otherwise: "who taught Aristotle?" and "who did Aristotle teach?".
     */
    private static boolean swappedRoles(List<Token> a, List<Token> b, Alignment al) {
        if (!topical(al.restA).isEmpty() || !topical(al.restB).isEmpty()) {
            return false;
        }
        int subjectVerbA = subjectQuestionVerb(a);
        int subjectVerbB = subjectQuestionVerb(b);
        if (subjectVerbA >= 0 && subjectVerbB < 0) {
            return asksForObject(b, al.partnerOfA[subjectVerbA]);
        }
        if (subjectVerbB >= 0 && subjectVerbA < 0) {
            return asksForObject(a, al.partnerOfB[subjectVerbB]);
        }
        return false;
    }

    /**
     * Whether "whose N is X" in one text meets "X's N" in the other ("Whose student was Plato?" vs "Who was Plato's
     * student?"): the first asks whom X belongs to, the second what belongs to X. "The N of X" is not examined: "who
     * had the idea of X" asks what "whose idea was X" asks, while "who is the father of X" does not.
     */
    private static boolean whoseTurned(List<Token> x, List<Token> y, int[] partnerOfX) {
        for (int i = 0; i + 1 < x.size(); i++) {
            if (!x.get(i).lower.equals("whose") || (i > 0 && !x.get(i - 1).endsSentence())) {
                continue;
            }
            int n = partnerOfX[i + 1];
            if (n <= 0 || y.stream().anyMatch(t -> t.lower.equals("whose"))) {
                return false;
            }
            int owner = -1;
            for (int k = 0; k < x.size(); k++) {
                if (partnerOfX[k] == n - 1) {
                    owner = k;
                }
            }
            return owner > i + 1 && y.get(n - 1).kind == Token.Kind.CONTENT;
        }
        return false;
    }

    /**
     * Whether the speaker does something to someone in one text and has it done to them in the other: "I owe my
     * landlord money" against "my landlord owes me money".
     */
    private static boolean swappedPerson(List<Token> a, List<Token> b, Alignment al) {
        return speakerActs(a, b, al.partnerOfA) || speakerActs(b, a, al.partnerOfB) || pronounsSwapped(a, b, al);
    }

    /**
     * Whether a paired verb has pronouns for doer and done-to on both sides, traded ("they can't hear me" vs "I
     * can't hear them").
     */
    private static boolean pronounsSwapped(List<Token> a, List<Token> b, Alignment al) {
        for (Token v : a) {
            int j = al.partnerOfA[v.index];
            if (v.kind != Token.Kind.CONTENT || j < 0) {
                continue;
            }
            int doerA = pronounPerson(a, v.index, true);
            int doneToA = pronounPerson(a, v.index, false);
            if (doerA > 0
                    && doneToA > 0
                    && doerA != doneToA
                    && pronounPerson(b, j, true) == doneToA
                    && pronounPerson(b, j, false) == doerA) {
                return true;
            }
        }
        return false;
    }

    /**
     * The grammatical person (1-3) of the subject pronoun before the verb at {@code verb}, with at most auxiliaries
     * and negations between, or of the object pronoun right after it; 0 if there is none.
     */
    private static int pronounPerson(List<Token> t, int verb, boolean subject) {
        if (!subject) {
            return verb + 1 < t.size() ? Words.OBJECT_PRONOUNS.getOrDefault(t.get(verb + 1).lower, 0) : 0;
        }
        for (int k = verb - 1; k >= 0; k--) {
            Token x = t.get(k);
            Integer person = Words.SUBJECT_PRONOUNS.get(x.lower);
            if (person != null) {
                return person;
            }
            if (!(x.kind == Token.Kind.STOP || x.kind == Token.Kind.NEGATOR) || Words.BE_FORMS.contains(x.lower)) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean speakerActs(List<Token> a, List<Token> b, int[] partnerOfA) {
        for (int i = 0; i + 1 < a.size(); i++) {
            String subject = Words.FIRST_PERSON.get(a.get(i).lower);
            int verb = i + 1;
            int verbInB = partnerOfA[verb];
            if (subject == null
                    || i > 0 && Words.BE_FORMS.contains(a.get(i - 1).lower)
                    || a.get(verb).kind != Token.Kind.CONTENT
                    || verbInB < 0
                    || verbInB + 1 >= b.size()
                    || !b.get(verbInB + 1).lower.equals(subject)) {
                continue;
            }
            for (int k = verb + 1; k < a.size(); k++) {
                if (a.get(k).kind == Token.Kind.CONTENT && partnerOfA[k] >= 0 && subjectOf(b, partnerOfA[k], verbInB)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the word at {@code noun} stands right before the verb, with at most auxiliaries between. */
    private static boolean subjectOf(List<Token> t, int noun, int verb) {
        if (noun >= verb) {
            return false;
        }
        for (int k = noun + 1; k < verb; k++) {
            if (t.get(k).kind != Token.Kind.STOP || Words.BE_FORMS.contains(t.get(k).lower)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the verb right after an opening "who" or "which/what NOUN" (the asker wants the doer), or -1. */
    private static int subjectQuestionVerb(List<Token> t) {
        int j = questionWordEnd(t);
        if (j < 0 || j >= t.size()) {
            return -1;
        }
        Token v = t.get(j);
        // Any verb reading will do ("defeated" is a noun first to the dictionary): the other text must use it as one.
        return v.kind == Token.Kind.CONTENT && !v.capitalised && (v.partsOfSpeech & Lexicon.VERB) != 0 ? j : -1;
    }

    /**
     * Whether the text opens "who did SUBJECT VERB" with {@code verb} (the partner of the other text's verb) after a
     * subject: the asker wants the one the verb is done to.
     */
    private static boolean asksForObject(List<Token> t, int verb) {
        int j = questionWordEnd(t);
        if (j < 0 || verb < 0 || j >= t.size() || !Words.DO_FORMS.contains(t.get(j).lower)) {
            return false;
        }
        boolean subject = false;
        for (int k = j + 1; k < verb; k++) {
            Token s = t.get(k);
            if (s.kind == Token.Kind.PUNCT) {
                return false;
            }
            subject |= s.kind == Token.Kind.CONTENT;
        }
        return subject && verb + 1 < t.size() && !t.get(verb + 1).lower.equals("by");
    }

    /** The index after an opening "who", "whom" or "which/what" with an optional noun, or -1 if it opens otherwise. */
    private static int questionWordEnd(List<Token> t) {
        if (t.isEmpty() || !Words.WH_PERSON_OR_THING.contains(t.get(0).lower)) {
            return -1;
        }
        int j = 1;
        if (Words.WH_DETERMINERS.contains(t.get(0).lower)
                && j < t.size()
                && t.get(j).kind == Token.Kind.CONTENT
                && t.get(j).primaryPartOfSpeech == Lexicon.NOUN) {
            j++;
        }
        return j;
    }

    /**
     * Whether an act both texts name is held back on one side only: "things to say" against "things to avoid saying",
     * "let the dog chew" against "stop the dog from chewing". Both sides holding it back ("avoid sleeping" / "stop
     * sleeping") agree; a noun on the other side ("stop procrastination") and light verbs ("avoid getting blisters")
     * are left alone.
     */
    private static boolean heldBackOnOneSide(List<Token> a, List<Token> b, int[] partnerOfA) {
        for (int i = 0; i < a.size(); i++) {
            int j = partnerOfA[i];
            if (j >= 0
                    && (a.get(i).kind == Token.Kind.CONTENT || a.get(i).kind == Token.Kind.FRAMING)
                    && (a.get(i).partsOfSpeech & Lexicon.VERB) != 0
                    && (b.get(j).partsOfSpeech & Lexicon.VERB) != 0
                    && !a.get(i).isAnyOf(Words.LIGHT_VERBS)) {
                boolean heldA = heldBack(a, i);
                // "pasta keeps sticking, how do I prevent that?": the other side holds it back by reference.
                if (heldA != heldBack(b, j) && !abstains(heldA ? b : a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean abstains(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isAnyOf(Words.ABSTAIN)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code i} is a gerund held back by a verb such as "avoid", "stop" or "prevent" before it in
     * the same clause ("avoid saying", "stop my dog barking", "keep the pasta from sticking", "stop being worried"),
     * and that verb is not itself negated ("can't stop eating" goes on).
     */
    private static boolean heldBack(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (i == 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        if (!t.lower.endsWith("ing")) {
            // "stop being worried": the participle is held back with its auxiliary.
            return PARTICIPLE.matcher(t.lower).matches()
                    && (before.lower.equals("being") || before.lower.equals("getting"))
                    && heldBack(tokens, i - 1);
        }
        boolean from = before.lower.equals("from");
        int reach = from ? HOLD_BACK_REACH_FROM : HOLD_BACK_REACH;
        for (int k = i - 1; k >= Math.max(0, i - reach); k--) {
            Token m = tokens.get(k);
            if (m.isAnyOf(Words.ABSTAIN) || from && m.isAnyOf(Words.HOLD_FROM)) {
                for (int n = k - 1; n >= Math.max(0, k - 3); n--) {
                    if (tokens.get(n).kind == Token.Kind.NEGATOR) {
                        return false;
                    }
                }
                return true;
            }
            if (m.kind == Token.Kind.PUNCT && !m.lower.equals("/")
                    || Words.CLAUSE_JOINERS.contains(m.lower)
                    || k < i - 1 && m.lower.endsWith("ing")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a "to" or "from" introduces a verb rather than a place: "get the cat to stop scratching" and "keep the
     * cat from scratching" ask the same thing, while "flights to Paris" and "flights from Paris" do not.
     */
    private static boolean verbMarker(List<Token> tokens, Token t) {
        if (t.index + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(t.index + 1);
        if (next.kind != Token.Kind.CONTENT || next.capitalised) {
            return false;
        }
        return switch (t.lower) {
            case "to" -> next.primaryPartOfSpeech == Lexicon.VERB;
            case "from" -> next.lower.endsWith("ing") && (next.partsOfSpeech & Lexicon.VERB) != 0;
            default -> false;
        };
    }

    /** Whether two texts name the same numbers, where "1 lb" and "a pound" count one alike. */
    private boolean sameNumbers(List<Token> a, List<Token> b) {
        List<String> na = numbers(a);
        List<String> nb = numbers(b);
        return (na.equals(nb) || oneForArticle(a, na, b, nb) || oneForArticle(b, nb, a, na)) && sameOperators(a, b);
    }

    /**
     * Whether two texts that both write arithmetic with symbols use the same operators in the same order: "solve x^2 -
     * 3x + 2 = 0" and "solve x^2 - 3x - 2 = 0" name the same numbers. A text that writes no operator between two
     * operands ("5 minus 3") is not compared.
     */
    private static boolean sameOperators(List<Token> a, List<Token> b) {
        String oa = operators(a);
        if (oa.isEmpty()) {
            return true;
        }
        String ob = operators(b);
        return ob.isEmpty() || oa.equals(ob);
    }

    private static String operators(List<Token> t) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i + 1 < t.size(); i++) {
            Token op = t.get(i);
            if (op.kind == Token.Kind.PUNCT
                    && Words.OPERATORS.contains(op.lower)
                    && operand(t.get(i - 1))
                    && operand(t.get(i + 1))) {
                out.append(op.lower);
            }
        }
        return out.toString();
    }

    /** A number, a one-letter variable or a bracket around either. */
    private static boolean operand(Token t) {
        return t.kind == Token.Kind.NUMBER
                || t.lower.length() == 1 && (Character.isLetter(t.lower.charAt(0)) || "()".contains(t.lower));
    }

    private boolean oneForArticle(List<Token> a, List<String> na, List<Token> b, List<String> nb) {
        List<String> rest = new ArrayList<>(na);
        if (na.size() != nb.size() + 1 || !rest.remove("1") || !rest.equals(nb)) {
            return false;
        }
        for (Token one : a) {
            if (one.kind == Token.Kind.NUMBER && "1".equals(one.number) && one.index + 1 < a.size()) {
                Token counted = a.get(one.index + 1);
                for (Token article : b) {
                    if ((article.lower.equals("a") || article.lower.equals("an"))
                            && article.index + 1 < b.size()
                            && sameWord(counted, b.get(article.index + 1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> numbers(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind == Token.Kind.NUMBER) {
                out.add(String.valueOf(t.number));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Counts the negations of a text: negating words (with "non" of "non-blank"), and "un-" or "non-" words whose stem
     * the other text uses ("an unused ticket" negates what "a ticket I did not use" negates, "nonprofit" what "non
     * profit" does).
     */
    private int negations(List<Token> tokens, List<Token> other) {
        int n = 0;
        for (Token t : tokens) {
            if ((t.kind == Token.Kind.NEGATOR && !offersNo(tokens, t.index))
                    || (t.kind == Token.Kind.CONTENT && negatedStem(t, other))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the "not" at {@code i} only offers the other answer of a yes/no question ("should I go or not?", "why or
     * why not?", "whether or not"): it negates nothing.
     */
    private static boolean offersNo(List<Token> t, int i) {
        if (!t.get(i).lower.equals("not") || i < 1) {
            return false;
        }
        String before = t.get(i - 1).lower;
        String twoBefore = i >= 2 ? t.get(i - 2).lower : "";
        boolean closes = i + 1 == t.size() || t.get(i + 1).kind == Token.Kind.PUNCT;
        return (before.equals("or") && (closes || twoBefore.equals("whether")))
                || (closes && before.equals("why") && twoBefore.equals("or"));
    }

    private boolean negatedStem(Token t, List<Token> other) {
        int prefix = t.lower.startsWith("un") ? 2 : t.lower.startsWith("non") ? 3 : 0;
        if (prefix == 0 || t.lower.length() < prefix + 3) {
            return false;
        }
        String stem = t.lower.substring(prefix);
        Set<String> stems = lexicon.lemmas(stem);
        for (Token o : other) {
            if (o.lower.equals(stem) || !Collections.disjoint(o.lemmas, stems)) {
                return true;
            }
        }
        return false;
    }

    private static int contentCount(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) {
            if (t.kind == Token.Kind.CONTENT || t.kind == Token.Kind.NUMBER) {
                n++;
            }
        }
        return n;
    }

    private List<Token> entities(Collection<Token> rest) {
        List<Token> out = new ArrayList<>();
        for (Token t : rest) {
            if (isEntity(t)) {
                out.add(t);
            }
        }
        return out;
    }

    boolean isEntity(Token t) {
        return t.kind == Token.Kind.CONTENT
                && (t.capitalised || t.properName || CODE_LIKE.matcher(t.lower).matches());
    }

    /**
     * Whether the text points at something it does not contain: a text without quote marks and without ".", "?",
     * "!", ";" or ":" before its last word (so nothing follows that could be the thing) that ends, but for at most two
     * words, in "this" or "these" before a noun phrase ("how do I solve this equation?",
     * "what did he say in this video"), the noun not named earlier ("a poem ..., and how is this poem ...") and not a
     * time or the world we live in ("this year", "this life"). A demonstrative after a form of "be" is a pronoun ("is
     * this normal?").
     */
    private boolean pointsOutside(List<Token> t) {
        int last = t.size() - 1;
        while (last >= 0 && t.get(last).kind == Token.Kind.PUNCT) {
            last--;
        }
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            if (Words.QUOTE_MARKS.contains(x.lower) || x.endsSentence() && k < last) {
                return false;
            }
        }
        for (int i = 0; i < last; i++) {
            if (!Words.DEMONSTRATIVES.contains(t.get(i).lower)
                    || i > 0 && t.get(i - 1).isAnyOf(Words.BE_FORMS)) {
                continue;
            }
            int end = i + 1;
            boolean noun = false;
            boolean hereAndNow = false;
            while (end < t.size() && nounPhraseWord(t.get(end))) {
                Token n = t.get(end);
                noun |= n.kind != Token.Kind.NUMBER
                        && (!n.known()
                                || n.primaryPartOfSpeech == Lexicon.NOUN
                                || end > i + 1 && (n.partsOfSpeech & Lexicon.NOUN) != 0);
                hereAndNow |= n.isAnyOf(Words.HERE_AND_NOW);
                end++;
            }
            if (noun
                    && !hereAndNow
                    && last - end + 1 <= MAX_POINTER_TAIL
                    && !repeats(t.subList(i + 1, end), t.subList(0, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nounPhraseWord(Token t) {
        return t.kind == Token.Kind.CONTENT || t.kind == Token.Kind.FRAMING || t.kind == Token.Kind.NUMBER;
    }

    /**
     * Whether a text's own topic words all sit in a phrase at its end that sets a place, time, means or group, with
     * nothing from the preposition on paired: with no topic word of the other's own, the text is the other plus that
     * setting ("reduce plastic waste" / "... in the kitchen", "phone use" / "... at night", "... using the elbow
     * method", "... for beginners"). Phrases that only frame any question ("in your opinion", "in the world", "on
     * average") do not count.
     */
    private static boolean settingPhrase(List<Token> tokens, int[] partner, List<Token> topic) {
        if (topic.isEmpty()) {
            return false;
        }
        boolean generic = true;
        for (Token t : topic) {
            generic &= t.isAnyOf(Words.GENERIC_SETTINGS);
        }
        if (generic) {
            return false;
        }
        int k = topic.get(0).index - 1;
        while (k >= 0
                && partner[k] < 0
                && tokens.get(k).kind == Token.Kind.STOP
                && !Words.TRAILING_PREPOSITIONS.contains(tokens.get(k).lower)) {
            k--;
        }
        if (k < 1 || partner[k] >= 0 || !Words.TRAILING_PREPOSITIONS.contains(tokens.get(k).lower)) {
            return false;
        }
        for (int n = k; n < tokens.size(); n++) {
            if (partner[n] >= 0 && tokens.get(n).kind != Token.Kind.PUNCT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one text adds a named place, platform or tool that the other leaves open ("passport renewal" vs
     * "passport renewal in the UK", "install Node.js" vs "install Node.js on Ubuntu"): the answer then holds for that
     * setting only.
     */
    private static boolean addsNamedSetting(List<Token> tokens, List<Token> restEntities, List<Token> otherTopic) {
        if (!otherTopic.isEmpty()) {
            return false;
        }
        for (Token e : restEntities) {
            int k = e.index - 1;
            while (k >= 0 && tokens.get(k).isArticle()) {
                k--;
            }
            if (k >= 0 && Words.SETTING_PREPOSITIONS.contains(tokens.get(k).lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops unpaired names that stand right before a paired name: they mostly say whose the thing is ("Chrome" vs
     * "Google Chrome", "Word" vs "Microsoft Word"), not which thing it is. When the other text has its own unpaired
     * name before that name, the two are rival names ("White Nile" vs "Blue Nile") and stay, unless one is an
     * acronym that may stand for the other or for a title ("MS Word", "PM Modi").
     */
    private List<Token> withoutOwnerNames(
            List<Token> tokens, List<Token> rest, List<Token> other, int[] partner, List<Token> otherRest) {
        List<Token> out = new ArrayList<>(rest.size());
        for (Token t : rest) {
            boolean owner = false;
            if (isEntity(t) && t.index + 1 < tokens.size()) {
                Token next = tokens.get(t.index + 1);
                owner = isEntity(next) && !rest.contains(next);
                int p = partner[next.index];
                if (owner && p > 0) {
                    Token rival = other.get(p - 1);
                    owner = !(otherRest.contains(rival) && isEntity(rival)) || acronym(t) || acronym(rival);
                }
            }
            if (!owner) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean acronym(Token t) {
        return t.text.length() <= 4 && t.text.chars().allMatch(Character::isUpperCase);
    }

    /**
     * Whether an unpaired name follows a paired name and so makes it another thing ("Universal" vs "Universal
     * Electronics").
     */
    private boolean extendsName(List<Token> tokens, List<Token> restEntities) {
        for (Token t : restEntities) {
            if (t.index > 0) {
                Token n = tokens.get(t.index - 1);
                if (n.kind == Token.Kind.CONTENT && isEntity(n) && !restEntities.contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anyLanguage(List<Token> tokens) {
        for (Token t : tokens) {
            if (lexicon.isLanguage(t.lower)) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> topical(Collection<Token> rest) {
        List<Token> out = new ArrayList<>();
        for (Token t : rest) {
            if (t.kind == Token.Kind.CONTENT || t.kind == Token.Kind.QUESTION) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Token> nounsOrAdjectives(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind != Token.Kind.CONTENT) {
                continue;
            }
            int pos = t.primaryPartOfSpeech;
            if (pos == 0 || pos == Lexicon.NOUN || pos == Lexicon.ADJ) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether two tokens are the same word for the verifier's purpose: form, lemma, alias, abbreviation or typo. */
    boolean sameWord(Token a, Token b) {
        for (String k : a.keys) {
            if (b.keys.contains(k)) {
                return true;
            }
        }
        if (a.kind != Token.Kind.CONTENT || b.kind != Token.Kind.CONTENT) {
            return false;
        }
        String la = a.lower;
        String lb = b.lower;
        if (la.length() >= 3 && lb.length() >= 3 && (la.startsWith(lb) || lb.startsWith(la))) {
            String shorter = la.length() < lb.length() ? la : lb;
            if (!lexicon.known(shorter) || shorter.length() >= 5) {
                return true;
            }
        }
        return Math.min(la.length(), lb.length()) >= 6
                && (!lexicon.known(la) || !lexicon.known(lb))
                && (oneEdit(la, lb) || sharedStem(la, lb));
    }

    /**
     * Whether two words, one of them unknown to the dictionary, share a stem of at least seven letters and differ
     * only in an ending of at most four ("distillated" / "distilled"); codes with digits never do.
     */
    private static boolean sharedStem(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n >= MIN_SHARED_STEM
                && n >= Math.max(a.length(), b.length()) - MAX_OTHER_ENDING
                && !CODE_LIKE.matcher(a).matches()
                && !CODE_LIKE.matcher(b).matches();
    }

    /**
     * Whether two content words are close in meaning according to WordNet: the same dictionary form, a lexical link,
     * a synonym or directly linked sense, or a word derived from a synonym.
     */
    boolean synonyms(Token a, Token b) {
        if (!(a.kind == Token.Kind.CONTENT || a.kind == Token.Kind.FRAMING)
                || !(b.kind == Token.Kind.CONTENT || b.kind == Token.Kind.FRAMING)) {
            return false;
        }
        for (String x : a.lemmas) {
            for (String y : b.lemmas) {
                if (x.equals(y) || lexicon.lexicallyLinked(x, y)) {
                    return true;
                }
            }
        }
        if (Lexicon.intersect(a.neighbourhood(lexicon), b.ownSynsets(lexicon))) {
            return true;
        }
        // A word derived from a synonym of the other: "quickly" from "quick", which WordNet puts beside "fast".
        for (String x : a.lemmas) {
            for (String derived : lexicon.linkedLemmas(x)) {
                if (Lexicon.intersect(lexicon.ownSynsets(Set.of(derived)), b.ownSynsets(lexicon))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean opposite(Token a, Token b) {
        Set<String> polar = Words.POLAR.get(a.lower);
        if (polar != null && polar.contains(b.lower)) {
            return true;
        }
        for (String x : a.lemmas) {
            for (String y : b.lemmas) {
                if (lexicon.antonyms(x, y)) {
                    return true;
                }
            }
            if (lexicon.antonyms(x, b.lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int count = 0;
            int second = -1;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    count++;
                    if (first < 0) {
                        first = i;
                    } else {
                        second = i;
                    }
                }
            }
            return count == 1
                    || (count == 2
                            && second == first + 1
                            && a.charAt(first) == b.charAt(second)
                            && a.charAt(second) == b.charAt(first));
        }
        String s = a.length() < b.length() ? a : b;
        String l = a.length() < b.length() ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        return s.substring(i).equals(l.substring(i + 1));
    }

    @Override
    public String toString() {
        return "StrictHitVerifier{checks=" + EnumSet.copyOf(checks) + ", minTemplateOverlap=" + minTemplateOverlap
                + ", scopeGrowth=" + scopeGrowth + "}";
    }

    /**
     * Builds a {@link StrictHitVerifier}. Each setting may be given once; a bad value throws
     * {@link IllegalArgumentException}, a repeated one {@link IllegalStateException}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final EnumSet<Check> checks = EnumSet.allOf(Check.class);
        private final EnumSet<Check> touched = EnumSet.noneOf(Check.class);
        private double minTemplateOverlap = DEFAULT_MIN_TEMPLATE_OVERLAP;
        private double scopeGrowth = DEFAULT_SCOPE_GROWTH;
        private boolean overlapSet;
        private boolean scopeSet;

        private Builder() {}

        /**
         * Turns one check off.
         *
         * @param check the check to skip
         * @return this builder
         * @throws IllegalStateException if this check was already enabled or disabled on this builder
         */
        public Builder disable(Check check) {
            requireNonNull(check, "check");
            touch(check);
            checks.remove(check);
            return this;
        }

        /**
         * Turns one check on (all are on by default; use this on a builder from {@link #toBuilder()}).
         *
         * @param check the check to run
         * @return this builder
         * @throws IllegalStateException if this check was already enabled or disabled on this builder
         */
        public Builder enable(Check check) {
            requireNonNull(check, "check");
            touch(check);
            checks.add(check);
            return this;
        }

        private void touch(Check check) {
            if (!touched.add(check)) {
                throw new IllegalStateException("check " + check + " was already enabled or disabled");
            }
        }

        /**
         * Sets the share of tokens two prompts must have in common (2 x common / total, after dropping articles and
         * punctuation) before {@link Check#SUBSTITUTION} treats a replaced slot as the point of the question.
         *
         * @param overlap a value in [0, 1]; default {@value #DEFAULT_MIN_TEMPLATE_OVERLAP}
         * @return this builder
         * @throws IllegalArgumentException if the value is outside [0, 1] or not a number
         * @throws IllegalStateException if already set
         */
        public Builder minTemplateOverlap(double overlap) {
            if (!(overlap >= 0.0 && overlap <= 1.0)) {
                throw new IllegalArgumentException("minTemplateOverlap must be in [0, 1], was " + overlap);
            }
            if (overlapSet) {
                throw new IllegalStateException("minTemplateOverlap was already set to " + minTemplateOverlap);
            }
            overlapSet = true;
            this.minTemplateOverlap = overlap;
            return this;
        }

        /**
         * Sets how many topic words one prompt must add, as a share of the other prompt's topic words (at least
         * one), for {@link Check#SCOPE} to reject: 0.5 means "how do I make a cake" (2 topic words) is narrowed by
         * one added word.
         *
         * @param growth a positive value; default {@value #DEFAULT_SCOPE_GROWTH}
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive or not finite
         * @throws IllegalStateException if already set
         */
        public Builder scopeGrowth(double growth) {
            if (!(growth > 0.0) || Double.isInfinite(growth)) {
                throw new IllegalArgumentException("scopeGrowth must be positive and finite, was " + growth);
            }
            if (scopeSet) {
                throw new IllegalStateException("scopeGrowth was already set to " + scopeGrowth);
            }
            scopeSet = true;
            this.scopeGrowth = growth;
            return this;
        }

        /**
         * Builds the verifier, loading the bundled lexicon if this JVM has not yet.
         *
         * @return the verifier
         */
        public StrictHitVerifier build() {
            return new StrictHitVerifier(this);
        }
    }
}
