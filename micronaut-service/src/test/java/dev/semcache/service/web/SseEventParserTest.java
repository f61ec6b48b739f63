package dev.semcache.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SseEventParserTest {

    private static List<String> feedBytewise(String stream) {
        SseEventParser parser = new SseEventParser();
        List<String> events = new ArrayList<>();
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            events.addAll(parser.feed(new byte[] {b}));
        }
        return events;
    }

    @Test
    void feed_eventsSplitAcrossChunks_areReassembled() {
        assertThat(feedBytewise("data: {\"a\":\"é\"}\n\ndata: [DONE]\n\n")).containsExactly("{\"a\":\"é\"}", "[DONE]");
    }

    @Test
    void feed_crlfCommentsMultilineAndOtherFields_followTheFormat() {
        SseEventParser parser = new SseEventParser();

        List<String> events = parser.feed(
                ": keep-alive\r\nevent: x\r\ndata: one\r\ndata:two\r\n\r\nid: 3\n\n".getBytes(StandardCharsets.UTF_8));

        assertThat(events).containsExactly("one\ntwo");
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void hasPartialEvent_streamEndsMidEvent_isTrue() {
        SseEventParser parser = new SseEventParser();

        parser.feed("data: {\"cut".getBytes(StandardCharsets.UTF_8));

        assertThat(parser.hasPartialEvent()).isTrue();
    }
}
