package dev.semcache.bench.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Reports the progress of a long run on stderr: a bar redrawn in place when stderr is a terminal (or when asked), else
 * a plain line every ten seconds, so that logs captured to a file stay readable.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start("pairs", rows.size(), System.err, forceBar)) {
 *     for (int i = 0; i < rows.size(); i++) {
 *         ...
 *         progress.accept(i + 1);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread reports.
 *
 * @since 0.1.0
 */
public final class Progress implements LongConsumer, AutoCloseable {

    private static final long BAR_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean bar;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastPrint;
    private long done;
    private boolean closed;

    Progress(String label, long total, PrintStream out, boolean bar, LongSupplier nanoTime) {
        this.label = requireNonNull(label, "label");
        this.total = total;
        this.out = requireNonNull(out, "out");
        this.bar = bar;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.start = nanoTime.getAsLong();
        this.lastPrint = start;
    }

    /**
     * Starts reporting.
     *
     * @param label what is counted, such as {@code pairs}
     * @param total the count at the end, or 0 when unknown
     * @param out where to report, normally stderr
     * @param forceBar {@code true} to draw the bar even when stderr is not a terminal
     * @return the progress, to be told each new count and closed at the end
     */
    public static Progress start(String label, long total, PrintStream out, boolean forceBar) {
        return new Progress(label, total, out, forceBar || stderrIsTerminal(), System::nanoTime);
    }

    /**
     * Returns a progress that reports nothing.
     *
     * @return a silent progress
     */
    public static Progress silent() {
        return new Progress("", 0, new PrintStream(PrintStream.nullOutputStream()), false, System::nanoTime);
    }

    /**
     * Returns whether this process's stderr is a terminal. Java has no isatty; on Linux the file descriptor's link
     * names the device, elsewhere the presence of a console stands in for it.
     *
     * @return {@code true} for a terminal
     */
    public static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Fall through to the console check.
        }
        return System.console() != null;
    }

    /**
     * Records the count done so far, printing when the last print is old enough.
     *
     * @param count the count done, not less than before
     */
    @Override
    public void accept(long count) {
        done = count;
        long now = nanoTime.getAsLong();
        if (now - lastPrint >= (bar ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS)) {
            lastPrint = now;
            print(now, false);
        }
    }

    /** Prints the final state and ends the bar's line. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        print(nanoTime.getAsLong(), true);
    }

    /**
     * Returns the line that would be printed now, without the carriage return of the bar.
     *
     * @return the status line
     */
    String line(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (bar && total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR_WIDTH - filled))
                    .append("] ");
        }
        if (total > 0) {
            line.append(String.format(Locale.ROOT, "%d/%d (%.0f%%)", done, total, 100.0 * done / total));
        } else {
            line.append(done);
        }
        line.append(String.format(Locale.ROOT, " %.1f/s, %s elapsed", rate, duration(seconds)));
        if (total > 0 && done > 0 && done < total) {
            line.append(", ").append(duration((total - done) / rate)).append(" left");
        }
        return line.toString();
    }

    private void print(long now, boolean last) {
        if (bar) {
            out.print("\r" + line(now) + "\u001b[K" + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line(now));
        }
        out.flush();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
