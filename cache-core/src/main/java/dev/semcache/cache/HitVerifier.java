package dev.semcache.cache;

/**
 * Decides whether a candidate found by vector search really asks the same thing as the new prompt.
 *
 * <p>The cosine similarity of sentence embeddings cannot tell apart prompts that share words but differ in meaning
 * ("convert 50 EUR to USD" and "convert 50 USD to EUR" score 0.99). A verifier looks at the two texts and rejects a
 * candidate whose differences change the answer. It runs after the vector search, on the best candidates only.
 *
 * <p>Implementations are thread-safe, fast (a small fraction of a lookup) and do not throw for any pair of non-null
 * texts; a verifier that throws is treated by the cache as a rejection.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HitVerifier {

    /**
     * Judges one candidate.
     *
     * @param query the semantic text of the new request
     * @param candidate the semantic text of the stored entry
     * @param similarity their cosine similarity, as computed by the vector search
     * @return the verdict: accept, or reject with a short reason
     */
    Verdict verify(String query, String candidate, double similarity);

    /**
     * Returns a verifier that accepts every candidate the vector search found: the score alone decides.
     *
     * @return the accepting verifier, a singleton
     */
    static HitVerifier acceptAll() {
        return AcceptAll.INSTANCE;
    }

    /**
     * Returns the strict verifier, the recommended default: it rejects candidates whose wording differs in numbers,
     * units, direction, negation, opposites, named things, requested form or scope. Same as
     * {@link dev.semcache.cache.verify.HitVerifiers#strict()}.
     *
     * @return the shared strict verifier
     */
    static HitVerifier strict() {
        return dev.semcache.cache.verify.HitVerifiers.strict();
    }
}

/** The verifier that trusts the similarity score. */
enum AcceptAll implements HitVerifier {
    INSTANCE;

    @Override
    public Verdict verify(String query, String candidate, double similarity) {
        return Verdict.accept();
    }
}
