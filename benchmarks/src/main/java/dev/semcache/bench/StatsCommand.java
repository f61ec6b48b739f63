package dev.semcache.bench;

import dev.semcache.SemcacheException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code semcache-bench stats}: prints a running semcache service's hit rate, money saved, latency and health, as its
 * dashboard page shows them, once or every few seconds.
 *
 * <pre>{@code
 * $ java -jar benchmarks/target/semcache-bench.jar stats --url http://localhost:8080
 * $ java -jar benchmarks/target/semcache-bench.jar stats --url http://localhost:8080 --token "$SEMCACHE_ADMIN_TOKEN" \
 *       --watch --interval 5s
 * }</pre>
 *
 * <p>It reads {@code GET /stats}, {@code GET /stats/history} and {@code GET /health}, sending the admin token as
 * {@code Authorization: Bearer} when one is given ({@code --token}, or the {@code SEMCACHE_ADMIN_TOKEN} environment
 * variable). Only aggregates are printed. An unreachable service, or one that refuses the token, ends the command with
 * exit code 1 and a message saying what to check; with {@code --watch}, a service that stops answering after the first
 * update is reported and retried instead.
 *
 * @since 0.1.0
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Prints a semcache service's hit rate, savings, latency and health, once or every few seconds.")
public final class StatsCommand implements Callable<Integer> {
    /** The shortest interval between two updates. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The service's base URL, such as http://localhost:8080.")
    @SuppressWarnings("NullAway.Init") // required: picocli sets it or fails
    private URI url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:SEMCACHE_ADMIN_TOKEN}",
            description = "The service's admin token, when it has one (default: the SEMCACHE_ADMIN_TOKEN environment "
                    + "variable).")
    private @Nullable String token;

    @Option(names = "--watch", description = "Print again every --interval, until interrupted (Ctrl-C).")
    private boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Time between updates with --watch, such as 5s, 500ms or 1m (default: ${DEFAULT-VALUE}).")
    private Duration interval = Duration.ofSeconds(5);

    @Option(names = "--count", paramLabel = "N", description = "With --watch, stop after N updates (default: never).")
    private int count;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long to wait for each answer of the service (default: ${DEFAULT-VALUE}).")
    private Duration timeout = Duration.ofSeconds(10);

    /**
     * Prints the service's figures once, or every {@code --interval} with {@code --watch}.
     *
     * @return the exit code, 0
     * @throws CommandLine.ParameterException if an option is out of range
     * @throws SemcacheException if the service cannot be reached or refuses the token
     */
    @Override
    public Integer call() {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--interval must be at least " + MIN_INTERVAL.toMillis() + "ms");
        }
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must not be negative");
        }
        StatsClient client = new StatsClient(url, token, timeout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = watch && System.console() != null;
        for (int update = 1; ; update++) {
            try {
                String report = StatsReport.render(client.stats(), client.history(), client.health(), client.base());
                out.print(terminal ? CLEAR_SCREEN + report : report);
                out.flush();
            } catch (StatsClient.Unreachable e) {
                if (!watch || update == 1) {
                    throw e;
                }
                err.println(spec.qualifiedName() + ": " + e.getMessage() + "; retrying in " + describe(interval));
                err.flush();
            }
            if (!watch || (count > 0 && update >= count)) {
                return 0;
            }
            if (!terminal) {
                out.println();
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Reads durations as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT5S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    return Duration.parse(value.trim());
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(
                            Long.parseLong(v.substring(0, v.length() - 2).trim()));
                }
                long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default ->
                        throw new CommandLine.TypeConversionException(
                                "'" + value + "' is not a duration such as 500ms, 5s, 2m or 1h");
                };
            } catch (RuntimeException e) {
                if (e instanceof CommandLine.TypeConversionException conversion) {
                    throw conversion;
                }
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration such as 500ms, 5s, 2m or 1h");
            }
        }
    }
}
