package dev.semcache.bench.eval;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a labelled pairs file lazily, one {@link LabelledPair} per row.
 *
 * <p><b>Format.</b> UTF-8 (a byte order mark is skipped), tab-separated, one header line naming the columns. The
 * columns {@code text_a}, {@code text_b} and {@code label} are required, {@code kind} is optional, any other column
 * (such as {@code src_index}) is ignored; their order is free. There is no quoting: a tab always separates fields and a
 * double quote is part of the text, as the data sets in {@code /work/shared/datasets} are written. Line ends may be
 * {@code \n} or {@code \r\n}; empty lines are skipped.
 *
 * <p><b>Errors.</b> A row with another number of fields than the header, a label other than {@code 0} or {@code 1}, or
 * a blank text throws {@link PairsFormatException} naming the file and the 1-based line number (the header is line 1),
 * when the iteration reaches it.
 *
 * <pre>{@code
 * try (PairsReader reader = PairsReader.open(Path.of("qqp_pairs.tsv"))) {
 *     while (reader.hasNext()) {
 *         LabelledPair pair = reader.next();
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class PairsReader implements Iterator<LabelledPair>, AutoCloseable {

    /** The column holding the stored prompt. */
    public static final String TEXT_A = "text_a";

    /** The column holding the prompt that is looked up. */
    public static final String TEXT_B = "text_b";

    /** The column holding 1 (the same request) or 0. */
    public static final String LABEL = "label";

    /** The optional column holding the row's kind. */
    public static final String KIND = "kind";

    private final Path file;
    private final BufferedReader reader;
    private final int columns;
    private final int textA;
    private final int textB;
    private final int label;
    private final int kind;
    private long lineNumber = 1;
    private @Nullable LabelledPair next;

    private PairsReader(Path file, BufferedReader reader, List<String> header) {
        this.file = file;
        this.reader = reader;
        this.columns = header.size();
        this.textA = column(header, TEXT_A, true);
        this.textB = column(header, TEXT_B, true);
        this.label = column(header, LABEL, true);
        this.kind = column(header, KIND, false);
    }

    /**
     * Opens a pairs file and reads its header.
     *
     * @param file the file
     * @return the reader, positioned before the first row; close it
     * @throws PairsFormatException if the file is empty or its header lacks a required column or repeats one
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PairsReader open(Path file) {
        requireNonNull(file, "file");
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            String header = reader.readLine();
            if (header == null) {
                throw new PairsFormatException(
                        file, 1, "empty file: expected a header line with text_a, text_b, label");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> names = List.of(stripCr(header).split("\t", -1));
            return new PairsReader(file, reader, names);
        } catch (IOException e) {
            closeQuietly(reader);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * Reads the first rows of a pairs file.
     *
     * @param file the file
     * @param limit the most rows to read, positive; {@link Long#MAX_VALUE} for all
     * @return the rows, in file order
     * @throws PairsFormatException if the file is malformed within the rows read
     * @throws IllegalArgumentException if the limit is not positive
     */
    public static List<LabelledPair> readAll(Path file, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<LabelledPair> rows = new ArrayList<>();
        try (PairsReader reader = open(file)) {
            while (rows.size() < limit && reader.hasNext()) {
                rows.add(reader.next());
            }
        }
        return rows;
    }

    /**
     * Returns whether another row follows, reading it.
     *
     * @return {@code true} if {@link #next()} returns a row
     * @throws PairsFormatException if the next row is malformed
     */
    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRow();
        }
        return next != null;
    }

    /**
     * Returns the next row.
     *
     * @return the row
     * @throws NoSuchElementException if there is none
     * @throws PairsFormatException if the row is malformed
     */
    @Override
    public LabelledPair next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + file);
        }
        LabelledPair row = requireNonNull(next);
        next = null;
        return row;
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private @Nullable LabelledPair readRow() {
        String line;
        try {
            do {
                line = reader.readLine();
                lineNumber++;
            } while (line != null && stripCr(line).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " after line " + lineNumber + ": " + e, e);
        }
        if (line == null) {
            return null;
        }
        String[] fields = stripCr(line).split("\t", -1);
        if (fields.length != columns) {
            throw new PairsFormatException(
                    file,
                    lineNumber,
                    "expected " + columns + " tab-separated fields as in the header, found " + fields.length
                            + " (a tab inside a text is not allowed; there is no quoting)");
        }
        String a = fields[textA];
        String b = fields[textB];
        if (a.isBlank()) {
            throw new PairsFormatException(file, lineNumber, TEXT_A + " is blank");
        }
        if (b.isBlank()) {
            throw new PairsFormatException(file, lineNumber, TEXT_B + " is blank");
        }
        boolean same;
        switch (fields[label].trim()) {
            case "1" -> same = true;
            case "0" -> same = false;
            default ->
                throw new PairsFormatException(
                        file, lineNumber, LABEL + " must be 0 or 1, was '" + fields[label] + "'");
        }
        String k = kind >= 0 && !fields[kind].isBlank() ? fields[kind].trim() : null;
        return new LabelledPair(lineNumber, a, b, same, k);
    }

    private int column(List<String> header, String name, boolean required) {
        int index = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equals(name)) {
                if (index >= 0) {
                    closeQuietly(reader);
                    throw new PairsFormatException(file, 1, "column '" + name + "' appears twice in the header");
                }
                index = i;
            }
        }
        if (index < 0 && required) {
            closeQuietly(reader);
            throw new PairsFormatException(
                    file,
                    1,
                    "header lacks column '" + name + "'; expected tab-separated text_a, text_b, label and optionally"
                            + " kind, found " + header);
        }
        return index;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Already failing with a clearer error.
        }
    }
}
