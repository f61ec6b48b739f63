package dev.semcache.bench.eval;

import dev.semcache.SemcacheException;
import java.nio.file.Path;

/**
 * A labelled pairs file that cannot be read: a missing column, a row with the wrong number of fields, a bad label.
 * The message names the file and the line.
 *
 * @since 0.1.0
 */
public final class PairsFormatException extends SemcacheException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line number, or 0 when the problem is not on one line. */
    private final long line;

    /**
     * Creates an exception for a problem on one line.
     *
     * @param file the file
     * @param line the 1-based line number
     * @param problem what is wrong, a lower-case fragment
     */
    public PairsFormatException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.line = line;
    }

    /**
     * Returns the line the problem is on.
     *
     * @return the 1-based line number
     */
    public long line() {
        return line;
    }
}
