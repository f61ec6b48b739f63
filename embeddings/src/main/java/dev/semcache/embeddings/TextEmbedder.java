package dev.semcache.embeddings;

import java.util.List;

/**
 * Turns text into an L2-normalised vector, so that the dot product of two vectors is their cosine similarity.
 *
 * <p>Implementations are thread-safe: one instance serves every thread of an application. They may hold native
 * resources (an ONNX Runtime session, a tokenizer) and must be {@link #close() closed} when no longer needed.
 *
 * @since 0.1.0
 */
public interface TextEmbedder extends AutoCloseable {

    /**
     * Embeds one text.
     *
     * <p>Text longer than the model's maximum input is truncated to it, not rejected.
     *
     * @param text the text to embed; must contain a non-whitespace character
     * @return a new vector of {@link #dimension()} floats with an L2 norm of 1
     * @throws EmbeddingException if the text is null, empty or blank, or inference fails
     */
    float[] embed(String text);

    /**
     * Embeds several texts in one batch; each result equals what {@link #embed(String)} returns for the same text
     * (within floating-point tolerance).
     *
     * @param texts the texts to embed, in order; each must contain a non-whitespace character
     * @return one new vector per text, in the same order
     * @throws EmbeddingException if any text is null, empty or blank, or inference fails
     */
    List<float[]> embedAll(List<String> texts);

    /**
     * Returns the number of floats in every vector this embedder produces.
     *
     * @return the vector dimension, positive
     */
    int dimension();

    /**
     * Returns a stable identifier of the model, safe for use in index and key names (lower case letters, digits,
     * {@code .}, {@code -} and {@code _}), for example {@code all-minilm-l6-v2}.
     *
     * @return the model identifier
     */
    String modelId();

    /**
     * Releases the native resources held by this embedder; later calls to {@link #embed(String)} fail.
     */
    @Override
    void close();
}
