package dev.semcache.cache.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled WordNet extract answers the questions the rules ask of it. */
final class LexiconTest {
    private static final Lexicon LEXICON = Lexicon.bundled();

    @Test
    void lemmas_inflectedForms_giveDictionaryForms() {
        assertThat(LEXICON.lemmas("dictionaries")).contains("dictionary");
        assertThat(LEXICON.lemmas("better")).contains("good");
        assertThat(LEXICON.lemmas("geese")).contains("goose");
        assertThat(LEXICON.lemmas("xyzzyq")).containsExactly("xyzzyq");
    }

    @Test
    void antonyms_listedOpposites_areFound() {
        assertThat(LEXICON.antonyms("strength", "weakness")).isTrue();
        assertThat(LEXICON.antonyms("increase", "decrease")).isTrue();
        assertThat(LEXICON.antonyms("strength", "force")).isFalse();
    }

    @Test
    void antonyms_memberOfASmallSynsetWithAnAntonym_isAnOpposite() {
        // WordNet links "easy" to "difficult" only; "hard" shares the two-word synset {difficult, hard}.
        assertThat(LEXICON.antonyms("easy", "hard")).isTrue();
        assertThat(LEXICON.antonyms("hard", "easy")).isTrue();
        // "good" sits in larger synsets ({dependable, good, safe, secure}); their members do not become opposites.
        assertThat(LEXICON.antonyms("bad", "dependable")).isFalse();
    }

    @Test
    void neighbourhood_synonymsAndDerivations_intersect() {
        int[] merge = LEXICON.neighbourhood(LEXICON.ownSynsets(java.util.Set.of("merge")));

        assertThat(Lexicon.intersect(merge, LEXICON.ownSynsets(java.util.Set.of("combine"))))
                .isTrue();
        assertThat(Lexicon.intersect(merge, LEXICON.ownSynsets(java.util.Set.of("delete"))))
                .isFalse();
        assertThat(LEXICON.lexicallyLinked("paint", "painter")).isTrue();
    }

    @Test
    void flags_namesLanguagesAndForms_areMarked() {
        assertThat(LEXICON.isProperName("slovakia")).isTrue();
        assertThat(LEXICON.isProperName("teacher")).isFalse();
        assertThat(LEXICON.isLanguage("portuguese")).isTrue();
        assertThat(LEXICON.isFormat("sonnet")).isTrue();
        assertThat(LEXICON.primaryPartOfSpeech("feel")).isEqualTo(Lexicon.VERB);
        assertThat(LEXICON.primaryPartOfSpeech("safe")).isEqualTo(Lexicon.ADJ);
    }
}
