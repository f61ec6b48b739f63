package dev.semcache.cache.verify;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One word, number or symbol of an analysed prompt. Immutable. */
final class Token {
    /** What a token contributes to the meaning of a request. */
    enum Kind {
        /** A quantity, year, count or code written with digits or number words. */
        NUMBER,
        /** Punctuation. */
        PUNCT,
        /** A word that negates ("not", "never", "without"). */
        NEGATOR,
        /** A particle or preposition with a meaningful opposite ("on", "off", "before", "after"). */
        POLAR,
        /** A function word. */
        STOP,
        /** A question word asking for one kind of answer ("where", "when", "why"). */
        QUESTION,
        /** A word that frames the request ("explain", "the best way"). */
        FRAMING,
        /** A word that says what the request is about. */
        CONTENT
    }

    final int index;
    final String text;
    final String lower;
    final Kind kind;
    final boolean capitalised;
    final @Nullable String number;
    final Set<String> lemmas;
    final Set<String> keys;
    /** Parts of speech of the dictionary forms ({@link Lexicon#NOUN} etc.); 0 when unknown or not a word. */
    final int partsOfSpeech;
    /** The most frequent part of speech of the first dictionary form; 0 when unknown or not a content word. */
    final int primaryPartOfSpeech;
    /** Whether every sense of the word is a named instance (a country, a person). */
    final boolean properName;

    Token(
            int index,
            String text,
            String lower,
            Kind kind,
            boolean capitalised,
            @Nullable String number,
            Set<String> lemmas,
            Set<String> keys,
            int partsOfSpeech,
            int primaryPartOfSpeech,
            boolean properName) {
        this.index = index;
        this.text = text;
        this.lower = lower;
        this.kind = kind;
        this.capitalised = capitalised;
        this.number = number;
        this.lemmas = lemmas;
        this.keys = keys;
        this.partsOfSpeech = partsOfSpeech;
        this.primaryPartOfSpeech = primaryPartOfSpeech;
        this.properName = properName;
    }

    Token withIndex(int newIndex) {
        return new Token(
                newIndex,
                text,
                lower,
                kind,
                capitalised,
                number,
                lemmas,
                keys,
                partsOfSpeech,
                primaryPartOfSpeech,
                properName);
    }

    Token withNumber(String newLower, String newNumber) {
        return new Token(
                index,
                text,
                newLower,
                kind,
                capitalised,
                newNumber,
                Set.of(newLower),
                Set.of("#" + newNumber),
                0,
                0,
                false);
    }

    /** Synset ids of this token's lemmas, and those plus their linked synsets; computed on first use. */
    private int @Nullable [] own;

    private int @Nullable [] neighbourhood;

    int[] ownSynsets(Lexicon lexicon) {
        int[] o = own;
        if (o == null) {
            o = lexicon.ownSynsets(lemmas);
            own = o;
        }
        return o;
    }

    int[] neighbourhood(Lexicon lexicon) {
        int[] n = neighbourhood;
        if (n == null) {
            n = lexicon.neighbourhood(ownSynsets(lexicon));
            neighbourhood = n;
        }
        return n;
    }

    /** Whether the dictionary knows this word (only meaningful for word tokens). */
    boolean known() {
        return partsOfSpeech != 0;
    }

    /** Whether this is punctuation that ends a sentence or clause (".", "?", "!", ";", ":"). */
    boolean endsSentence() {
        return kind == Kind.PUNCT && ".?!;:".contains(lower);
    }

    boolean isArticle() {
        return Words.ARTICLES.contains(lower);
    }

    /** Whether this is an article or a possessive determiner: it does not change which thing a phrase names. */
    boolean isDeterminer() {
        return isArticle() || Words.POSSESSIVES.contains(lower);
    }

    /** Whether the word, as written or as one of its dictionary forms, is one of {@code words}. */
    boolean isAnyOf(Set<String> words) {
        return words.contains(lower) || !Collections.disjoint(lemmas, words);
    }

    /** The index of the first token at or after {@code k} that is not an article or possessive. */
    static int afterDeterminers(List<Token> tokens, int k) {
        int i = k;
        while (i < tokens.size() && tokens.get(i).isDeterminer()) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return lower + "/" + kind;
    }
}
