package dev.semcache.embeddings;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Embedding models that ship inside semcache's dependencies and load from the classpath, without network access.
 *
 * <p>The ONNX files and their {@code tokenizer.json} come from the {@code dev.langchain4j:langchain4j-embeddings-*}
 * artifacts (exports published by Xenova on Hugging Face), used for their resources only.
 *
 * @see OnnxTextEmbedder#bundled(BundledModel)
 * @since 0.1.0
 */
public enum BundledModel {
    /**
     * <a href="https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2">sentence-transformers/all-MiniLM-L6-v2</a>:
     * 384 dimensions, mean pooling, inputs truncated to 256 word pieces as in its sentence-transformers configuration
     * ({@code max_seq_length}; the {@code tokenizer.json} itself says 128, which is not what the reference values use).
     */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", Pooling.MEAN, 256, 384, null),

    /**
     * <a href="https://huggingface.co/BAAI/bge-small-en-v1.5">BAAI/bge-small-en-v1.5</a>: 384 dimensions, CLS pooling,
     * inputs truncated to 512 word pieces.
     *
     * <p>Its authors recommend the instruction {@code "Represent this sentence for searching relevant passages: "} for
     * short queries that retrieve longer passages, an asymmetric task. semcache compares a prompt with earlier prompts,
     * a symmetric task, for which they recommend no instruction; the prefix is therefore not applied unless a caller
     * sets it with {@link OnnxTextEmbedder.Builder#queryPrefix(String)}, and then it is applied to every text so that
     * stored and looked-up vectors stay comparable.
     */
    BGE_SMALL_EN_V1_5(
            "bge-small-en-v1.5", Pooling.CLS, 512, 384, "Represent this sentence for searching relevant passages: ");

    private final String modelId;
    private final Pooling pooling;
    private final int maxLength;
    private final int dimension;
    private final @Nullable String recommendedQueryPrefix;

    BundledModel(
            String modelId, Pooling pooling, int maxLength, int dimension, @Nullable String recommendedQueryPrefix) {
        this.modelId = modelId;
        this.pooling = pooling;
        this.maxLength = maxLength;
        this.dimension = dimension;
        this.recommendedQueryPrefix = recommendedQueryPrefix;
    }

    /**
     * Returns the model identifier, also the base name of its classpath resources, for example
     * {@code all-minilm-l6-v2}.
     *
     * @return the model identifier
     */
    public String modelId() {
        return modelId;
    }

    /**
     * Returns the pooling the model was trained with.
     *
     * @return the pooling
     */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * Returns the maximum number of word pieces (special tokens included) the model reads; longer inputs are truncated.
     *
     * @return the maximum input length in tokens
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns the number of floats in the model's vectors.
     *
     * @return the vector dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the instruction the model's authors recommend prepending to retrieval queries, if they recommend one.
     *
     * <p>semcache does not apply it by default; see {@link #BGE_SMALL_EN_V1_5} for why.
     *
     * @return the recommended query prefix, or empty if the model has none
     */
    public Optional<String> recommendedQueryPrefix() {
        return Optional.ofNullable(recommendedQueryPrefix);
    }

    /**
     * Finds a bundled model by its identifier.
     *
     * @param modelId an identifier such as {@code bge-small-en-v1.5}
     * @return the bundled model with that identifier, or empty if there is none
     */
    public static Optional<BundledModel> fromModelId(String modelId) {
        for (BundledModel model : values()) {
            if (model.modelId.equals(modelId)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** The classpath resource holding the ONNX model, at the classpath root. */
    String modelResource() {
        return modelId + ".onnx";
    }

    /** The classpath resource holding the Hugging Face {@code tokenizer.json}, at the classpath root. */
    String tokenizerResource() {
        return modelId + "-tokenizer.json";
    }
}
