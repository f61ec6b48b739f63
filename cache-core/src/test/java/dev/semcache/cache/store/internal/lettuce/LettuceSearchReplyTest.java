package dev.semcache.cache.store.internal.lettuce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.store.internal.lettuce.LettuceVectorStore.SearchHit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LettuceSearchReplyTest {

    @Test
    void parseSearchReply_documentWithoutContent_keepsItsNeighbours() {
        List<Object> reply = Arrays.asList(
                2L,
                bytes("k:expired"),
                null,
                bytes("k:live"),
                List.of(bytes("dist"), bytes("0.25"), bytes("vec"), new byte[] {0, 0, (byte) 0x80, 0x3f}));

        List<SearchHit> hits = LettuceVectorStore.parseSearchReply(reply);

        assertThat(hits).extracting(SearchHit::key).containsExactly("k:expired", "k:live");
        assertThat(hits.get(0).fields()).isEmpty();
        assertThat(hits.get(1).fields()).containsOnlyKeys("dist", "vec");
        assertThat(hits.get(1).fields().get("vec")).containsExactly(0, 0, 0x80, 0x3f);
    }

    @Test
    void parseSearchReply_totalOnly_returnsNoHits() {
        List<SearchHit> hits = LettuceVectorStore.parseSearchReply(List.of(0L));

        assertThat(hits).isEmpty();
    }

    @Test
    void parseSearchReply_truncatedReply_keepsCompleteDocuments() {
        List<Object> reply = Arrays.asList(2L, bytes("k:a"), List.of(bytes("dist"), bytes("0")), bytes("k:b"));

        List<SearchHit> hits = LettuceVectorStore.parseSearchReply(reply);

        assertThat(hits).extracting(SearchHit::key).containsExactly("k:a", "k:b");
        assertThat(hits.get(1).fields()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
