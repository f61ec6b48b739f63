package dev.semcache.embeddings;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The contextual vector of every token of one text, before pooling: what a model "saw", word piece by word piece.
 *
 * <p>Made by {@link OnnxTextEmbedder#embedTokens(String)}. The tokens are the word pieces the model's tokenizer produced,
 * special tokens ({@code [CLS]}, {@code [SEP]}) included and flagged, after truncation to the model's maximum input
 * length; only attended tokens appear (a single text has no padding). Each vector is a row of the model's last hidden
 * state, as the model returned it: not normalised, not pooled. A caller comparing two texts token by token (for
 * example a hit verifier looking for a changed number or a swapped direction) can normalise rows itself.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param modelId the identifier of the model that produced the vectors
 * @param text the text as given, without any query prefix
 * @param dimension the number of floats in every token vector
 * @param truncated whether the text was longer than the model's maximum input and its tail was not read
 * @param tokens the tokens in input order
 * @since 0.1.0
 */
public record TokenEmbeddings(String modelId, String text, int dimension, boolean truncated, List<Token> tokens) {

    /**
     * Creates token embeddings, checking that every vector has the stated dimension.
     *
     * @param modelId the identifier of the model that produced the vectors
     * @param text the text as given, without any query prefix
     * @param dimension the number of floats in every token vector; positive
     * @param truncated whether the text was longer than the model's maximum input
     * @param tokens the tokens in input order; copied
     * @throws IllegalArgumentException if the dimension is not positive or a vector has another length
     */
    public TokenEmbeddings {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        tokens = List.copyOf(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            int length = tokens.get(i).vector.length;
            if (length != dimension) {
                throw new IllegalArgumentException(
                        "tokens[" + i + "] has a vector of " + length + " floats, expected dimension " + dimension);
            }
        }
    }

    /**
     * Returns the number of tokens.
     *
     * @return the token count, special tokens included
     */
    public int size() {
        return tokens.size();
    }

    /**
     * One token: its word piece, where it came from in the text, and its contextual vector.
     *
     * <p>Offsets are {@code char} indices into {@link TokenEmbeddings#text()}, so that
     * {@code text.substring(start, end)} is the source of the word piece (in its original case, before the tokenizer
     * lower-cased it). Special tokens have no source and report {@code -1} for both offsets.
     *
     * @param piece the word piece as the tokenizer's vocabulary spells it, for example {@code "##ome"} or {@code "[CLS]"}
     * @param start the index of the first {@code char} of the source text, or {@code -1} if the token has none
     * @param end the index after the last {@code char} of the source text, or {@code -1} if the token has none
     * @param special whether the tokenizer added this token ({@code [CLS]}, {@code [SEP]}) rather than read it from the
     *     text
     * @param vector the token's row of the last hidden state; copied on the way in and on the way out
     */
    public record Token(String piece, int start, int end, boolean special, float[] vector) {

        /**
         * Creates a token, copying its vector.
         *
         * @param piece the word piece
         * @param start the index of the first source {@code char}, or {@code -1}
         * @param end the index after the last source {@code char}, or {@code -1}
         * @param special whether the tokenizer added this token
         * @param vector the token's vector; copied
         * @throws IllegalArgumentException if only one offset is {@code -1}, or {@code start > end}
         */
        public Token {
            if ((start < 0) != (end < 0) || start < -1 || end < -1 || start > end) {
                throw new IllegalArgumentException("invalid offsets [" + start + ", " + end + ") for token " + piece);
            }
            vector = vector.clone();
        }

        /**
         * Returns a copy of the token's contextual vector.
         *
         * @return a new array holding the token's row of the last hidden state
         */
        @Override
        public float[] vector() {
            return vector.clone();
        }

        /**
         * Returns whether the token has source offsets in the text; special tokens have none.
         *
         * @return {@code true} if {@link #start()} and {@link #end()} are indices into the text
         */
        public boolean hasOffsets() {
            return start >= 0;
        }

        /**
         * Compares tokens by value, vectors included element by element.
         *
         * @param other the object to compare with
         * @return whether {@code other} is an equal token
         */
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Token that
                    && piece.equals(that.piece)
                    && start == that.start
                    && end == that.end
                    && special == that.special
                    && Arrays.equals(vector, that.vector);
        }

        /**
         * Returns a hash code consistent with {@link #equals(Object)}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            int result = piece.hashCode();
            result = 31 * result + start;
            result = 31 * result + end;
            result = 31 * result + Boolean.hashCode(special);
            return 31 * result + Arrays.hashCode(vector);
        }

        /**
         * Returns a short description: the piece, its offsets and whether it is special, without the vector.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return "Token[" + piece + ", " + start + ".." + end + (special ? ", special" : "") + "]";
        }
    }
}
