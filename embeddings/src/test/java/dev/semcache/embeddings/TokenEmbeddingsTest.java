package dev.semcache.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TokenEmbeddingsTest {

    private final OnnxTextEmbedder embedder = SharedEmbedders.miniLm();

    @Test
    void embedTokens_englishText_matchesTokenizerPiecesAndOffsets() {
        String text = "The new movie is awesome";

        TokenEmbeddings result = embedder.embedTokens(text);

        // Pieces and offsets as Python tokenizers 0.23.3 reports them for the same tokenizer.json.
        assertThat(result.tokens())
                .extracting(TokenEmbeddings.Token::piece)
                .containsExactly("[CLS]", "the", "new", "movie", "is", "awesome", "[SEP]");
        assertThat(result.tokens())
                .extracting(TokenEmbeddings.Token::special)
                .containsExactly(true, false, false, false, false, false, true);
        assertThat(result.tokens().get(3).start()).isEqualTo(8);
        assertThat(result.tokens().get(3).end()).isEqualTo(13);
        assertThat(result.tokens().get(0).hasOffsets()).isFalse();
        assertThat(result.modelId()).isEqualTo("all-minilm-l6-v2");
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void embedTokens_anyText_vectorsHaveModelDimension() {
        TokenEmbeddings result = embedder.embedTokens("Convert 3 EUR to USD");

        assertThat(result.dimension()).isEqualTo(embedder.dimension());
        assertThat(result.tokens())
                .allSatisfy(token -> assertThat(token.vector()).hasSize(384));
        assertThat(result.tokens())
                .extracting(TokenEmbeddings.Token::piece)
                .containsExactly("[CLS]", "convert", "3", "eu", "##r", "to", "usd", "[SEP]");
    }

    @Test
    void embedTokens_meanOfVectors_equalsEmbedding() {
        String text = "The weather is lovely today.";
        TokenEmbeddings result = embedder.embedTokens(text);

        double[] mean = new double[result.dimension()];
        for (TokenEmbeddings.Token token : result.tokens()) {
            float[] vector = token.vector();
            for (int k = 0; k < mean.length; k++) {
                mean[k] += vector[k] / result.size();
            }
        }
        float[] pooled = new float[mean.length];
        double norm = 0;
        for (double v : mean) {
            norm += v * v;
        }
        for (int k = 0; k < mean.length; k++) {
            pooled[k] = (float) (mean[k] / Math.sqrt(norm));
        }

        assertThat(pooled).containsExactly(embedder.embed(text), within(1e-5f));
    }

    @Test
    void embedTokens_emojiAndAccents_offsetsAreStringIndices() {
        String emoji = "I love this 😍🔥!";
        String vietnamese = "Hôm nay trời đẹp quá";

        List<TokenEmbeddings.Token> emojiTokens = embedder.embedTokens(emoji).tokens();
        List<TokenEmbeddings.Token> vietnameseTokens =
                embedder.embedTokens(vietnamese).tokens();

        TokenEmbeddings.Token unknown = emojiTokens.get(4);
        assertThat(unknown.piece()).isEqualTo("[UNK]");
        assertThat(emoji.substring(unknown.start(), unknown.end())).isEqualTo("😍🔥");
        assertThat(emoji.substring(
                        emojiTokens.get(5).start(), emojiTokens.get(5).end()))
                .isEqualTo("!");
        assertThat(vietnameseTokens)
                .filteredOn(TokenEmbeddings.Token::hasOffsets)
                .extracting(token -> vietnamese.substring(token.start(), token.end()))
                .containsExactly("Hô", "m", "nay", "tr", "ời", "đ", "ẹp", "qu", "á");
    }

    @Test
    void token_vector_isDefensivelyCopied() {
        float[] source = {1f, 2f};
        TokenEmbeddings.Token token = new TokenEmbeddings.Token("a", 0, 1, false, source);

        source[0] = 9f;
        token.vector()[1] = 9f;

        assertThat(token.vector()).containsExactly(1f, 2f);
        assertThat(token).isEqualTo(new TokenEmbeddings.Token("a", 0, 1, false, new float[] {1f, 2f}));
    }

    @Test
    void tokenEmbeddings_vectorOfWrongDimension_isRejected() {
        TokenEmbeddings.Token token = new TokenEmbeddings.Token("a", 0, 1, false, new float[] {1f, 2f});

        assertThatThrownBy(() -> new TokenEmbeddings("m", "a", 3, false, List.of(token)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens[0] has a vector of 2 floats, expected dimension 3");
    }
}
