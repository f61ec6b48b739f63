package dev.semcache.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PairsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readAll_withKindColumn_readsRowsWithLineNumbersAndKinds() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\tkind\n"
                + "How do I merge dicts?\tCombine two dicts?\t1\tparaphrase\n"
                + "EUR to USD\tUSD to EUR\t0\tdirection\n");

        List<LabelledPair> rows = PairsReader.readAll(file, Long.MAX_VALUE);

        assertThat(rows)
                .containsExactly(
                        new LabelledPair(2, "How do I merge dicts?", "Combine two dicts?", true, "paraphrase"),
                        new LabelledPair(3, "EUR to USD", "USD to EUR", false, "direction"));
    }

    @Test
    void readAll_withoutKindAndWithOtherColumnsInAnyOrder_readsByName() throws IOException {
        Path file = write("src_index\tlabel\ttext_b\ttext_a\n" + "7\t1\tsecond\tfirst\n");

        List<LabelledPair> rows = PairsReader.readAll(file, Long.MAX_VALUE);

        assertThat(rows).containsExactly(new LabelledPair(2, "first", "second", true, null));
    }

    @Test
    void readAll_quotesAndCrLfAndBomAndEmptyLines_keepsQuotesLiterally() throws IOException {
        Path file = write("\uFEFFtext_a\ttext_b\tlabel\r\n"
                + "\"The app is off.\" What now?\tHe said \"yes\t0\r\n"
                + "\r\n"
                + "a\tb\t1\r\n");

        List<LabelledPair> rows = PairsReader.readAll(file, Long.MAX_VALUE);

        assertThat(rows)
                .containsExactly(
                        new LabelledPair(2, "\"The app is off.\" What now?", "He said \"yes", false, null),
                        new LabelledPair(4, "a", "b", true, null));
    }

    @Test
    void readAll_limit_stopsEarlyWithoutReadingBadRowsBeyond() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\tb\t1\n" + "c\td\t0\n" + "broken\n");

        List<LabelledPair> rows = PairsReader.readAll(file, 2);

        assertThat(rows).extracting(LabelledPair::textA).containsExactly("a", "c");
    }

    @Test
    void readAll_extraTabInText_throwsWithLineNumber() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\tb\t1\n" + "a\twith\ttab\t1\n");

        assertThatThrownBy(() -> PairsReader.readAll(file, Long.MAX_VALUE))
                .isInstanceOf(PairsFormatException.class)
                .hasMessage(file + ":3: expected 3 tab-separated fields as in the header, found 4 (a tab inside a text"
                        + " is not allowed; there is no quoting)")
                .satisfies(e -> assertThat(((PairsFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void readAll_missingField_throwsWithLineNumber() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\tb\n");

        assertThatThrownBy(() -> PairsReader.readAll(file, Long.MAX_VALUE))
                .isInstanceOf(PairsFormatException.class)
                .hasMessageStartingWith(file + ":2: expected 3 tab-separated fields");
    }

    @Test
    void readAll_badLabel_throwsWithLineNumberAndValue() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\tb\t1\n" + "a\tb\t0\n" + "a\tb\tyes\n");

        assertThatThrownBy(() -> PairsReader.readAll(file, Long.MAX_VALUE))
                .isInstanceOf(PairsFormatException.class)
                .hasMessage(file + ":4: label must be 0 or 1, was 'yes'");
    }

    @Test
    void readAll_blankText_throwsWithLineNumber() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\n" + "a\t  \t1\n");

        assertThatThrownBy(() -> PairsReader.readAll(file, Long.MAX_VALUE))
                .isInstanceOf(PairsFormatException.class)
                .hasMessage(file + ":2: text_b is blank");
    }

    @Test
    void open_headerWithoutLabel_throwsNamingColumn() throws IOException {
        Path file = write("text_a\ttext_b\tscore\n" + "a\tb\t4.5\n");

        assertThatThrownBy(() -> PairsReader.open(file))
                .isInstanceOf(PairsFormatException.class)
                .hasMessageStartingWith(file + ":1: header lacks column 'label'");
    }

    @Test
    void open_emptyFile_throwsAtLineOne() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> PairsReader.open(file))
                .isInstanceOf(PairsFormatException.class)
                .hasMessageStartingWith(file + ":1: empty file");
    }

    @Test
    void open_repeatedColumn_throws() throws IOException {
        Path file = write("text_a\ttext_b\tlabel\tlabel\n");

        assertThatThrownBy(() -> PairsReader.open(file))
                .isInstanceOf(PairsFormatException.class)
                .hasMessage(file + ":1: column 'label' appears twice in the header");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
