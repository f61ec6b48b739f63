package dev.semcache.cache;

/**
 * Why a lookup found nothing to serve.
 *
 * @since 0.1.0
 */
public enum MissReason {
    /** No entry of the same scope was similar enough. */
    NOT_FOUND("not_found"),
    /** Similar entries were found, but the hit verifier rejected every one of them. */
    REJECTED("rejected"),
    /** The similar entries' answers are longer than the request's {@code max_tokens} allows. */
    MAX_TOKENS("max_tokens"),
    /** The store or the embedder failed; the cache fell open. */
    ERROR("error");

    private final String code;

    MissReason(String code) {
        this.code = code;
    }

    /**
     * Returns the reason as a short lower-case code, fit for a header or a metric tag.
     *
     * @return the code, such as {@code rejected}
     */
    public String code() {
        return code;
    }
}
