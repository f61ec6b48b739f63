package dev.semcache.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.semcache.SemcacheException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TextEmbedder} that runs a BERT-style sentence-embedding model locally with ONNX Runtime, tokenising with the
 * Hugging Face tokenizer of the same model (through DJL's bindings to the Rust {@code tokenizers} library).
 *
 * <p>Each text is tokenised (truncated to {@link #maxLength()} word pieces, special tokens included), run through the
 * model, pooled ({@link Pooling#MEAN} over the attention mask, or {@link Pooling#CLS}) and L2-normalised, so the dot
 * product of two vectors is their cosine similarity. Batches are padded to their longest text with an attention mask;
 * padding does not change any vector (beyond floating-point noise, well under {@code 1e-5}).
 *
 * <pre>{@code
 * try (OnnxTextEmbedder embedder = OnnxTextEmbedder.bundled(BundledModel.ALL_MINILM_L6_V2)) {
 *     float[] a = embedder.embed("The new movie is awesome");
 *     float[] b = embedder.embed("The new movie is so great");
 *     // dot(a, b) = 0.8939, the value the sentence-transformers documentation gives
 * }
 *
 * OnnxTextEmbedder custom = OnnxTextEmbedder.builder()
 *         .customModel(Path.of("model.onnx"), Path.of("tokenizer.json"))
 *         .modelId("my-model")
 *         .pooling(Pooling.CLS)
 *         .maxLength(512)
 *         .build();
 * }</pre>
 *
 * <p><b>Thread safety.</b> Instances are thread-safe: one instance serves every thread, and concurrent calls run in
 * parallel ({@code OrtSession.run} and the tokenizer's {@code encode} are safe to call concurrently). {@link #close()}
 * waits for calls in progress, then releases the ONNX Runtime session and the native tokenizer; later calls throw
 * {@link EmbeddingException}. The ONNX Runtime environment is the process-wide singleton
 * ({@link OrtEnvironment#getEnvironment()}), which ONNX Runtime releases at JVM exit; it is never closed here.
 *
 * <p><b>No network.</b> Bundled models load from the classpath and custom models from files. DJL's tokenizer loader
 * would otherwise query the EC2 metadata endpoint for its telemetry; unless the {@code OPT_OUT_TRACKING} environment
 * variable or system property is already set, loading an embedder sets the system property to {@code true}.
 *
 * @since 0.1.0
 */
public final class OnnxTextEmbedder implements TextEmbedder {

    /** The number of texts {@link #embedAll(List)} sends to the model in one inference call unless configured. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** The maximum input length of a custom model unless configured, in tokens (the BERT family's limit). */
    public static final int DEFAULT_CUSTOM_MAX_LENGTH = 512;

    /** The smallest accepted maximum input length: two special tokens and one word piece. */
    public static final int MIN_MAX_LENGTH = 3;

    /** The largest accepted maximum input length, in tokens. */
    public static final int MAX_MAX_LENGTH = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEmbedder.class);

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final List<String> PREFERRED_OUTPUTS = List.of("last_hidden_state", "token_embeddings");
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final String TELEMETRY_OPT_OUT = "OPT_OUT_TRACKING";

    private final String modelId;
    private final Pooling pooling;
    private final int maxLength;
    private final String queryPrefix;
    private final int batchSize;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions sessionOptions;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean feedsTokenTypeIds;
    private final String outputName;
    private final int dimension;

    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    private OnnxTextEmbedder(
            Settings settings,
            OrtEnvironment environment,
            OrtSession.SessionOptions sessionOptions,
            OrtSession session,
            HuggingFaceTokenizer tokenizer)
            throws OrtException {
        this.modelId = settings.modelId;
        this.pooling = settings.pooling;
        this.maxLength = settings.maxLength;
        this.queryPrefix = settings.queryPrefix;
        this.batchSize = settings.batchSize;
        this.environment = environment;
        this.sessionOptions = sessionOptions;
        this.session = session;
        this.tokenizer = tokenizer;

        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new EmbeddingException("model " + modelId + " lacks the inputs " + INPUT_IDS + " and "
                    + ATTENTION_MASK + "; it has " + inputs);
        }
        Set<String> unknown = new TreeSet<>(inputs);
        unknown.removeAll(Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS));
        if (!unknown.isEmpty()) {
            throw new EmbeddingException("model " + modelId + " has inputs this embedder cannot feed: " + unknown);
        }
        // Some exports (DistilBERT, many quantised models) drop token_type_ids; feeding an undeclared input fails.
        this.feedsTokenTypeIds = inputs.contains(TOKEN_TYPE_IDS);
        this.outputName = tokenEmbeddingsOutput(modelId, session.getOutputInfo());

        long declared = ((TensorInfo) session.getOutputInfo().get(outputName).getInfo()).getShape()[2];
        // A dynamic hidden size (-1) is rare; one tiny inference reveals it.
        this.dimension = declared > 0 ? (int) declared : runHidden(List.of(tokenizer.encode("a"))).hiddenSize;
        if (settings.bundledModel != null && dimension != settings.bundledModel.dimension()) {
            throw new EmbeddingException("bundled model " + modelId + " produces " + dimension
                    + " dimensions, expected " + settings.bundledModel.dimension());
        }
    }

    /**
     * Loads a bundled model with its default settings (pooling, maximum length, no query prefix).
     *
     * <p>Loading takes about a second and a few hundred megabytes of native memory; share the instance.
     *
     * @param model the bundled model to load
     * @return a new embedder, to be closed by the caller
     * @throws EmbeddingException if the model's resources are missing from the classpath or cannot be loaded
     */
    public static OnnxTextEmbedder bundled(BundledModel model) {
        return builder().bundledModel(model).build();
    }

    /**
     * Returns a new builder, in which exactly one of {@link Builder#bundledModel(BundledModel)} and
     * {@link Builder#customModel(Path, Path)} must be called.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Embeds one text.
     *
     * <p>The query prefix, if one is configured, is prepended first. Text longer than {@link #maxLength()} word pieces
     * is truncated: the vector is the one of its first {@code maxLength - 2} word pieces.
     *
     * @param text the text to embed; must contain a non-whitespace character
     * @return a new vector of {@link #dimension()} floats with an L2 norm of 1
     * @throws EmbeddingException if the text is null, empty or blank, has no readable token, inference fails, or this
     *     embedder is closed
     */
    @Override
    public float[] embed(String text) {
        checkText(text, -1);
        return embedChecked(new String[] {text}, false).get(0);
    }

    /**
     * Embeds several texts, sending them to the model in batches of {@link #batchSize()}; each result equals what
     * {@link #embed(String)} returns for the same text within {@code 1e-5}.
     *
     * <p>Texts are grouped by token count before batching, so that little padding is computed.
     *
     * @param texts the texts to embed, in order; each must contain a non-whitespace character
     * @return an unmodifiable list with one new vector per text, in the same order; empty for no texts
     * @throws EmbeddingException if any text is null, empty or blank (the message names its index), has no readable
     *     token, inference fails, or this embedder is closed
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        String[] copy = new String[texts.size()];
        for (int i = 0; i < copy.length; i++) {
            String text = texts.get(i);
            checkText(text, i);
            copy[i] = text;
        }
        return embedChecked(copy, true);
    }

    /**
     * Returns the contextual vector of every token of a text, before pooling, for comparing two texts word piece by
     * word piece.
     *
     * <p>The query prefix is <em>not</em> applied, so that every token and offset belongs to the text itself. Long text
     * is truncated as in {@link #embed(String)} and reported by {@link TokenEmbeddings#truncated()}.
     *
     * @param text the text to tokenise and run; must contain a non-whitespace character
     * @return the tokens, their offsets into {@code text} and their last-hidden-state vectors
     * @throws EmbeddingException if the text is null, empty or blank, inference fails, or this embedder is closed
     */
    public TokenEmbeddings embedTokens(String text) {
        checkText(text, -1);
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Encoding encoding = encode(text, -1);
            Hidden hidden = runHidden(List.of(encoding));
            String[] pieces = encoding.getTokens();
            long[] attention = encoding.getAttentionMask();
            long[] special = encoding.getSpecialTokenMask();
            CharSpan[] spans = encoding.getCharTokenSpans();
            int[] charIndex = charIndexByCodePoint(text);
            List<TokenEmbeddings.Token> tokens = new ArrayList<>(pieces.length);
            for (int t = 0; t < pieces.length; t++) {
                if (attention[t] == 0) {
                    continue;
                }
                boolean isSpecial = special[t] != 0;
                CharSpan span = spans[t];
                int start = -1;
                int end = -1;
                // The tokenizer reports offsets in code points; String indices count UTF-16 chars (emoji take two).
                if (!isSpecial
                        && span != null
                        && span.getStart() <= span.getEnd()
                        && span.getEnd() < charIndex.length) {
                    start = charIndex[span.getStart()];
                    end = charIndex[span.getEnd()];
                }
                float[] vector = Arrays.copyOfRange(hidden.values, t * hidden.hiddenSize, (t + 1) * hidden.hiddenSize);
                tokens.add(new TokenEmbeddings.Token(pieces[t], start, end, isSpecial, vector));
            }
            return new TokenEmbeddings(modelId, text, hidden.hiddenSize, encoding.exceedMaxLength(), tokens);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Returns the number of floats in every vector, read from the model's output shape.
     *
     * @return the vector dimension, for example 384
     */
    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the model identifier given to the builder, or the bundled model's.
     *
     * @return the model identifier, for example {@code all-minilm-l6-v2}
     */
    @Override
    public String modelId() {
        return modelId;
    }

    /**
     * Returns the pooling in use.
     *
     * @return the pooling
     */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * Returns the number of word pieces, special tokens included, beyond which input is truncated.
     *
     * @return the maximum input length in tokens
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns the text prepended to every input of {@link #embed(String)} and {@link #embedAll(List)}, if any.
     *
     * @return the query prefix, or empty if none is configured
     */
    public Optional<String> queryPrefix() {
        return queryPrefix.isEmpty() ? Optional.empty() : Optional.of(queryPrefix);
    }

    /**
     * Returns the largest number of texts sent to the model in one inference call.
     *
     * @return the batch size, positive
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Releases the ONNX Runtime session and the native tokenizer, after waiting for calls in progress; later calls to
     * the embedding methods throw {@link EmbeddingException}. Closing twice has no further effect.
     *
     * @throws EmbeddingException if ONNX Runtime fails to release the session (the tokenizer is released regardless)
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            OrtException failure = null;
            try {
                session.close();
            } catch (OrtException e) {
                failure = e;
            }
            sessionOptions.close();
            tokenizer.close();
            if (failure != null) {
                throw new EmbeddingException("cannot release the ONNX Runtime session of " + modelId, failure);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Describes the model and its settings.
     *
     * @return a short description, for example {@code OnnxTextEmbedder[all-minilm-l6-v2, 384 dimensions, MEAN, max 256
     *     tokens]}
     */
    @Override
    public String toString() {
        return "OnnxTextEmbedder[" + modelId + ", " + dimension + " dimensions, " + pooling + ", max " + maxLength
                + " tokens" + (queryPrefix.isEmpty() ? "" : ", query prefix") + "]";
    }

    private List<float[]> embedChecked(String[] texts, boolean indexed) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            int count = texts.length;
            Encoding[] encodings = new Encoding[count];
            for (int i = 0; i < count; i++) {
                encodings[i] = encode(queryPrefix + texts[i], indexed ? i : -1);
            }
            // Batching texts of similar length keeps the padding, computed and thrown away, small.
            int[] order = IntStream.range(0, count)
                    .boxed()
                    .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
                    .mapToInt(Integer::intValue)
                    .toArray();
            float[][] vectors = new float[count][];
            for (int from = 0; from < count; from += batchSize) {
                int to = Math.min(count, from + batchSize);
                List<Encoding> chunk = new ArrayList<>(to - from);
                for (int k = from; k < to; k++) {
                    chunk.add(encodings[order[k]]);
                }
                Hidden hidden = runHidden(chunk);
                for (int row = 0; row < chunk.size(); row++) {
                    vectors[order[from + row]] = pool(hidden, row, chunk.get(row));
                }
            }
            return List.of(vectors);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new EmbeddingException("embedder " + modelId + " is closed");
        }
    }

    private Encoding encode(String text, int index) {
        Encoding encoding;
        try {
            encoding = tokenizer.encode(text);
        } catch (RuntimeException e) {
            throw new EmbeddingException(modelId + ": cannot tokenise " + describe(index) + ": " + e.getMessage(), e);
        }
        boolean readable = false;
        for (long special : encoding.getSpecialTokenMask()) {
            readable |= special == 0;
        }
        if (!readable) {
            throw new EmbeddingException(modelId + ": cannot embed " + describe(index)
                    + ": no token is left after the tokenizer's normalisation (control or format characters only)");
        }
        return encoding;
    }

    private Hidden runHidden(List<Encoding> encodings) {
        int batch = encodings.size();
        int sequence = 0;
        for (Encoding encoding : encodings) {
            sequence = Math.max(sequence, encoding.getIds().length);
        }
        long[] ids = new long[batch * sequence];
        long[] mask = new long[batch * sequence];
        long[] types = feedsTokenTypeIds ? new long[batch * sequence] : null;
        for (int row = 0; row < batch; row++) {
            Encoding encoding = encodings.get(row);
            int length = encoding.getIds().length;
            // Padding positions keep id 0 and mask 0, so attention and mean pooling ignore them.
            System.arraycopy(encoding.getIds(), 0, ids, row * sequence, length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * sequence, length);
            if (types != null) {
                System.arraycopy(encoding.getTypeIds(), 0, types, row * sequence, length);
            }
        }
        long[] shape = {batch, sequence};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor =
                        types == null ? null : OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put(INPUT_IDS, idsTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (typesTensor != null) {
                inputs.put(TOKEN_TYPE_IDS, typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName))) {
                OnnxValue value = result.get(outputName)
                        .orElseThrow(() -> new EmbeddingException(modelId + ": output " + outputName + " is missing"));
                long[] outputShape = ((OnnxTensor) value).getInfo().getShape();
                if (outputShape.length != 3 || outputShape[0] != batch || outputShape[1] != sequence) {
                    throw new EmbeddingException(modelId + ": output " + outputName + " has shape "
                            + Arrays.toString(outputShape) + ", expected [" + batch + ", " + sequence + ", hidden]");
                }
                FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new Hidden(values, sequence, (int) outputShape[2]);
            }
        } catch (OrtException e) {
            throw new EmbeddingException(modelId + ": inference failed: " + e.getMessage(), e);
        }
    }

    private float[] pool(Hidden hidden, int row, Encoding encoding) {
        int size = hidden.hiddenSize;
        int rowStart = row * hidden.sequenceLength * size;
        double[] sum = new double[size];
        if (pooling == Pooling.CLS) {
            for (int k = 0; k < size; k++) {
                sum[k] = hidden.values[rowStart + k];
            }
        } else {
            long[] attention = encoding.getAttentionMask();
            int attended = 0;
            for (int t = 0; t < attention.length; t++) {
                if (attention[t] != 0) {
                    attended++;
                    int offset = rowStart + t * size;
                    for (int k = 0; k < size; k++) {
                        sum[k] += hidden.values[offset + k];
                    }
                }
            }
            // attended >= 1: encode() rejected texts without a readable token, and [CLS] is attended anyway.
            for (int k = 0; k < size; k++) {
                sum[k] /= attended;
            }
        }
        return normalise(sum);
    }

    private float[] normalise(double[] vector) {
        double squares = 0;
        for (double v : vector) {
            squares += v * v;
        }
        double norm = Math.sqrt(squares);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new EmbeddingException(modelId + ": the model produced a vector of norm " + norm);
        }
        float[] unit = new float[vector.length];
        for (int k = 0; k < vector.length; k++) {
            unit[k] = (float) (vector[k] / norm);
        }
        return unit;
    }

    private static void checkText(@Nullable String text, int index) {
        if (text == null) {
            throw new EmbeddingException("cannot embed " + describe(index) + ": it is null");
        }
        if (text.isEmpty()) {
            throw new EmbeddingException("cannot embed " + describe(index) + ": it is empty");
        }
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new EmbeddingException("cannot embed " + describe(index) + ": it is blank (whitespace only)");
        }
    }

    private static String describe(int index) {
        return index < 0 ? "the text" : "texts[" + index + "]";
    }

    /** Maps each code point index of {@code text}, and the end, to its {@code char} index. */
    private static int[] charIndexByCodePoint(String text) {
        int[] index = new int[text.codePointCount(0, text.length()) + 1];
        int chars = 0;
        for (int cp = 0; cp < index.length - 1; cp++) {
            index[cp] = chars;
            chars += Character.charCount(text.codePointAt(chars));
        }
        index[index.length - 1] = chars;
        return index;
    }

    private static String tokenEmbeddingsOutput(String modelId, Map<String, NodeInfo> outputs) {
        for (String preferred : PREFERRED_OUTPUTS) {
            if (outputs.containsKey(preferred) && isTokenEmbeddings(outputs.get(preferred))) {
                return preferred;
            }
        }
        // Exports without the usual name (output_0 in the bundled MiniLM) still put the hidden state first.
        for (Map.Entry<String, NodeInfo> output : outputs.entrySet()) {
            if (isTokenEmbeddings(output.getValue())) {
                return output.getKey();
            }
        }
        throw new EmbeddingException("model " + modelId
                + " has no output of shape [batch, sequence, hidden] and type float (token embeddings); its outputs are "
                + outputs.keySet());
    }

    private static boolean isTokenEmbeddings(NodeInfo info) {
        return info.getInfo() instanceof TensorInfo tensor
                && tensor.type == OnnxJavaType.FLOAT
                && tensor.getShape().length == 3;
    }

    private static OnnxTextEmbedder load(Settings settings) {
        optOutOfDjlTelemetry();
        long started = System.nanoTime();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        HuggingFaceTokenizer tokenizer = null;
        boolean loaded = false;
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (settings.intraOpThreads > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads);
            }
            Map<String, String> tokenizerOptions = Map.of(
                    "addSpecialTokens", "true",
                    "withOverflowingTokens", "false",
                    "truncation", "true",
                    // tokenizer.json may ask for fixed padding (MiniLM's pads to 128): pad per batch instead.
                    "padding", "false",
                    "maxLength", Integer.toString(settings.maxLength),
                    // DJL caps maxLength at modelMaxLength (512 unless given).
                    "modelMaxLength", Integer.toString(settings.maxLength));
            BundledModel bundled = settings.bundledModel;
            if (bundled != null) {
                session = environment.createSession(readResource(bundled.modelResource()), options);
                try (InputStream json = openResource(bundled.tokenizerResource())) {
                    tokenizer = HuggingFaceTokenizer.newInstance(json, tokenizerOptions);
                }
            } else {
                session = environment.createSession(String.valueOf(settings.modelFile), options);
                tokenizer = HuggingFaceTokenizer.newInstance(settings.tokenizerFile, tokenizerOptions);
            }
            OnnxTextEmbedder embedder = new OnnxTextEmbedder(settings, environment, options, session, tokenizer);
            loaded = true;
            LOG.debug(
                    "Loaded {} from {} in {} ms",
                    embedder,
                    settings.source(),
                    (System.nanoTime() - started) / 1_000_000);
            return embedder;
        } catch (OrtException | IOException e) {
            throw new EmbeddingException(
                    "cannot load model " + settings.modelId + " from " + settings.source() + ": " + e.getMessage(), e);
        } catch (SemcacheException e) {
            throw e;
        } catch (RuntimeException e) {
            // DJL reports a malformed tokenizer.json or a missing native library as a plain RuntimeException.
            throw new EmbeddingException(
                    "cannot load model " + settings.modelId + " from " + settings.source() + ": " + e.getMessage(), e);
        } finally {
            if (!loaded) {
                releaseQuietly(session, options, tokenizer);
            }
        }
    }

    private static void releaseQuietly(
            @Nullable OrtSession session, OrtSession.SessionOptions options, @Nullable HuggingFaceTokenizer tokenizer) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.debug("Cannot release a session that failed to load", e);
            }
        }
        options.close();
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    private static void optOutOfDjlTelemetry() {
        // HuggingFaceTokenizer.newInstance calls Ec2Utils.callHome, which probes 169.254.169.254 with 1 s timeouts.
        if (System.getenv(TELEMETRY_OPT_OUT) == null && System.getProperty(TELEMETRY_OPT_OUT) == null) {
            System.setProperty(TELEMETRY_OPT_OUT, "true");
        }
    }

    private static InputStream openResource(String name) {
        InputStream in = OnnxTextEmbedder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new EmbeddingException("classpath resource " + name
                    + " not found; the bundled models need the dev.langchain4j:langchain4j-embeddings-* artifacts");
        }
        return in;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = openResource(name)) {
            return in.readAllBytes();
        }
    }

    /** The last hidden state of a batch, flattened row-major as [batch, sequenceLength, hiddenSize]. */
    private record Hidden(float[] values, int sequenceLength, int hiddenSize) {}

    /** The validated, defaulted settings a builder hands to {@link #load(Settings)}. */
    private record Settings(
            @Nullable BundledModel bundledModel,
            @Nullable Path modelFile,
            @Nullable Path tokenizerFile,
            String modelId,
            Pooling pooling,
            int maxLength,
            String queryPrefix,
            int intraOpThreads,
            int batchSize) {

        String source() {
            return bundledModel != null
                    ? "classpath:" + bundledModel.modelResource()
                    : modelFile + " and " + tokenizerFile;
        }
    }

    /**
     * Configures and loads an {@link OnnxTextEmbedder}; obtained from {@link OnnxTextEmbedder#builder()}.
     *
     * <p>Each setter validates its value at once: a bad value throws {@link IllegalArgumentException}, setting the
     * same thing twice (or both a bundled and a custom model) throws {@link IllegalStateException}; both messages name
     * the setting. Settings left unset take the bundled model's values, or for a custom model {@link Pooling#MEAN} and
     * {@link #DEFAULT_CUSTOM_MAX_LENGTH}. A builder is not thread-safe; it may build several embedders.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private @Nullable BundledModel bundledModel;
        private @Nullable Path modelFile;
        private @Nullable Path tokenizerFile;
        private @Nullable String modelId;
        private @Nullable Pooling pooling;
        private int maxLength;
        private @Nullable String queryPrefix;
        private int intraOpThreads;
        private int batchSize;

        private Builder() {}

        /**
         * Uses a model bundled on the classpath, with its pooling, maximum length and identifier as defaults.
         *
         * @param model the bundled model
         * @return this builder
         * @throws IllegalArgumentException if the model is null
         * @throws IllegalStateException if a model was already chosen
         */
        public Builder bundledModel(BundledModel model) {
            requireArgument(model != null, "bundledModel must not be null");
            checkNoModelYet("bundledModel");
            this.bundledModel = model;
            return this;
        }

        /**
         * Uses an ONNX model file and its Hugging Face {@code tokenizer.json}.
         *
         * <p>The model must take {@code input_ids} and {@code attention_mask} (and optionally {@code token_type_ids})
         * of type int64 and return the token embeddings as a float tensor [batch, sequence, hidden], named
         * {@code last_hidden_state} or first among its outputs. A {@link #modelId(String)} is required.
         *
         * @param modelFile the {@code .onnx} file
         * @param tokenizerFile the {@code tokenizer.json} file of the same model
         * @return this builder
         * @throws IllegalArgumentException if either file is null, missing or unreadable
         * @throws IllegalStateException if a model was already chosen
         */
        public Builder customModel(Path modelFile, Path tokenizerFile) {
            requireArgument(modelFile != null, "customModel: modelFile must not be null");
            requireArgument(tokenizerFile != null, "customModel: tokenizerFile must not be null");
            requireArgument(
                    Files.isRegularFile(modelFile) && Files.isReadable(modelFile),
                    "customModel: model file " + modelFile + " does not exist or is not a readable file");
            requireArgument(
                    Files.isRegularFile(tokenizerFile) && Files.isReadable(tokenizerFile),
                    "customModel: tokenizer file " + tokenizerFile + " does not exist or is not a readable file");
            checkNoModelYet("customModel");
            this.modelFile = modelFile;
            this.tokenizerFile = tokenizerFile;
            return this;
        }

        /**
         * Sets the model identifier reported by {@link OnnxTextEmbedder#modelId()} and used in index and key names;
         * required for a custom model.
         *
         * @param modelId lower case letters, digits, {@code .}, {@code -} and {@code _}, starting with a letter or
         *     digit, at most 100 characters
         * @return this builder
         * @throws IllegalArgumentException if the identifier is null or malformed
         * @throws IllegalStateException if the identifier was already set
         */
        public Builder modelId(String modelId) {
            requireArgument(
                    modelId != null && MODEL_ID.matcher(modelId).matches(),
                    "modelId must be 1 to 100 lower case letters, digits, '.', '-' or '_', starting with a letter or"
                            + " digit; was " + quote(modelId));
            checkUnset(this.modelId == null, "modelId", this.modelId);
            this.modelId = modelId;
            return this;
        }

        /**
         * Sets the pooling; defaults to the bundled model's, or {@link Pooling#MEAN} for a custom model.
         *
         * @param pooling the pooling the model was trained with
         * @return this builder
         * @throws IllegalArgumentException if the pooling is null
         * @throws IllegalStateException if the pooling was already set
         */
        public Builder pooling(Pooling pooling) {
            requireArgument(pooling != null, "pooling must not be null");
            checkUnset(this.pooling == null, "pooling", this.pooling);
            this.pooling = pooling;
            return this;
        }

        /**
         * Sets the number of word pieces, special tokens included, beyond which input is truncated; defaults to the
         * bundled model's maximum, or {@link #DEFAULT_CUSTOM_MAX_LENGTH} for a custom model.
         *
         * @param maxLength the maximum input length in tokens, from {@link #MIN_MAX_LENGTH} to {@link #MAX_MAX_LENGTH}
         *     and, for a bundled model, at most its {@link BundledModel#maxLength()} (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if the length is out of range
         * @throws IllegalStateException if the length was already set
         */
        public Builder maxLength(int maxLength) {
            requireArgument(
                    maxLength >= MIN_MAX_LENGTH && maxLength <= MAX_MAX_LENGTH,
                    "maxLength must be between " + MIN_MAX_LENGTH + " and " + MAX_MAX_LENGTH + ", was " + maxLength);
            checkUnset(this.maxLength == 0, "maxLength", this.maxLength);
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Sets a text prepended to every input of {@link OnnxTextEmbedder#embed(String)} and
         * {@link OnnxTextEmbedder#embedAll(List)} before tokenising; none by default.
         *
         * <p>Apply it to all texts or none: a prefixed vector is only comparable with other prefixed vectors. See
         * {@link BundledModel#BGE_SMALL_EN_V1_5} for why semcache leaves it off.
         *
         * @param queryPrefix the prefix, for example {@code "Represent this sentence for searching relevant passages: "}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is null or blank
         * @throws IllegalStateException if the prefix was already set
         */
        public Builder queryPrefix(String queryPrefix) {
            requireArgument(queryPrefix != null && !queryPrefix.isBlank(), "queryPrefix must not be null or blank");
            checkUnset(this.queryPrefix == null, "queryPrefix", this.queryPrefix);
            this.queryPrefix = queryPrefix;
            return this;
        }

        /**
         * Sets the number of threads ONNX Runtime uses inside one inference call; by default ONNX Runtime chooses (one
         * per physical core).
         *
         * @param threads the intra-op thread count, positive
         * @return this builder
         * @throws IllegalArgumentException if the count is not positive
         * @throws IllegalStateException if the count was already set
         */
        public Builder intraOpThreads(int threads) {
            requireArgument(threads > 0, "intraOpThreads must be positive, was " + threads);
            checkUnset(this.intraOpThreads == 0, "intraOpThreads", this.intraOpThreads);
            this.intraOpThreads = threads;
            return this;
        }

        /**
         * Sets the largest number of texts sent to the model in one inference call by
         * {@link OnnxTextEmbedder#embedAll(List)}; defaults to {@link #DEFAULT_BATCH_SIZE}.
         *
         * @param batchSize the batch size, from 1 to 4096
         * @return this builder
         * @throws IllegalArgumentException if the size is out of range
         * @throws IllegalStateException if the size was already set
         */
        public Builder batchSize(int batchSize) {
            requireArgument(
                    batchSize > 0 && batchSize <= 4096, "batchSize must be between 1 and 4096, was " + batchSize);
            checkUnset(this.batchSize == 0, "batchSize", this.batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Loads the model and its tokenizer and returns a ready embedder.
         *
         * @return a new embedder, to be closed by the caller
         * @throws IllegalStateException if no model was chosen, or a custom model has no {@link #modelId(String)}
         * @throws IllegalArgumentException if {@link #maxLength(int)} exceeds the bundled model's maximum
         * @throws EmbeddingException if the model or tokenizer cannot be loaded or does not fit this embedder
         */
        public OnnxTextEmbedder build() {
            BundledModel bundled = bundledModel;
            if (bundled == null && modelFile == null) {
                throw new IllegalStateException("no model: call bundledModel(...) or customModel(...)");
            }
            String id = modelId != null ? modelId : bundled != null ? bundled.modelId() : null;
            if (id == null) {
                throw new IllegalStateException("modelId is required for a custom model");
            }
            int length = maxLength > 0 ? maxLength : bundled != null ? bundled.maxLength() : DEFAULT_CUSTOM_MAX_LENGTH;
            if (bundled != null && length > bundled.maxLength()) {
                throw new IllegalArgumentException("maxLength " + length + " exceeds the maximum input of "
                        + bundled.modelId() + " (" + bundled.maxLength() + " tokens)");
            }
            Pooling pool = pooling != null ? pooling : bundled != null ? bundled.pooling() : Pooling.MEAN;
            return load(new Settings(
                    bundled,
                    modelFile,
                    tokenizerFile,
                    id,
                    pool,
                    length,
                    queryPrefix == null ? "" : queryPrefix,
                    intraOpThreads,
                    batchSize > 0 ? batchSize : DEFAULT_BATCH_SIZE));
        }

        private void checkNoModelYet(String setting) {
            if (bundledModel != null || modelFile != null) {
                throw new IllegalStateException(setting + ": a model was already chosen ("
                        + (bundledModel != null ? bundledModel.modelId() : modelFile) + ")");
            }
        }

        private static void checkUnset(boolean unset, String setting, @Nullable Object current) {
            if (!unset) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        private static void requireArgument(boolean valid, String message) {
            if (!valid) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String quote(@Nullable String value) {
            return value == null ? "null" : "'" + value + "'";
        }
    }
}
