package dev.semcache.cache.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Closed word classes of English the rules rely on. None of them is a list of topics: they are grammar (articles,
 * pronouns, auxiliaries, prepositions), the way requests are framed ("explain", "give me", "the best way to"),
 * negators, number words, and the spellings of common units and currencies.
 */
final class Words {
    private Words() {}

    /** Function words: they shape a sentence's template but carry no topic. */
    static final Set<String> STOP = Set.of(
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "some",
            "any",
            "each",
            "every",
            "all",
            "both",
            "either",
            "neither",
            "i",
            "me",
            "my",
            "mine",
            "myself",
            "we",
            "us",
            "our",
            "ours",
            "ourselves",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "he",
            "him",
            "his",
            "himself",
            "she",
            "her",
            "hers",
            "herself",
            "it",
            "its",
            "itself",
            "they",
            "them",
            "their",
            "theirs",
            "themselves",
            "is",
            "am",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "do",
            "does",
            "did",
            "doing",
            "done",
            "have",
            "has",
            "had",
            "having",
            "will",
            "would",
            "shall",
            "should",
            "can",
            "could",
            "may",
            "might",
            "must",
            "of",
            "at",
            "by",
            "for",
            "with",
            "about",
            "as",
            "through",
            "thru",
            "during",
            "until",
            "among",
            "throughout",
            "despite",
            "towards",
            "upon",
            "within",
            "along",
            "across",
            "behind",
            "beyond",
            "via",
            "per",
            "and",
            "or",
            "but",
            "nor",
            "so",
            "yet",
            "if",
            "then",
            "else",
            "because",
            "while",
            "whereas",
            "although",
            "though",
            "unless",
            "since",
            "also",
            "there",
            "here",
            "just",
            "too",
            "very",
            "really",
            "actually",
            "quite",
            "rather",
            "much",
            "many",
            "lot",
            "lots",
            "such",
            "own",
            "same",
            "other",
            "another",
            "please",
            "whats",
            "pls",
            "plz",
            "kindly",
            "thanks",
            "thank",
            "thx",
            "hi",
            "hey",
            "hello",
            "let",
            "s",
            "t",
            "ll",
            "re",
            "ve",
            "d",
            "m");

    /** Question words that can stand before a noun naming the kind of answer ("which city", "what year"). */
    static final Set<String> WH_DETERMINERS = Set.of("what", "which", "whose");

    /** Question words that ask for a person or thing, as doer or as the one done to. */
    static final Set<String> WH_PERSON_OR_THING = Set.of("who", "whom", "what", "which");

    /** Forms of "be": before a participle they make the sentence passive ("am I blocked"). */
    static final Set<String> BE_FORMS = Set.of("am", "is", "are", "was", "were", "be", "been", "being", "m", "re");

    /** First-person subject pronouns and their object forms. */
    static final Map<String, String> FIRST_PERSON = Map.of("i", "me", "we", "us");

    /** Subject pronouns and their grammatical person. */
    static final Map<String, Integer> SUBJECT_PRONOUNS =
            Map.of("i", 1, "we", 1, "you", 2, "he", 3, "she", 3, "they", 3);

    /** Object pronouns and their grammatical person. */
    static final Map<String, Integer> OBJECT_PRONOUNS =
            Map.of("me", 1, "us", 1, "you", 2, "him", 3, "her", 3, "them", 3);

    /** The forms of "do" that carry a question whose subject follows ("who did Aristotle teach"). */
    static final Set<String> DO_FORMS = Set.of("do", "does", "did");

    /** Question words that do not change what is asked ("what is X" and "which is X", "how do I" and "what's the way"). */
    static final Set<String> WH_GENERIC = Set.of("what", "which", "who", "whom", "whose", "how");

    /** Question words that ask for one kind of answer: a place, a time, a reason. */
    static final Set<String> WH_SPECIFIC = Set.of("where", "when", "why");

    /** Quote marks around a word that is mentioned rather than used. */
    static final Set<String> QUOTE_MARKS = Set.of("\"", "“", "”", "'", "‘", "’", "`");

