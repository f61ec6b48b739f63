package dev.semcache.service.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a server-sent event stream, fed in chunks of any size, into the {@code data} payloads of its events.
 *
 * <p>Follows the HTML event-stream format as far as chat completions use it: lines end in LF, CRLF or CR; lines
 * starting with {@code :} are comments; the {@code data} lines of one event are joined with LF; an empty line ends an
 * event; an event without data is skipped; other fields ({@code event}, {@code id}, {@code retry}) are ignored. Bytes
 * are decoded per line, so a UTF-8 sequence split between two chunks is decoded whole.
 *
 * <p>Not thread-safe: one parser per stream, fed in order.
 */
final class SseEventParser {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean lastWasCr;

    /**
     * Feeds the next chunk.
     *
     * @param chunk bytes of the stream, continuing the previous chunk
     * @return the data payloads of the events this chunk completed, in order
     */
    List<String> feed(byte[] chunk) {
        List<String> events = new ArrayList<>(2);
        for (byte b : chunk) {
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(events);
            } else {
                line.write(b);
            }
        }
        return events;
    }

    /**
     * Returns whether bytes of an unfinished event are pending, which means the stream ended in the middle of one.
     *
     * @return {@code true} when an event was started but not ended
     */
    boolean hasPartialEvent() {
        return line.size() > 0 || hasData;
    }

    private void endLine(List<String> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                events.add(data.toString());
            }
            data.setLength(0);
            hasData = false;
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!field.equals("data")) {
            return;
        }
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }
}
