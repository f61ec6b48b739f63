package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * What the cache saved on one model.
 *
 * @param model the model name as the cached answer reported it
 * @param hits how many hits served an answer of this model
 * @param promptTokens input tokens saved
 * @param completionTokens output tokens saved
 * @param priceKnown whether the price table knew the model; when {@code false}, {@code nanoUsd} is zero and
 *     meaningless
 * @param nanoUsd US dollars saved, in nano-dollars (10<sup>-9</sup> USD)
 * @since 0.1.0
 */
public record ModelSavings(
        String model, long hits, long promptTokens, long completionTokens, boolean priceKnown, long nanoUsd) {

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public ModelSavings {
        requireNonNull(model, "model");
        if (hits < 0 || promptTokens < 0 || completionTokens < 0 || nanoUsd < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Returns the US dollars saved, when the model's price is known.
     *
     * @return the dollars, or empty when the price is unknown
     */
    public OptionalDouble usdSaved() {
        return priceKnown ? OptionalDouble.of(nanoUsd / 1e9) : OptionalDouble.empty();
    }

    ModelSavings plus(ModelSavings other) {
        return new ModelSavings(
                model,
                CacheStats.saturatedAdd(hits, other.hits),
                CacheStats.saturatedAdd(promptTokens, other.promptTokens),
                CacheStats.saturatedAdd(completionTokens, other.completionTokens),
                priceKnown && other.priceKnown,
                CacheStats.saturatedAdd(nanoUsd, other.nanoUsd));
    }

    ModelSavings minus(ModelSavings other) {
        return new ModelSavings(
                model,
                Math.max(0, CacheStats.saturatedSubtract(hits, other.hits)),
                Math.max(0, CacheStats.saturatedSubtract(promptTokens, other.promptTokens)),
                Math.max(0, CacheStats.saturatedSubtract(completionTokens, other.completionTokens)),
                priceKnown,
                Math.max(0, CacheStats.saturatedSubtract(nanoUsd, other.nanoUsd)));
    }
}
