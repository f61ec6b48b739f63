package dev.semcache.bench;

import dev.semcache.embeddings.BundledModel;
import dev.semcache.embeddings.OnnxTextEmbedder;
import dev.semcache.embeddings.Pooling;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that choose an embedding model ({@code --model}, {@code --pooling}, {@code --max-length}), shared by
 * the subcommands that embed text.
 *
 * <p>{@code --model} takes a bundled model's identifier or the path of a directory holding {@code model.onnx} and
 * {@code tokenizer.json} (as exported by Hugging Face Optimum, for example); a custom model's identifier is its
 * directory name.
 *
 * @since 0.1.0
 */
public final class ModelOptions {

    /** The file name of a custom model's ONNX graph inside its directory. */
    public static final String MODEL_FILE = "model.onnx";

    /** The file name of a custom model's Hugging Face tokenizer inside its directory. */
    public static final String TOKENIZER_FILE = "tokenizer.json";

    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandSpec command;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = "bge-small-en-v1.5",
            description = {
                "A bundled model (all-minilm-l6-v2, bge-small-en-v1.5) or a directory containing " + MODEL_FILE
                        + " and " + TOKENIZER_FILE + ".",
                "Default: ${DEFAULT-VALUE}."
            })
    private String model = "bge-small-en-v1.5";

    @Option(
            names = "--pooling",
            paramLabel = "mean|cls",
            description = "How token vectors become one vector. Default: the bundled model's, mean for a directory.")
    private @Nullable Pooling pooling;

    @Option(
            names = "--max-length",
            paramLabel = "TOKENS",
            description = "Word pieces read before truncating. Default: the bundled model's maximum, 512 for a"
                    + " directory.")
    private @Nullable Integer maxLength;

    /**
     * Loads the chosen model.
     *
     * @return a new embedder, to be closed by the caller
     * @throws CommandLine.ParameterException if {@code --model} names neither a bundled model nor a model directory,
     *     or another option has a value the model does not accept
     * @throws dev.semcache.embeddings.EmbeddingException if the model cannot be loaded
     */
    public OnnxTextEmbedder open() {
        OnnxTextEmbedder.Builder builder = OnnxTextEmbedder.builder();
        Optional<BundledModel> bundled = BundledModel.fromModelId(model);
        try {
            if (bundled.isPresent()) {
                builder.bundledModel(bundled.get());
            } else {
                Path directory = modelDirectory();
                builder.customModel(directory.resolve(MODEL_FILE), directory.resolve(TOKENIZER_FILE))
                        .modelId(modelIdOf(directory));
            }
            if (pooling != null) {
                builder.pooling(pooling);
            }
            if (maxLength != null) {
                builder.maxLength(maxLength);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), String.valueOf(e.getMessage()), e);
        }
    }

    private Path modelDirectory() {
        Path directory;
        try {
            directory = Path.of(model);
        } catch (InvalidPathException e) {
            throw notAModel();
        }
        if (!Files.isDirectory(directory)) {
            throw notAModel();
        }
        for (String file : new String[] {MODEL_FILE, TOKENIZER_FILE}) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new CommandLine.ParameterException(
                        command.commandLine(), "--model: directory " + directory + " has no " + file);
            }
        }
        return directory;
    }

    private CommandLine.ParameterException notAModel() {
        String bundled =
                Arrays.stream(BundledModel.values()).map(BundledModel::modelId).collect(Collectors.joining(", "));
        return new CommandLine.ParameterException(
                command.commandLine(),
                "--model: '" + model + "' is neither a bundled model (" + bundled + ") nor a directory containing "
                        + MODEL_FILE + " and " + TOKENIZER_FILE);
    }

    private static String modelIdOf(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        String id = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        id = id.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (id.length() > 100) {
            id = id.substring(0, 100);
        }
        return id.isEmpty() ? "custom" : id;
    }
}
