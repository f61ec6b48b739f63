package dev.semcache.bench;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code semcache-bench} command: the entry point of {@code benchmarks/target/semcache-bench.jar}, with one
 * subcommand per tool.
 *
 * <pre>{@code
 * java -jar benchmarks/target/semcache-bench.jar similarity "The new movie is awesome" "The new movie is so great"
 * java -jar benchmarks/target/semcache-bench.jar similarity --help
 * }</pre>
 *
 * <p>Exit codes: 0 on success, 1 when a command fails (the message goes to stderr, the stack trace too with
 * {@code --verbose}), 2 for a usage error such as an unknown option or a bad {@code --model}.
 *
 * @since 0.1.0
 */
@Command(
        name = "semcache-bench",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        versionProvider = SemcacheBench.Version.class,
        description = "Measures semcache on real models and workloads.",
        subcommands = {
            SimilarityCommand.class,
            PairsCommand.class,
            ReplayCommand.class,
            HitPathCommand.class,
            StatsCommand.class,
            LoadCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SemcacheBench implements Runnable {

    /** The exit code of a command that failed while running. */
    public static final int EXIT_FAILURE = 1;

    /** The exit code of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * Creates the {@code semcache-bench} command line with its error handling: a one-line message on stderr, the
     * stack trace only with {@code --verbose}.
     *
     * @return a new command line, ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new SemcacheBench());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + describe(exception));
            if (isVerbose(parseResult)) {
                exception.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + describe(exception));
            if (isVerbose(command.getParseResult())) {
                exception.printStackTrace(err);
            }
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return EXIT_USAGE;
        });
        return commandLine;
    }

    /**
     * Reports that a subcommand is missing.
     *
     * @throws CommandLine.ParameterException always
     */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    private static boolean isVerbose(@Nullable ParseResult parseResult) {
        // --verbose is inherited: it may be given before or after the subcommand's name.
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getName() : message;
    }

    /** Reports the version of the semcache build the command belongs to. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SemcacheBench.class.getPackage().getImplementationVersion();
            return new String[] {"semcache-bench " + (version == null ? "(development build)" : version)};
        }
    }
}
