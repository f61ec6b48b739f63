package dev.semcache.service.observe;

/**
 * The names of the service's metrics, in Micrometer's dotted form (Prometheus shows {@code gen_ai.client.operation.
 * duration} as {@code gen_ai_client_operation_duration_seconds}).
 *
 * <p>Names follow the OpenTelemetry semantic conventions for generative AI clients where one exists
 * ({@code gen_ai.client.operation.duration}, the {@code gen_ai.operation.name}, {@code gen_ai.request.model} and
 * {@code gen_ai.token.type} attributes); the cache's own measures use the {@code semcache} prefix. Namespaces are not
 * a tag (they would make one series per tenant); {@code GET /stats} breaks counts down by namespace instead.
 *
 * @see <a href="https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-metrics/">OpenTelemetry: GenAI metrics</a>
 * @since 0.1.0
 */
public enum SemcacheMetric {
    /** End-to-end duration of chat completions requests as the client saw them, in seconds. */
    OPERATION_DURATION("gen_ai.client.operation.duration", "Duration of chat completions requests through the cache"),
    /** Chat completions requests, tagged with the cache result ({@code hit}, {@code miss}, {@code bypass}). */
    REQUESTS("semcache.requests", "Chat completions requests by cache result"),
    /** Tokens that cache hits saved, tagged {@code gen_ai.token.type} {@code input} or {@code output}. */
    TOKENS_SAVED("semcache.tokens.saved", "Tokens not bought from the upstream thanks to cache hits"),
    /** Dollars that cache hits saved, for models with a known price. */
    COST_SAVED("semcache.cost.saved", "US dollars not spent thanks to cache hits (models with a known price)"),
    /** Failures, tagged {@code error.type}: {@code cache} (store or embedder, failed open) or {@code upstream}. */
    ERRORS("semcache.errors", "Cache failures (served by the upstream) and upstream failures"),
    /** Semantic candidates the verifier rejected. */
    VERIFIER_REJECTIONS("semcache.verifier.rejections", "Near misses the hit verifier rejected");

    /** Tag: the GenAI operation, always {@code chat}. */
    public static final String TAG_OPERATION = "gen_ai.operation.name";

    /** Tag: the model the request asked for. */
    public static final String TAG_MODEL = "gen_ai.request.model";

    /** Tag: {@code input} or {@code output} tokens. */
    public static final String TAG_TOKEN_TYPE = "gen_ai.token.type";

    /** Tag: {@code hit}, {@code miss} or {@code bypass}. */
    public static final String TAG_RESULT = "semcache.result";

    /** Tag: {@code exact}, {@code semantic} or {@code none}. */
    public static final String TAG_LOOKUP = "semcache.lookup";

    /** Tag: the kind of failure. */
    public static final String TAG_ERROR_TYPE = "error.type";

    private final String metricName;
    private final String description;

    SemcacheMetric(String metricName, String description) {
        this.metricName = metricName;
        this.description = description;
    }

    /**
     * Returns the metric's name.
     *
     * @return the dotted name
     */
    public String metricName() {
        return metricName;
    }

    /**
     * Returns the metric's description.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }
}
