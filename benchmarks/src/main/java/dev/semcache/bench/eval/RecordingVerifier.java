package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * A verifier decorator that remembers, per thread, the last similarity the cache passed it and the verdict it
 * returned, so an evaluation can read both after a {@link dev.semcache.cache.SemanticCache#lookup} that ends in a
 * rejection (whose {@link dev.semcache.cache.LookupResult.Miss} carries the verdict but not the similarity).
 *
 * <p>The blocking lookup runs the verifier on the calling thread, so a thread-local suffices. The delegate's verdict
 * and exceptions pass through unchanged.
 */
final class RecordingVerifier implements HitVerifier {

    /** One call of the verifier. */
    record Call(double similarity, @Nullable Verdict verdict) {}

    private final HitVerifier delegate;
    private final ThreadLocal<@Nullable Call> last = new ThreadLocal<>();

    RecordingVerifier(HitVerifier delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public Verdict verify(String query, String candidate, double similarity) {
        last.set(new Call(similarity, null));
        Verdict verdict = delegate.verify(query, candidate, similarity);
        last.set(new Call(similarity, verdict));
        return verdict;
    }

    /** Forgets the last call of this thread. */
    void reset() {
        last.remove();
    }

    /**
     * Returns the last call of this thread since {@link #reset()}.
     *
     * @return the call, or {@code null} when the verifier was not called
     */
    @Nullable
    Call lastCall() {
        return last.get();
    }
}
