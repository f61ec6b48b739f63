package dev.semcache.cache.verify;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a prompt into classified tokens: contractions expanded, numbers read, words lemmatised. Thread-safe. */
final class TextAnalyzer {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Combining marks, dropped to fold accents ("ö" to "o"). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Contractions, in the order they are expanded. */
    private static final Pattern[] CONTRACTIONS = {
        Pattern.compile("\\bcan't\\b", FLAGS),
        Pattern.compile("\\bwon't\\b", FLAGS),
        Pattern.compile("\\bshan't\\b", FLAGS),
        Pattern.compile("n't\\b", FLAGS),
        Pattern.compile("'re\\b", FLAGS),
        Pattern.compile("'ve\\b", FLAGS),
        Pattern.compile("'ll\\b", FLAGS),
        Pattern.compile("'m\\b", FLAGS),
        Pattern.compile("'d\\b", FLAGS),
        Pattern.compile("\\b(what|who|where|when|why|how|it|that|there|here|he|she|this)'s\\b", FLAGS),
        // "one's" keeps its "'s": a possessive "one" is the pronoun, not the number.
        Pattern.compile("(?<!\\bone)'s\\b", FLAGS),
        Pattern.compile("s'(\\s|$)", FLAGS),
        Pattern.compile("\\b(do|does|did|is|are|was|were|have|has|had|could|would|should)nt\\b", FLAGS),
        Pattern.compile("\\bcant\\b", FLAGS),
    };

    /** A literal each contraction pattern needs (lower case); a pattern whose literal is absent is skipped. */
    private static final String[] GUARDS = {
        "can't", "won't", "shan't", "n't", "'re", "'ve", "'ll", "'m", "'d", "'s", "'s", "s'", "nt", "cant"
    };

    private static final String[] EXPANSIONS = {
        "can not",
        "will not",
        "shall not",
        " not",
        " are",
        " have",
        " will",
        " am",
        " would",
        "$1 is",
        "",
        "s$1",
        "$1 not",
        "can not"
    };

    private static final Pattern HYPHEN = Pattern.compile("(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])");

    /** A version prefix: "v2.10" reads as "2.10". */
    private static final Pattern VERSION_PREFIX = Pattern.compile("\\b[vV](?=[0-9])");

    private static final Pattern TOKEN = Pattern.compile("[$€£¥%]|°[cfCF]|[0-9]+(?:[.,:/][0-9]+)*(?:st|nd|rd|th)?"
            + "|[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}]*(?:\\+\\+|#)?|[^\\s\\p{L}\\p{M}\\p{N}_]|_");

    private static final Pattern ORDINAL_SUFFIX = Pattern.compile("(st|nd|rd|th)$");
    private static final Pattern THOUSANDS = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final String SENTENCE_START = ".?!:;\"(";

    private final Lexicon lexicon;

    TextAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    List<Token> analyze(String text) {
        String t = text.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"');
        for (int i = 0; i < CONTRACTIONS.length; i++) {
            // Most prompts contain few of the literals; skipping absent ones saves most of the regex work.
            if (t.toLowerCase(Locale.ROOT).contains(GUARDS[i])) {
                t = CONTRACTIONS[i].matcher(t).replaceAll(EXPANSIONS[i]);
            }
        }
        t = HYPHEN.matcher(t).replaceAll(" ");
        t = VERSION_PREFIX.matcher(t).replaceAll("");
        List<String> raw = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            raw.add(m.group());
        }
        boolean capsMeaningful = capitalisationMeaningful(text);
        List<Token> tokens = new ArrayList<>(raw.size());
        boolean sentenceStart = true;
        for (int n = 0; n < raw.size(); n++) {
            String r = raw.get(n);
            String low = r.toLowerCase(Locale.ROOT);
            boolean startsSentence = sentenceStart;
            String prev = n > 0 ? raw.get(n - 1).toLowerCase(Locale.ROOT) : "";
            // A capital letter after a noun is a label ("blood type A", "vitamin D", "plan B"), not an article.
            boolean letter = r.length() == 1
                    && !low.equals("i")
                    && Character.isLetter(prev.isEmpty() ? ' ' : prev.charAt(0))
                    && !Words.STOP.contains(prev);
            boolean acronym = capsMeaningful && Words.CAPITAL_ACRONYMS.containsKey(r);
            // "iPhone", "eBay", "macOS": a capital inside a word written lowercase-first is a brand's spelling.
            boolean camel =
                    Character.isLowerCase(r.codePointAt(0)) && r.chars().skip(1).anyMatch(Character::isUpperCase);
            boolean cap = acronym
                    || camel
                    || capsMeaningful
                            && Character.isUpperCase(r.codePointAt(0))
                            && !sentenceStart
                            && (letter || !Words.STOP.contains(low))
                            && !Words.WH_GENERIC.contains(low);
            // "Fermat's Last Theorem": inside a capitalised name, a word like "last" is part of the name.
            boolean inName = cap
                    && n + 1 < raw.size()
                    && Character.isUpperCase(raw.get(n + 1).codePointAt(0));
            sentenceStart = (r.length() == 1 && SENTENCE_START.indexOf(r.charAt(0)) >= 0)
                    || (sentenceStart && !Character.isLetterOrDigit(r.codePointAt(0)));
            String next = n + 1 < raw.size() ? raw.get(n + 1).toLowerCase(Locale.ROOT) : "";
            String number = null;
            Token.Kind kind;
            char c0 = low.charAt(0);
            if (c0 >= '0' && c0 <= '9') {
                kind = Token.Kind.NUMBER;
                number = parseNumber(low);
            } else if (low.equals("no") && startsSentence && next.length() == 1 && ",.!;:".contains(next)) {
                // "No, it is not" answers; it does not negate the sentence.
                kind = Token.Kind.STOP;
            } else if (low.equals("one")
                    && (Words.PRONOUN_ONE_PREVIOUS.contains(prev)
                            || Words.STOP.contains(next)
                            || next.equals("of")
                            // "what is one thing you would change": the idiom, not a count.
                            || next.equals("thing")
                            || next.isEmpty()
                            || !Character.isLetterOrDigit(next.codePointAt(0)))) {
                kind = Token.Kind.STOP;
            } else if (Words.NUMBER_WORDS.containsKey(low)) {
                kind = Token.Kind.NUMBER;
                number = canonical(BigDecimal.valueOf(Words.NUMBER_WORDS.get(low)));
            } else if (Words.ORDINAL_WORDS.containsKey(low)) {
                kind = Token.Kind.NUMBER;
                number = canonical(BigDecimal.valueOf(Words.ORDINAL_WORDS.get(low)));
            } else if (Words.MULTIPLIERS.containsKey(low)) {
                kind = Token.Kind.NUMBER;
                number = canonical(BigDecimal.valueOf(Words.MULTIPLIERS.get(low)));
            } else if (futureGoingTo(raw, n)) {
                // "is going to be", "it's going to rain": the future tense, like "will".
                kind = Token.Kind.STOP;
            } else if (!Character.isLetterOrDigit(low.codePointAt(0)) && !Words.ALIASES.containsKey(low)) {
                kind = Token.Kind.PUNCT;
            } else if (Words.NEGATORS.contains(low)) {
                kind = Token.Kind.NEGATOR;
            } else if (Words.POLAR.containsKey(low) && !inName) {
                kind = Token.Kind.POLAR;
            } else if (cap && (letter || acronym)) {
                kind = Token.Kind.CONTENT;
            } else if (Words.STOP.contains(low) || Words.WH_GENERIC.contains(low)) {
                kind = Token.Kind.STOP;
            } else if (Words.WH_SPECIFIC.contains(low)) {
                kind = Token.Kind.QUESTION;
            } else if (Words.FRAMING.contains(low)
                    || intersects(lexicon.lemmas(low), Words.FRAMING)
                    || Words.FRAMING_BEFORE.getOrDefault(low, Set.of()).contains(next)) {
                kind = Token.Kind.FRAMING;
            } else {
                kind = Token.Kind.CONTENT;
            }
            boolean wordLike = kind == Token.Kind.CONTENT || kind == Token.Kind.FRAMING || kind == Token.Kind.POLAR;
            Set<String> lemmas = wordLike ? Set.copyOf(lexicon.lemmas(low)) : Set.of(low);
            int pos = wordLike ? lexicon.partsOfSpeech(low) : 0;
            int primary = kind == Token.Kind.CONTENT ? lexicon.primaryPartOfSpeech(low) : 0;
            boolean proper = kind == Token.Kind.CONTENT && lexicon.isProperName(low);
            Set<String> keys = new HashSet<>(lemmas);
            // "US" is the country, not microseconds.
            keys.addAll(acronym ? Words.CAPITAL_ACRONYMS.get(r) : Words.ALIASES.getOrDefault(low, Set.of()));
            keys.add(low);
            if (!isAscii(low)) {
                // "Dōse" and "Dose", "İzmir" and "Izmir": accents are often dropped in typing.
                keys.add(MARKS.matcher(Normalizer.normalize(low, Normalizer.Form.NFD))
                        .replaceAll(""));
            }
            if (number != null) {
                keys = Set.of("#" + number);
            }
            tokens.add(new Token(n, r, low, kind, cap, number, lemmas, Set.copyOf(keys), pos, primary, proper));
        }
        return foldNumbers(tokens);
    }

    /** Joins "twenty five" into 25 and "3 million" into 3000000. */
    private static List<Token> foldNumbers(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token k : tokens) {
            if (k.kind == Token.Kind.NUMBER && !out.isEmpty()) {
                Token p = out.get(out.size() - 1);
                if (p.kind == Token.Kind.NUMBER && isNumeric(p.number) && isNumeric(k.number)) {
                    BigDecimal pv = new BigDecimal(p.number);
                    BigDecimal kv = new BigDecimal(k.number);
                    if (Words.MULTIPLIERS.containsKey(k.lower)) {
                        out.set(out.size() - 1, p.withNumber(p.lower + " " + k.lower, canonical(pv.multiply(kv))));
                        continue;
                    }
                    if (Words.NUMBER_WORDS.containsKey(p.lower)
                            && pv.compareTo(BigDecimal.valueOf(20)) >= 0
                            && pv.remainder(BigDecimal.TEN).signum() == 0
                            && kv.compareTo(BigDecimal.TEN) < 0) {
                        out.set(out.size() - 1, p.withNumber(p.lower + " " + k.lower, canonical(pv.add(kv))));
                        continue;
                    }
                }
            }
            out.add(k);
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).index != i) {
                out.set(i, out.get(i).withIndex(i));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isNumeric(String s) {
        return s != null && PLAIN_NUMBER.matcher(s).matches();
    }

    private static String parseNumber(String s) {
        String v = ORDINAL_SUFFIX.matcher(s).replaceFirst("");
        if (THOUSANDS.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        if (PLAIN_NUMBER.matcher(v).matches()) {
            return canonical(new BigDecimal(v));
        }
        return v;
    }

    private static String canonical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    /** Whether the token at {@code n} is the "going" or the "to" of "going to" before a verb. */
    private boolean futureGoingTo(List<String> raw, int n) {
        int going = raw.get(n).equalsIgnoreCase("going") ? n : raw.get(n).equalsIgnoreCase("to") ? n - 1 : -1;
        if (going < 0
                || going + 2 >= raw.size()
                || !raw.get(going).equalsIgnoreCase("going")
                || !raw.get(going + 1).equalsIgnoreCase("to")) {
            return false;
        }
        String verb = raw.get(going + 2).toLowerCase(Locale.ROOT);
        return (lexicon.partsOfSpeech(verb) & Lexicon.VERB) != 0
                && lexicon.lemmas(verb).contains(verb);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalisationMeaningful(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            }
            i += Character.charCount(cp);
        }
        double ratio = (double) upper / Math.max(1, letters);
        return ratio > 0.03 && ratio < 0.5;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
