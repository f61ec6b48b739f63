package dev.semcache.cache;

/**
 * Why a request is not served from the cache and its answer not stored.
 *
 * @since 0.1.0
 */
public enum BypassReason {
    /** The last message is not from the user (a tool result, an assistant prefill): the answer depends on it. */
    LAST_MESSAGE_NOT_USER("last_message_not_user"),
    /** A message has content other than text (an image, audio, a file) or a field the cache does not model. */
    NON_TEXT_CONTENT("non_text_content"),
    /** The semantic text is empty or blank. */
    EMPTY_TEXT("empty_text"),
    /** The semantic text is longer than the configured maximum. */
    TEXT_TOO_LONG("text_too_long"),
    /** The request asks for several choices ({@code n > 1}); the cache keeps one. */
    MULTIPLE_CHOICES("multiple_choices"),
    /** The request asks for log probabilities, which the cache does not keep. */
    LOGPROBS("logprobs"),
    /** The request asks for audio output, which the cache does not keep. */
    AUDIO_OUTPUT("audio_output"),
    /** The caller asked to skip the lookup ({@link LookupOptions#noCache()}); the answer may still be stored. */
    NO_CACHE("no_cache");

    private final String code;

    BypassReason(String code) {
        this.code = code;
    }

    /**
     * Returns the reason as a short lower-case code, fit for a header or a metric tag.
     *
     * @return the code, such as {@code text_too_long}
     */
    public String code() {
        return code;
    }
}
