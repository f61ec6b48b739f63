package dev.semcache.embeddings;

/**
 * How a sentence vector is made from the per-token vectors (the model's last hidden state).
 *
 * <p>The choice is a property of how a model was trained, not a tuning knob: use the pooling its model card names, or
 * the vectors will not match the published ones.
 *
 * @since 0.1.0
 */
public enum Pooling {
    /**
     * The average of the vectors of all attended tokens, special tokens included, weighted by the attention mask so
     * that padding never counts; used by sentence-transformers models such as all-MiniLM-L6-v2.
     */
    MEAN,

    /** The vector of the first token ({@code [CLS]}); used by the BGE models. */
    CLS
}
