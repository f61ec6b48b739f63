package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import dev.semcache.embeddings.TextEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link TextEmbedder} behind a counter of calls, to assert that a path computed no embedding. Not a fake: every
 * call reaches the delegate. Closing it does not close the delegate.
 */
public final class CountingEmbedder implements TextEmbedder {
    private final TextEmbedder delegate;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * Wraps an embedder.
     *
     * @param delegate the real embedder
     */
    public CountingEmbedder(TextEmbedder delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /**
     * Returns how many texts were embedded.
     *
     * @return the count
     */
    public int calls() {
        return calls.get();
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        return delegate.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        calls.addAndGet(texts.size());
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

    @Override
    public void close() {}
}