    /** Arithmetic written with symbols. */
    static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "^", "=", "<", ">", "×", "÷", "−");

    /** Adjectives that name one part or side of a thing ("the rear brake pads", "my lower back"). */
    static final Set<String> POSITIONS = Set.of("front", "rear", "upper", "lower", "inner", "outer");

    /** Adjectives that pick one member of a series ("the first step", "the last chapter"). */
    static final Set<String> SEQUENCE_POSITIONS = Set.of("first", "last", "final");

    /** Words that frame a request rather than say what it is about. */
    static final Set<String> FRAMING = Set.of(
            "explain",
            "describe",
            "tell",
            "give",
            "show",
            "share",
            "provide",
            "help",
            "want",
            "need",
            "know",
            "like",
            "wonder",
            "happen",
            "occur",
            "ask",
            "say",
            "way",
            "ways",
            "method",
            "methods",
            "approach",
            "best",
            "good",
            "easy",
            "easiest",
            "simple",
            "simplest",
            "quick",
            "quickly",
            "effective",
            "effectively",
            "properly",
            "correctly",
            "thing",
            "things",
            "something",
            "anything",
            "everything",
            "stuff",
            "possible",
            "exactly",
            "basically",
            "generally",
            "usually",
            "ever",
            "people",
            "someone",
            "anyone",
            "somebody",
            "anybody",
            "person",
            "guy",
            "use",
            "using",
            "used",
            "command",
            "commands",
            "syntax",
            "procedure",
            "steps",
            "step",
            "instructions",
            "instruction",
            "guide",
            "tutorial");

    /**
     * Words that frame a request only before these words ("the right way to breathe", "the process by which
     * hurricanes form", "the concept of inflation"); elsewhere they can be the topic ("turn right", "running
     * processes", "the entity concept").
     */
    static final Map<String, Set<String>> FRAMING_BEFORE = Map.of(
            "right", Set.of("way", "ways", "method", "approach"),
            "correct", Set.of("way", "ways", "method", "approach"),
            "proper", Set.of("way", "ways", "method", "approach"),
            "ideal", Set.of("way", "ways", "method", "approach"),
            "process", Set.of("of", "by", "to", "for"),
            "concept", Set.of("of"),
            "concepts", Set.of("of"),
            "notion", Set.of("of"));

    /** Words that negate. An odd number on one side only flips the question. */
    static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without", "cannot", "non");

    /** Verbs that hold back the act named right after them ("avoid saying", "stop smoking"). */
    static final Set<String> ABSTAIN = Set.of("avoid", "stop", "quit", "prevent", "refrain", "abstain", "resist");

    /** Verbs that hold back an act named after "from" ("keep the dog from chewing", "block them from seeing"). */
    static final Set<String> HOLD_FROM =
            Set.of("keep", "stop", "prevent", "block", "ban", "bar", "forbid", "prohibit", "protect", "deter");

    /** Verbs too light to name an act of their own ("get", "be", "have", "do", "make", "go"). */
    static final Set<String> LIGHT_VERBS = Set.of("get", "be", "have", "do", "make", "go");

    /** Prepositions that open a phrase setting a place, time, means or group at the end of a request. */
    static final Set<String> TRAILING_PREPOSITIONS = Set.of(
            "in", "on", "at", "for", "with", "without", "using", "via", "during", "from", "inside", "near", "under");

    /** Determiners that point at a thing: "this video", "these symptoms". */
    static final Set<String> DEMONSTRATIVES = Set.of("this", "these");

    /**
     * Nouns that a demonstrative places in the asker's here and now rather than in something unseen: "this year",
     * "this weekend", "this life".
     */
    static final Set<String> HERE_AND_NOW = Set.of(
            "year",
            "week",
            "weekend",
            "month",
            "morning",
            "evening",
            "afternoon",
            "night",
            "time",
            "season",
            "semester",
            "summer",
            "winter",
            "spring",
            "fall",
            "autumn",
            "century",
            "decade",
            "day",
            "moment",
            "era",
            "generation",
            "world",
            "life",
            "universe",
            "planet",
            "earth",
            "age");

    /** Nouns of phrases that frame any question rather than narrow it ("in your opinion", "in the world"). */
    static final Set<String> GENERIC_SETTINGS =
            Set.of("opinion", "view", "experience", "life", "world", "general", "average", "present", "reality");

    /** Words that start another clause, which the verbs of one clause do not reach into. */
    static final Set<String> CLAUSE_JOINERS =
            Set.of("while", "when", "and", "or", "but", "if", "because", "after", "before", "so", "then", "until");

    /** Particles and prepositions with a meaningful opposite; each maps to its opposites. */
    static final Map<String, Set<String>> POLAR = polar(
            "on off",
            "up down",
            "in out",
            "before after",
            "with without",
            "more less",
            "more fewer",
            "greater less",
            "greater fewer",
            "greater smaller",
            "most least",
            "over under",
            "above below",
            "for against",
            "pro con",
            "pros cons",
            "inside outside",
            "to from",
            "into from",
            "higher lower",
            "max min",
            "maximum minimum",
            "first last",
            "first next",
            "next last",
            "next previous",
            "enable disable");

    /**
     * Acronyms spelled like function words, with the other names they go by: written in capitals inside mixed-case
     * text, "US" and "IT" name a country and a trade, not "us" and "it".
     */
    static final Map<String, Set<String>> CAPITAL_ACRONYMS =
            Map.of("US", Set.of("usa", "america", "unitedstates"), "IT", Set.of());

    /** Words between two swapped items that make the swap harmless ("A and B", "between A and B"). */
    static final Set<String> SYMMETRIC = Set.of("and", "or", ",", "&", "plus", "between", "both", "/");

    /** Words that mark a list as examples, not the whole set ("such as", "for example", "etc."). */
    static final Set<String> EXAMPLE_MARKERS =
            Set.of("etc", "such", "example", "instance", "e.g", "eg", "like", "including");

    static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /** Prepositions that put a question in a setting: a place, platform, tool or source ("in the UK", "on Ubuntu"). */
    static final Set<String> SETTING_PREPOSITIONS =
            Set.of("in", "on", "for", "at", "with", "from", "to", "using", "via", "inside", "near");

    /** Possessive determiners: like articles, they do not change which thing a phrase names. */
    static final Set<String> POSSESSIVES = Set.of("my", "your", "his", "her", "its", "our", "their");

    /** Words before "one" that make it a pronoun ("how can one", "which one"), not the number 1. */
    static final Set<String> PRONOUN_ONE_PREVIOUS = Set.of(
            "can", "could", "should", "would", "will", "may", "might", "must", "does", "do", "did", "how", "which",
            "the", "this", "that", "each", "every", "any", "no", "someone", "anyone");

    static final Map<String, Integer> NUMBER_WORDS = numberWords();

    static final Map<String, Integer> ORDINAL_WORDS = Map.of(
            "second", 2, "third", 3, "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9,
            "tenth", 10);

    static final Map<String, Long> MULTIPLIERS = Map.of(
            "hundred",
            100L,
            "thousand",
            1_000L,
            "million",
            1_000_000L,
            "billion",
            1_000_000_000L,
            "trillion",
            1_000_000_000_000L);

    /** Other spellings of units, currencies and a few technical names, keyed to one canonical name. */
    static final Map<String, Set<String>> ALIASES = aliases(
            "usd $ dollar dollars buck bucks",
            "eur € euro euros",
            "gbp £ pound sterling",
            "jpy ¥ yen",
            "km kilometer kilometre kilometers kilometres kms",
            "mile mi miles",
            "kg kilogram kilograms kilo kilos kgs",
            "lb lbs pound pounds",
            "g gram grams gramme",
            "m meter metre meters metres",
            "cm centimeter centimetre",
            "mm millimeter millimetre",
            "ft foot feet",
            "inch inches",
            "oz ounce ounces",
            "l liter litre liters litres",
            "ml milliliter millilitre",
            "celsius °c centigrade",
            "fahrenheit °f",
            "h hr hrs hour hours",
            "min mins minute minutes",
            "sec secs second seconds",
            "percent % pct percentage",
            "go golang",
            "js javascript",
            "ts typescript",
            "py python",
            "email e-mail",
            "usa us america",
            "uk britain",
            "mac macos osx",
            "tv television",
            "pc computer");

    private static Map<String, Integer> numberWords() {
        Map<String, Integer> m = new HashMap<>();
        String[] units = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                        + "fifteen sixteen seventeen eighteen nineteen")
                .split(" ");
        for (int i = 0; i < units.length; i++) {
            m.put(units[i], i);
        }
        String[] tens = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
        for (int i = 0; i < tens.length; i++) {
            m.put(tens[i], 10 * (i + 2));
        }
        m.put("dozen", 12);
        m.put("single", 1);
        return Map.copyOf(m);
    }

    private static Map<String, Set<String>> polar(String... pairs) {
        Map<String, java.util.Set<String>> m = new HashMap<>();
        for (String p : pairs) {
            String[] xy = p.split(" ");
            m.computeIfAbsent(xy[0], k -> new java.util.HashSet<>()).add(xy[1]);
            m.computeIfAbsent(xy[1], k -> new java.util.HashSet<>()).add(xy[0]);
        }
        Map<String, Set<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    private static Map<String, Set<String>> aliases(String... groups) {
        Map<String, java.util.Set<String>> m = new HashMap<>();
        for (String g : groups) {
            String[] words = g.split(" ");
            for (String w : words) {
                m.computeIfAbsent(w, k -> new java.util.HashSet<>()).add("~" + words[0]);
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }
}
