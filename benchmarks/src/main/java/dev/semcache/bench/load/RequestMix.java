package dev.semcache.bench.load;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.report.Json;
import java.util.List;
import java.util.Random;

/**
 * The chat completions bodies of a load run: with probability {@code hitRatio} one of a fixed set of questions the
 * run primes into the cache first (an exact-path hit), otherwise a new prompt of random words that no earlier prompt
 * resembles (a miss that goes through the whole semantic path, then upstream, then is stored). The service's
 * {@code X-Cache} header, not this intent, decides how a response is counted.
 *
 * <p>Thread-safe when each worker uses its own {@link Random}.
 *
 * @since 0.1.0
 */
public final class RequestMix {

    /** The questions primed into the cache, asked again for hits. */
    public static final List<String> HIT_PROMPTS = List.of(
            "How do I reset my password?",
            "What is the capital of France?",
            "How can I cancel my subscription?",
            "Why is the sky blue?",
            "What does HTTP status code 404 mean?",
            "How do I export my data as CSV?",
            "Explain the difference between a process and a thread.",
            "What are the advantages of remote work?",
            "Write a short poem about the sea.",
            "How do I merge two dictionaries in Python?",
            "Translate 'good morning' into Spanish.",
            "What foods should I avoid with high blood pressure?",
            "Explain recursion to a five-year-old.",
            "How many days are there in a leap year?",
            "Recommend a laptop for programming.",
            "Draft a polite email asking for a day off on Friday.");

    private static final String[] WORDS =
            ("apple river quantum violin glacier tax falcon opera copper lantern maple orbit harbor cactus"
                            + " sonnet tunnel velvet comet bakery pixel meadow anchor saffron turbine ledger canyon"
                            + " walnut prism fjord jazz lemon magnet nectar oyster pepper quartz rocket sandal tulip"
                            + " umbrella vortex whistle yogurt zebra alpine bamboo crystal dune ember fossil granite"
                            + " hammock island jungle kettle lagoon marble nomad olive paddle quiver radar summit"
                            + " thistle utopia valley willow xenon yacht zenith bicycle chimney dolphin engine feather")
                    .split(" ");

    private final String model;
    private final double hitRatio;
    private final String runId;

    /**
     * Creates a mix.
     *
     * @param model the model the requests name
     * @param hitRatio the share of requests that repeat a primed question, in [0, 1]
     * @param runId a token that makes this run's miss prompts unlike any earlier run's
     * @throws IllegalArgumentException if the ratio is outside [0, 1]
     */
    public RequestMix(String model, double hitRatio, String runId) {
        this.model = requireNonNull(model, "model");
        if (!(hitRatio >= 0 && hitRatio <= 1)) {
            throw new IllegalArgumentException("hitRatio must be in [0, 1], was " + hitRatio);
        }
        this.hitRatio = hitRatio;
        this.runId = requireNonNull(runId, "runId");
    }

    /**
     * Returns the next body.
     *
     * @param random the worker's generator
     * @param sequence the request's number in the run, for uniqueness
     * @param stream whether to ask for a stream
     * @return the JSON body
     */
    public String next(Random random, long sequence, boolean stream) {
        String prompt = random.nextDouble() < hitRatio
                ? HIT_PROMPTS.get(random.nextInt(HIT_PROMPTS.size()))
                : missPrompt(random, sequence);
        return body(prompt, stream);
    }

    /**
     * Returns the body asking one prompt.
     *
     * @param prompt the user message
     * @param stream whether to ask for a stream
     * @return the JSON body
     */
    public String body(String prompt, boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return Json.line(body);
    }

    private String missPrompt(Random random, long sequence) {
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            prompt.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return prompt.append(runId).append('-').append(sequence).append('?').toString();
    }
}
