package dev.semcache.bench.replay;

/**
 * The shape of a replayed stream.
 *
 * @param events how many prompts the stream holds, positive
 * @param repeatShare the probability that a prompt is an exact repeat of an earlier one, in [0, 1]
 * @param followUpShare the probability that a prompt is {@code text_b} of a pair whose {@code text_a} was asked, in
 *     [0, 1]; the rest are first-time prompts
 * @param zipfExponent the exponent s of the popularity of repeated prompts: the prompt of popularity rank k is
 *     repeated with weight 1 / k^s; 0 for uniform, about 1 for typical chat traffic
 * @param seed the seed of every random choice: the same spec and pairs give the same stream
 * @since 0.1.0
 */
public record WorkloadSpec(long events, double repeatShare, double followUpShare, double zipfExponent, long seed) {

    /** Validates the values. */
    public WorkloadSpec {
        if (events < 1) {
            throw new IllegalArgumentException("events must be positive, was " + events);
        }
        if (!(repeatShare >= 0 && repeatShare <= 1)) {
            throw new IllegalArgumentException("repeatShare must be in [0, 1], was " + repeatShare);
        }
        if (!(followUpShare >= 0 && followUpShare <= 1)) {
            throw new IllegalArgumentException("followUpShare must be in [0, 1], was " + followUpShare);
        }
        if (repeatShare + followUpShare > 1) {
            throw new IllegalArgumentException(
                    "repeatShare + followUpShare must not exceed 1, was " + (repeatShare + followUpShare));
        }
        if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
            throw new IllegalArgumentException("zipfExponent must be in [0, 10], was " + zipfExponent);
        }
    }
}
