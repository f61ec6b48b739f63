package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import dev.semcache.embeddings.TextEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An embedder decorator that computes the vectors of texts it is told will come in one {@link
 * TextEmbedder#embedAll(List) batch}, then serves {@link #embed(String)} from them: the cache still asks for every
 * vector through {@code embed}, on its own path, but the model runs batched. {@code embedAll} is specified to equal
 * {@code embed} within floating-point tolerance (padding changes the last bits), so a decision can differ only for a
 * similarity within about 1e-6 of the threshold. A text that was not prepared is embedded by the delegate directly.
 *
 * <p>Not thread-safe: one evaluation thread prepares and consumes. The delegate is not closed.
 */
final class PreparedEmbedder implements TextEmbedder {
    private final TextEmbedder delegate;
    private final Map<String, float[]> prepared = new HashMap<>();
    private long served;
    private long unprepared;

    PreparedEmbedder(TextEmbedder delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /**
     * Replaces the prepared vectors with those of the given texts, embedded in one batch.
     *
     * @param texts the texts the next {@code embed} calls will ask for; duplicates are embedded once
     */
    void prepare(List<String> texts) {
        prepared.clear();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
        if (distinct.isEmpty()) {
            return;
        }
        List<float[]> vectors = delegate.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            prepared.put(distinct.get(i), vectors.get(i));
        }
    }

    @Override
    public float[] embed(String text) {
        float[] vector = prepared.get(text);
        if (vector == null) {
            unprepared++;
            return delegate.embed(text);
        }
        served++;
        return vector.clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    /** Does nothing: the delegate belongs to the caller. */
    @Override
    public void close() {}

    /** Returns how many {@code embed} calls were served from a batch. */
    long served() {
        return served;
    }

    /** Returns how many {@code embed} calls went to the delegate because the text was not prepared. */
    long unprepared() {
        return unprepared;
    }
}
