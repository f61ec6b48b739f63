package dev.semcache.cache.verify;

/**
 * The rules of a {@link StrictHitVerifier}, each of which can reject a candidate. All are on by default.
 *
 * @since 0.1.0
 */
public enum Check {
    /**
     * The two prompts must mention the same numbers: digits and number words ("five", "twenty five", "3 million"),
     * ordinals, years, percentages and codes. Rejects with {@code number}.
     */
    NUMBER,
    /**
     * One prompt is negated and the other is not ("what should I pack" / "what should I not pack"): {@code negation}.
     * A "not" that only offers the other answer ("should I go or not?", "why or why not?") negates nothing.
     */
    NEGATION,
    /**
     * Two items swap places while the words around them stay ("convert EUR to USD" / "convert USD to EUR", "is A
     * heavier than B" / "is B heavier than A", "is a square a rectangle" / "is a rectangle a square"), or the doer and
     * the one done to trade roles ("who taught Aristotle" / "who did Aristotle teach", "I owe my landlord" / "my
     * landlord owes me", "they can't hear me" / "I can't hear them"), or "whose N is X" meets "X's N" ("whose student
     * was Plato" / "who was Plato's student"): {@code direction}. Swaps across "and", "or" or "between" are allowed.
     */
    DIRECTION,
    /**
     * An unmatched word on one side is the opposite of an unmatched word on the other (WordNet antonyms and particle
     * pairs: on/off, before/after, better/worse, strengths/weaknesses): {@code polarity}.
     */
    POLARITY,
    /**
     * Unmatched named things on both sides (a different country, product, language, version) or a named thing that
     * grows at its end ("Universal" / "Universal Electronics"): {@code entity} or {@code language}. A name before a
     * name says whose it is and does not count ("Chrome" / "Google Chrome"), unless both sides put a different one
     * there ("White Nile" / "Blue Nile"). Accents do not count ("Malmö" / "Malmo").
     */
    ENTITY,
    /**
     * In an otherwise identical sentence, one word or short phrase is replaced by one that is not a synonym ("a formal
     * apology" / "a friendly apology", "using recursion" / "using a loop"): {@code format}, {@code language},
     * {@code unit}, {@code entity} or {@code substitution}. Only fires when the sentences share most of their tokens
     * and differ in that one place (the same replacement made twice counts once); a sentence reworded in several
     * places is left to the embedding score. Also rejects another act on what the shared verb leaves behind ("show
     * hidden files" / "hide files").
     */
    SUBSTITUTION,
    /**
     * One prompt asks why, when or where and the other asks something else ("how did X start" / "when did X
     * start"), unless the other names the same kind of answer ("the reason", "what time", "which city"); or one asks
     * how far something has a quality and the other which thing has the most of it ("how common is X" / "what is the
     * most common X"): {@code question}.
     */
    QUESTION,
    /**
     * One prompt adds topic words the other lacks, at least half as many as the other has ("how do I make a cake" /
     * "how do I make a vegan chocolate cake"), or adds a named place, platform or tool behind a preposition ("how long
     * does passport renewal take" / "... in the UK"), asks a whole further question ("what are the risks of X?" /
     * "what are the risks of X? How do I reduce them?"), lists an item the other leaves out ("TCP, UDP and QUIC" /
     * "TCP and QUIC", "the pros and cons" / "the pros"), swaps one item of a list for another ("speed and
     * endurance" / "endurance and strength"), or names one part of a thing with a position word ("the rear brake
     * pads" / "the brake pads"): {@code scope}.
     */
    SCOPE,
    /**
     * Either prompt points at something it does not contain: one sentence, no quote or colon, ending (but for at most
     * two words) in "this" or "these" and a noun phrase ("how do I solve this equation?", "what did he say in this
     * video"). Two such prompts may be about different equations or videos, so neither can stand for the other:
     * {@code reference}. A noun
     * named earlier in the text ("a poem ..., and is this poem ..."), a time or the world around us ("this year",
     * "this life") and "is this ...?" do not count. Runs only when no other check rejected.
     */
    REFERENCE
}
