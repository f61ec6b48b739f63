package dev.semcache.bench.replay;

import static java.util.Objects.requireNonNull;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.client.ChatClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process LLM upstream for replays: it answers after a realistic delay, with token usage derived from the
 * text, and with an answer unique to the prompt so that a wrong cache hit can be told from a right one.
 *
 * <p><b>Latency.</b> Log-normal with a median of {@value #MEDIAN_MILLIS} ms and σ = {@value #SIGMA} (p90 ≈ 1.7 s,
 * p99 ≈ 3.2 s, in line with a hosted small model answering a few hundred tokens), multiplied by the latency scale
 * so that replays finish quickly; the delay is really slept, and drawn from a seeded generator.
 *
 * <p><b>Tokens.</b> Prompt tokens are about one per four characters of every message plus seven for the chat
 * framing, as OpenAI's tokenizer gives for English. Completion tokens are log-normal around 200 (σ 0.7, at most 1,500),
 * fixed per prompt by a hash of its text, so the same prompt always costs the same.
 *
 * <p><b>Answer.</b> {@code "Answer to: <last user message>"}: {@link #promptOf(String)} recovers the prompt an answer
 * was made for.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatedUpstream implements ChatClient {

    /** The median latency before scaling, in milliseconds. */
    public static final double MEDIAN_MILLIS = 800;

    /** The log-normal σ of the latency. */
    public static final double SIGMA = 0.6;

    /** What every answer starts with, followed by the prompt. */
    public static final String ANSWER_PREFIX = "Answer to: ";

    private final double latencyScale;
    private final Random random;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong sleptNanos = new AtomicLong();

    /**
     * Creates an upstream.
     *
     * @param latencyScale multiplies every delay: 1 for real time, 0.01 to replay a hundred times faster, 0 for none
     * @param seed the seed of the latency draws
     * @throws IllegalArgumentException if the scale is negative or above 10
     */
    public SimulatedUpstream(double latencyScale, long seed) {
        if (!(latencyScale >= 0 && latencyScale <= 10)) {
            throw new IllegalArgumentException("latencyScale must be in [0, 10], was " + latencyScale);
        }
        this.latencyScale = latencyScale;
        this.random = new Random(seed);
    }

    @Override
    public ChatAnswer complete(ChatRequest request) {
        requireNonNull(request, "request");
        List<ChatMessage> messages = request.messages();
        String prompt =
                messages.isEmpty() ? "" : messages.get(messages.size() - 1).text();
        long delay = nextDelayNanos();
        if (delay > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while simulating the upstream's latency", e);
            }
        }
        calls.incrementAndGet();
        sleptNanos.addAndGet(delay);
        return ChatAnswer.of(ANSWER_PREFIX + prompt, request.model(), promptTokens(messages), completionTokens(prompt));
    }

    /**
     * Returns the prompt an answer of this upstream was made for.
     *
     * @param content the answer's content
     * @return the prompt, or {@code null} when the content is not one of this upstream's answers
     */
    public static @org.jspecify.annotations.Nullable String promptOf(
            @org.jspecify.annotations.Nullable String content) {
        return content != null && content.startsWith(ANSWER_PREFIX) ? content.substring(ANSWER_PREFIX.length()) : null;
    }

    /**
     * Returns the prompt tokens a request costs: one per four characters of every message, at least one each, plus
     * seven.
     *
     * @param messages the request's messages
     * @return the token count
     */
    public static long promptTokens(List<ChatMessage> messages) {
        long tokens = 7;
        for (ChatMessage message : messages) {
            tokens += 4 + Math.max(1, Math.round(message.text().length() / 4.0));
        }
        return tokens;
    }

    /**
     * Returns the completion tokens of the answer to a prompt: log-normal around 200, fixed by the prompt's hash.
     *
     * @param prompt the prompt
     * @return the token count, 1 to 1,500
     */
    public static long completionTokens(String prompt) {
        SplittableRandom r = new SplittableRandom(hash(prompt));
        // Box-Muller from two uniforms of the prompt's own generator.
        double gaussian = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.max(1, Math.min(1500, Math.round(200 * Math.exp(0.7 * gaussian))));
    }

    /**
     * Returns how many requests were answered.
     *
     * @return the count
     */
    public long calls() {
        return calls.get();
    }

    /**
     * Returns the total delay slept, after scaling.
     *
     * @return nanoseconds
     */
    public long sleptNanos() {
        return sleptNanos.get();
    }

    private long nextDelayNanos() {
        double gaussian;
        synchronized (random) {
            gaussian = random.nextGaussian();
        }
        double millis = MEDIAN_MILLIS * Math.exp(SIGMA * gaussian) * latencyScale;
        return Math.round(millis * 1e6);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
