package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The list price of one model, in US dollars per one million input and output tokens.
 *
 * @param inputPerMillion US dollars per one million input (prompt) tokens, not negative
 * @param outputPerMillion US dollars per one million output (completion) tokens, not negative
 * @since 0.1.0
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * Validates the prices and strips trailing zeros, so that equal prices are equal records.
     *
     * @throws IllegalArgumentException if a price is negative
     */
    public ModelPrice {
        requireNonNull(inputPerMillion, "inputPerMillion");
        requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException(
                    "prices must not be negative, were " + inputPerMillion + " and " + outputPerMillion);
        }
        // Equal prices compare equal whatever their scale: 1.00 and 1.0 are one price.
        inputPerMillion = inputPerMillion.stripTrailingZeros();
        outputPerMillion = outputPerMillion.stripTrailingZeros();
    }

    /**
     * Returns a price from decimal strings, which keep the exact value.
     *
     * @param inputPerMillion US dollars per one million input tokens, such as {@code "0.40"}
     * @param outputPerMillion US dollars per one million output tokens, such as {@code "1.60"}
     * @return the price
     * @throws NumberFormatException if a string is not a decimal number
     * @throws IllegalArgumentException if a price is negative
     */
    public static ModelPrice perMillion(String inputPerMillion, String outputPerMillion) {
        return new ModelPrice(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    /**
     * Returns the cost of a number of tokens in nano-dollars (10<sup>-9</sup> US dollars), rounded half up and
     * saturated at {@link Long#MAX_VALUE}.
     *
     * @param promptTokens input tokens, not negative
     * @param completionTokens output tokens, not negative
     * @return the cost in nano-dollars
     */
    public long nanoUsd(long promptTokens, long completionTokens) {
        // USD per million tokens times 10^9 nano-dollars per USD over 10^6 tokens = 1000 nano-dollars per token.
        BigDecimal cost = inputPerMillion
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(completionTokens)))
                .scaleByPowerOfTen(3)
                .setScale(0, RoundingMode.HALF_UP);
        BigInteger nanos = cost.toBigIntegerExact();
        return nanos.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : nanos.longValue();
    }
}
