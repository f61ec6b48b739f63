package dev.semcache.cache.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The word knowledge the verifier needs, read once from the bundled WordNet 3.1 extract: which words exist and with
 * what parts of speech, lemmatisation (irregular forms plus WordNet's suffix rules), synonymy and closely related
 * words, antonyms, proper names, and whether a noun names a language or a written form.
 *
 * <p>Immutable after loading and safe for concurrent use. The default instance is loaded lazily on first use (about
 * a quarter of a second, some tens of megabytes of heap).
 */
final class Lexicon {
    static final String RESOURCE = "wordnet-lexicon.txt.gz";

    static final int NOUN = 1;
    static final int VERB = 2;
    static final int ADJ = 4;
    static final int ADV = 8;

    private static final int FLAG_PROPER = 1;
    private static final int FLAG_LANGUAGE = 2;
    private static final int FLAG_FORMAT = 4;

    /** Suffix rules of WordNet's morphy, per part of speech: {suffix, replacement}. */
    private static final String[][] NOUN_SUFFIXES = {
        {"s", ""},
        {"ses", "s"},
        {"xes", "x"},
        {"zes", "z"},
        {"ches", "ch"},
        {"shes", "sh"},
        {"men", "man"},
        {"ies", "y"}
    };

    private static final String[][] VERB_SUFFIXES = {
        {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}
    };
    private static final String[][] ADJ_SUFFIXES = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

    private static final int[] POS_ORDER = {NOUN, VERB, ADJ, ADV};

    /** The largest adjective synset whose members share the antonyms of one of them. */
    private static final int MAX_ANTONYM_SYNSET = 3;

    private static final int[] NO_SYNSETS = new int[0];

    private final Map<String, Integer> posOf;
    private final Map<String, Integer> primaryPosOf;
    private final Map<String, Integer> flagsOf;
    private final Map<String, int[]> synsetsOf;
    private final String[][] synsetWords;
    private final byte[] synsetPos;
    private final int[][] links;
    private final Map<String, Set<String>> lexicalLinks;
    private final Map<String, Set<String>> antonyms;
    private final Map<String, List<String[]>> exceptions;

    /**
     * Lemmatisation results by word form. Prompts reuse a small vocabulary, so this stays small; it stops growing
     * at {@link #BASE_CACHE_LIMIT} entries (forms past that are lemmatised on every call).
     */
    private final Map<String, List<Base>> baseCache = new ConcurrentHashMap<>();

    private static final int BASE_CACHE_LIMIT = 200_000;

    private Lexicon(
            Map<String, Integer> posOf,
            Map<String, Integer> primaryPosOf,
            Map<String, Integer> flagsOf,
            Map<String, int[]> synsetsOf,
            String[][] synsetWords,
            byte[] synsetPos,
            int[][] links,
            Map<String, Set<String>> lexicalLinks,
            Map<String, Set<String>> antonyms,
            Map<String, List<String[]>> exceptions) {
        this.posOf = posOf;
        this.primaryPosOf = primaryPosOf;
        this.flagsOf = flagsOf;
        this.synsetsOf = synsetsOf;
        this.synsetWords = synsetWords;
        this.synsetPos = synsetPos;
        this.links = links;
        this.lexicalLinks = lexicalLinks;
        this.antonyms = antonyms;
        this.exceptions = exceptions;
    }

    /** Returns the bundled lexicon, loading it on first use. */
    static Lexicon bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Lexicon INSTANCE = load();
    }

    private static Lexicon load() {
        InputStream in = Lexicon.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("verifier lexicon resource missing: " + RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read verifier lexicon " + RESOURCE, e);
        }
    }

    private static Lexicon parse(BufferedReader reader) throws IOException {
        Map<String, Integer> posOf = new HashMap<>(1 << 17);
        Map<String, Integer> primaryPosOf = new HashMap<>(1 << 17);
        Map<String, Integer> flagsOf = new HashMap<>();
        Map<String, List<Integer>> synsets = new HashMap<>(1 << 17);
        List<Byte> synsetPos = new ArrayList<>(1 << 17);
        List<String[]> synsetWords = new ArrayList<>(1 << 17);
        List<int[]> edges = new ArrayList<>(1 << 16);
        Map<String, Set<String>> lexical = new HashMap<>();
        Map<String, Set<String>> antonyms = new HashMap<>();
        Map<String, List<String[]>> exceptions = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split(" ");
            switch (f[0]) {
                case "W" -> {
                    posOf.put(f[1], posMask(f[2]));
                    primaryPosOf.put(f[1], posMask(f[2].substring(0, 1)));
                    int flags = 0;
                    if (f.length > 3) {
                        flags |= f[3].indexOf('p') >= 0 ? FLAG_PROPER : 0;
                        flags |= f[3].indexOf('l') >= 0 ? FLAG_LANGUAGE : 0;
                        flags |= f[3].indexOf('f') >= 0 ? FLAG_FORMAT : 0;
                    }
                    if (flags != 0) {
                        flagsOf.put(f[1], flags);
                    }
                }
                case "S" -> {
                    int id = synsetPos.size();
                    synsetPos.add((byte) posMask(f[1]));
                    String[] members = Arrays.copyOfRange(f, 2, f.length);
                    for (int i = 0; i < members.length; i++) {
                        members[i] = members[i].intern();
                        synsets.computeIfAbsent(members[i], k -> new ArrayList<>(2))
                                .add(id);
                    }
                    synsetWords.add(members);
                }
                case "E" -> edges.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
                case "D" -> link(lexical, f[1], f[2]);
                case "A" -> link(antonyms, f[1], f[2]);
                case "X" ->
                    exceptions.computeIfAbsent(f[1], k -> new ArrayList<>(1)).add(new String[] {f[2], f[3]});
                default -> throw new IOException("unexpected lexicon record: " + line);
            }
        }
        byte[] pos = new byte[synsetPos.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = synsetPos.get(i);
        }
        int[] degree = new int[pos.length];
        for (int[] e : edges) {
            degree[e[0]]++;
            degree[e[1]]++;
        }
        int[][] links = new int[pos.length][];
        for (int i = 0; i < pos.length; i++) {
            links[i] = new int[degree[i]];
        }
        int[] fill = new int[pos.length];
        for (int[] e : edges) {
            links[e[0]][fill[e[0]]++] = e[1];
            links[e[1]][fill[e[1]]++] = e[0];
        }
        for (int[] l : links) {
            Arrays.sort(l);
        }
        Map<String, int[]> synsetsOf = new HashMap<>(synsets.size() * 2);
        synsets.forEach((w, ids) ->
                synsetsOf.put(w, ids.stream().mapToInt(Integer::intValue).toArray()));
        return new Lexicon(
                posOf,
                primaryPosOf,
                flagsOf,
                synsetsOf,
                synsetWords.toArray(new String[0][]),
                pos,
                links,
                lexical,
                antonyms,
                exceptions);
    }

    private static void link(Map<String, Set<String>> map, String a, String b) {
        map.computeIfAbsent(a, k -> new LinkedHashSet<>(2)).add(b);
        map.computeIfAbsent(b, k -> new LinkedHashSet<>(2)).add(a);
    }

    private static int posMask(String letters) {
        int mask = 0;
        for (int i = 0; i < letters.length(); i++) {
            mask |= switch (letters.charAt(i)) {
                case 'n' -> NOUN;
                case 'v' -> VERB;
                case 'a' -> ADJ;
                case 'r' -> ADV;
                default -> 0;
            };
        }
        return mask;
    }

    /**
     * Returns the dictionary forms of a lower-case word with their parts of speech, as WordNet's morphy finds them:
     * the word itself where listed, irregular forms, then the regular suffix rules.
     *
     * @return {base, part-of-speech mask} pairs in discovery order; empty for a word WordNet does not know
     */
    List<Base> bases(String word) {
        List<Base> cached = baseCache.get(word);
        if (cached != null) {
            return cached;
        }
        List<Base> out = List.copyOf(computeBases(word));
        if (baseCache.size() < BASE_CACHE_LIMIT) {
            baseCache.put(word, out);
        }
        return out;
    }

    private List<Base> computeBases(String word) {
        List<Base> out = new ArrayList<>(2);
        List<String[]> exc = exceptions.get(word);
        int own = posOf.getOrDefault(word, 0);
        for (int pos : POS_ORDER) {
            if ((own & pos) != 0) {
                out.add(new Base(word, pos));
            }
            if (exc != null) {
                for (String[] e : exc) {
                    if (posMask(e[1]) == pos && (posOf.getOrDefault(e[0], 0) & pos) != 0) {
                        out.add(new Base(e[0], pos));
                    }
                }
            }
            String[][] rules =
                    pos == NOUN ? NOUN_SUFFIXES : pos == VERB ? VERB_SUFFIXES : pos == ADJ ? ADJ_SUFFIXES : null;
            if (rules != null) {
                for (String[] r : rules) {
                    if (word.endsWith(r[0]) && word.length() > r[0].length() + 1) {
                        String base = word.substring(0, word.length() - r[0].length()) + r[1];
                        if ((posOf.getOrDefault(base, 0) & pos) != 0) {
                            out.add(new Base(base, pos));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A dictionary form and one part of speech it was found under. */
    record Base(String word, int pos) {}

    /** Returns the dictionary forms of a word, or the word itself when WordNet does not know it. */
    Set<String> lemmas(String word) {
        Set<String> out = new LinkedHashSet<>(2);
        for (Base b : bases(word)) {
            out.add(b.word());
        }
        if (out.isEmpty()) {
            out.add(word);
        }
        return out;
    }

    /** Whether WordNet knows the word in some inflected or dictionary form. */
    boolean known(String word) {
        return !bases(word).isEmpty();
    }

    /** The parts of speech of a word's dictionary forms, as a mask of {@link #NOUN} etc.; 0 when unknown. */
    int partsOfSpeech(String word) {
        int mask = 0;
        for (Base b : bases(word)) {
            mask |= b.pos();
        }
        return mask;
    }

    /**
     * The most frequent part of speech of the word's first dictionary form (by WordNet's SemCor tag counts): "feel"
     * is mostly a verb, "safe" mostly an adjective. 0 when unknown.
     */
    int primaryPartOfSpeech(String word) {
        List<Base> bases = bases(word);
        return bases.isEmpty() ? 0 : primaryPosOf.getOrDefault(bases.get(0).word(), 0);
    }

    /** Whether every sense of every dictionary form of the word is a named instance (a country, a person). */
    boolean isProperName(String word) {
        Set<String> seen = new LinkedHashSet<>();
        for (Base b : bases(word)) {
            seen.add(b.word());
        }
        if (seen.isEmpty()) {
            return false;
        }
        for (String w : seen) {
            if ((flagsOf.getOrDefault(w, 0) & FLAG_PROPER) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a dictionary form of the word names a natural or programming language. */
    boolean isLanguage(String word) {
        return hasFlag(word, FLAG_LANGUAGE);
    }

    /** Whether a dictionary form of the word names a kind of writing, composition or style. */
    boolean isFormat(String word) {
        return hasFlag(word, FLAG_FORMAT);
    }

    private boolean hasFlag(String word, int flag) {
        for (Base b : bases(word)) {
            if ((flagsOf.getOrDefault(b.word(), 0) & flag) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the sorted ids of the synsets that contain one of the given dictionary forms. */
    int[] ownSynsets(Set<String> lemmas) {
        int[] out = new int[0];
        for (String l : lemmas) {
            int[] s = synsetsOf.get(l);
            if (s != null) {
                out = union(out, s);
            }
        }
        return out;
    }

    /** Returns the sorted ids of the given synsets and of every synset directly linked to one of them. */
    int[] neighbourhood(int[] own) {
        int n = own.length;
        for (int s : own) {
            n += links[s].length;
        }
        int[] all = new int[n];
        int i = 0;
        for (int s : own) {
            all[i++] = s;
            for (int t : links[s]) {
                all[i++] = t;
            }
        }
        Arrays.sort(all);
        int w = 0;
        for (int r = 0; r < all.length; r++) {
            if (w == 0 || all[w - 1] != all[r]) {
                all[w++] = all[r];
            }
        }
        return Arrays.copyOf(all, w);
    }

    /** The dictionary forms a lexical link (derivation, pertainym, participle) joins to {@code lemma}. */
    Set<String> linkedLemmas(String lemma) {
        return lexicalLinks.getOrDefault(lemma, Set.of());
    }

    /** Whether a lexical link (derivation, pertainym, participle) joins the two dictionary forms. */
    boolean lexicallyLinked(String lemmaA, String lemmaB) {
        Set<String> lex = lexicalLinks.get(lemmaA);
        return lex != null && lex.contains(lemmaB);
    }

    /** Whether two sorted id arrays share an element. */
    static boolean intersect(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private static int[] union(int[] x, int[] y) {
        int[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        int w = 0;
        for (int r = 0; r < all.length; r++) {
            if (w == 0 || all[w - 1] != all[r]) {
                all[w++] = all[r];
            }
        }
        return Arrays.copyOf(all, w);
    }

    /**
     * Whether WordNet lists the two dictionary forms as antonyms, or the second shares a small adjective synset with
     * an antonym of the first: "hard" is in {difficult, hard}, so "easy"/"hard" are opposites like "easy"/"difficult".
     * Larger synsets gather looser senses and are left out: with them "out" became the opposite of "best".
     */
    boolean antonyms(String lemmaA, String lemmaB) {
        Set<String> a = antonyms.get(lemmaA);
        if (a == null) {
            return false;
        }
        if (a.contains(lemmaB)) {
            return true;
        }
        int[] own = synsetsOf.get(lemmaB);
        if (own == null) {
            return false;
        }
        for (String z : a) {
            for (int s : synsetsOf.getOrDefault(z, NO_SYNSETS)) {
                if (synsetPos[s] == ADJ
                        && synsetWords[s].length <= MAX_ANTONYM_SYNSET
                        && Arrays.binarySearch(own, s) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
