package dev.semcache.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for the OpenAI chat completions API, the one stand-in the project's tests allow: it speaks
 * the wire format faithfully so that real clients (the official OpenAI Java SDK, LangChain4j) talk to it unchanged.
 *
 * <p>It listens on {@code 127.0.0.1} on a free port. {@code POST /v1/chat/completions} answers with a
 * {@code chat.completion} JSON object ({@code id}, {@code object}, {@code created}, {@code model}, {@code choices},
 * {@code usage}, {@code system_fingerprint}, {@code service_tier}), or, when the body has {@code "stream": true}, with
 * server-sent events: a role chunk, one content chunk per word, a finish chunk, a usage chunk when {@code
 * stream_options.include_usage} is set, and {@code data: [DONE]}. {@code GET /v1/models} lists two models. Requests
 * without a bearer token get 401, malformed
 * bodies 400, other paths 404, each with an OpenAI error body.
 *
 * <p>What it answers is scripted: {@link #answerWith(Function)} sets the default reply as a function of the request
 * (by default {@code "Answer to: <last user message>"}), {@link #enqueue(Reply)} queues one-off replies served first
 * (429 with {@code Retry-After}, 500, a slow answer, a stream cut midway). Every request is recorded for assertions.
 *
 * <pre>{@code
 * try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
 *     OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(upstream.baseUrl()).apiKey("test").build();
 *     upstream.enqueue(FakeOpenAiServer.Reply.tooManyRequests(1));
 *     ...
 *     assertThat(upstream.requestCount()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** The path of the chat completions endpoint. */
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    /** The path of the models list, answered with a fixed list, for pass-through tests. */
    public static final String MODELS = "/v1/models";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger chatRequests = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<RecordedRequest, Reply> responder = FakeOpenAiServer::defaultReply;
    private volatile @Nullable StreamPause streamPause;

    private FakeOpenAiServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port.
     *
     * @return the running server; close it when done
     */
    public static FakeOpenAiServer start() {
        return start(0);
    }

    /**
     * Starts a server on {@code 127.0.0.1} and the given port, for a process that must know the port in advance (a
     * service started with {@code UPSTREAM_URL} pointing at it).
     *
     * @param port the port, or 0 for a free one
     * @return the running server; close it when done
     */
    public static FakeOpenAiServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-openai");
                t.setDaemon(true);
                return t;
            });
            FakeOpenAiServer fake = new FakeOpenAiServer(server, threads);
            server.createContext("/", fake::handle);
            server.setExecutor(threads);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI server", e);
        }
    }

    /**
     * Returns the base URL clients are configured with, ending in {@code /v1}.
     *
     * @return for example {@code http://127.0.0.1:41234/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Returns the URI of the chat completions endpoint.
     *
     * @return the URI
     */
    public URI chatCompletionsUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CHAT_COMPLETIONS);
    }

    /**
     * Makes the next streamed answer stop after some chunks, flushed, until a latch opens (at most a minute): a test
     * can then check what a client has already received while the stream is still open.
     *
     * @param afterChunks how many chunks to send before pausing, positive
     * @param latch opened by the test to let the stream go on
     */
    public void pauseNextStream(int afterChunks, CountDownLatch latch) {
        streamPause = new StreamPause(afterChunks, requireNonNull(latch, "latch"));
    }

    private record StreamPause(int afterChunks, CountDownLatch latch) {}

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sets the default reply, computed from each chat completions request.
     *
     * @param responder the function from request to reply
     */
    public void answerWith(Function<RecordedRequest, Reply> responder) {
        this.responder = requireNonNull(responder, "responder");
    }

    /**
     * Queues one reply, served to the next chat completions request before the default.
     *
     * @param reply the reply
     */
    public void enqueue(Reply reply) {
        queued.add(requireNonNull(reply, "reply"));
    }

    /**
     * Returns how many chat completions requests arrived.
     *
     * @return the count
     */
    public int requestCount() {
        return chatRequests.get();
    }

    /**
     * Returns every request received, on any path, oldest first.
     *
     * @return an unmodifiable snapshot
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the last request received.
     *
     * @return the request
     * @throws IllegalStateException if none arrived
     */
    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets recorded requests, queued replies and the responder. */
    public void reset() {
        requests.clear();
        queued.clear();
        chatRequests.set(0);
        responder = FakeOpenAiServer::defaultReply;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------ handling

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Collections.unmodifiableMap(headers),
                    body);
            requests.add(request);
            if (request.method().equals("GET") && request.path().equals(MODELS)) {
                sendModels(exchange, request);
                return;
            }
            if (!request.path().equals(CHAT_COMPLETIONS)) {
                sendError(
                        exchange,
                        404,
                        "invalid_request_error",
                        "Invalid URL (" + request.method() + " " + request.path() + ")",
                        null,
                        Map.of());
                return;
            }
            if (!request.method().equals("POST")) {
                sendError(exchange, 405, "invalid_request_error", "Method not allowed", null, Map.of());
                return;
            }
            chatRequests.incrementAndGet();
            String auth = request.header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
                sendError(exchange, 401, "invalid_request_error", "You didn't provide an API key.", null, Map.of());
                return;
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                sendError(
                        exchange,
                        400,
                        "invalid_request_error",
                        "We could not parse the JSON body of your request.",
                        null,
                        Map.of());
                return;
            }
            if (json == null
                    || !json.isObject()
                    || !json.path("model").isTextual()
                    || !json.path("messages").isArray()) {
                sendError(
                        exchange, 400, "invalid_request_error", "'model' and 'messages' are required", null, Map.of());
                return;
            }
            Reply reply = queued.poll();
            if (reply == null) {
                reply = responder.apply(request);
            }
            reply.await();
            if (reply.status != 200) {
                Map<String, String> extra = reply.retryAfterSeconds == null
                        ? Map.of()
                        : Map.of("Retry-After", Integer.toString(reply.retryAfterSeconds));
                sendError(exchange, reply.status, reply.errorType, reply.errorMessage, reply.errorCode, extra);
                return;
            }
            if (json.path("stream").asBoolean(false)) {
                sendStream(exchange, json, reply);
            } else {
                sendJson(exchange, 200, completion(json, reply), Map.of());
            }
        }
    }

    private ObjectNode completion(JsonNode request, Reply reply) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-fake" + ids.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put(
                "model",
                reply.model != null ? reply.model : request.get("model").asText());
        ArrayNode choices = body.putArray("choices");
        int n = Math.max(1, request.path("n").asInt(1));
        for (int i = 0; i < n; i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (reply.content == null) {
                message.putNull("content");
            } else {
                message.put("content", reply.content);
            }
            if (reply.refusal == null) {
                message.putNull("refusal");
            } else {
                message.put("refusal", reply.refusal);
            }
            if (reply.toolCallsJson != null) {
                message.set("tool_calls", readJson(reply.toolCallsJson));
            }
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", reply.finishReason);
        }
        putUsage(body.putObject("usage"), request, reply);
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_fake");
        return body;
    }

    private void sendStream(HttpExchange exchange, JsonNode request, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("x-request-id", "req_fake" + ids.get());
        exchange.sendResponseHeaders(200, 0);
        String id = "chatcmpl-fake" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        String model = reply.model != null ? reply.model : request.get("model").asText();
        boolean includeUsage =
                request.path("stream_options").path("include_usage").asBoolean(false);
        List<ObjectNode> chunks = new ArrayList<>();

        ObjectNode role = chunk(id, created, model, includeUsage);
        ObjectNode roleDelta = choice(role).putObject("delta");
        roleDelta.put("role", "assistant");
        roleDelta.put("content", "");
        roleDelta.putNull("refusal");
        choice(role).putNull("logprobs");
        choice(role).putNull("finish_reason");
        chunks.add(role);
        if (reply.content != null) {
            for (String piece : pieces(reply.content)) {
                ObjectNode c = chunk(id, created, model, includeUsage);
                choice(c).putObject("delta").put("content", piece);
                choice(c).putNull("logprobs");
                choice(c).putNull("finish_reason");
                chunks.add(c);
            }
        }
        if (reply.toolCallsJson != null) {
            ArrayNode calls = (ArrayNode) readJson(reply.toolCallsJson);
            for (int i = 0; i < calls.size(); i++) {
                ((ObjectNode) calls.get(i)).put("index", i);
            }
            ObjectNode c = chunk(id, created, model, includeUsage);
            choice(c).putObject("delta").set("tool_calls", calls);
            choice(c).putNull("logprobs");
            choice(c).putNull("finish_reason");
            chunks.add(c);
        }
        ObjectNode finish = chunk(id, created, model, includeUsage);
        choice(finish).putObject("delta");
        choice(finish).putNull("logprobs");
        choice(finish).put("finish_reason", reply.finishReason);
        chunks.add(finish);
        if (includeUsage) {
            ObjectNode usage = MAPPER.createObjectNode();
            usage.put("id", id);
            usage.put("object", "chat.completion.chunk");
            usage.put("created", created);
            usage.put("model", model);
            usage.put("service_tier", "default");
            usage.put("system_fingerprint", "fp_fake");
            usage.putArray("choices");
            putUsage(usage.putObject("usage"), request, reply);
            chunks.add(usage);
        }

        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        for (ObjectNode chunk : chunks) {
            if (reply.cutAfterChunks != null && sent >= reply.cutAfterChunks) {
                // The connection ends without a finish reason or [DONE], as when an upstream drops mid-stream.
                out.close();
                return;
            }
            out.write(("data: " + MAPPER.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent++;
            StreamPause pause = streamPause;
            if (pause != null && sent == pause.afterChunks()) {
                streamPause = null;
                awaitQuietly(pause.latch());
            }
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    private ObjectNode chunk(String id, long created, String model, boolean includeUsage) {
        ObjectNode chunk = MAPPER.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", "fp_fake");
        chunk.putArray("choices").addObject().put("index", 0);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode choice(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0);
    }

    private static List<String> pieces(String content) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= content.length(); i++) {
            if (i == content.length() || content.charAt(i) == ' ') {
                pieces.add(content.substring(start, i));
                start = i;
            }
        }
        return pieces;
    }

    private void putUsage(ObjectNode usage, JsonNode request, Reply reply) {
        long prompt = reply.promptTokens != null ? reply.promptTokens : estimatePromptTokens(request);
        long completion = reply.completionTokens != null
                ? reply.completionTokens
                : (reply.content == null ? 1 : words(reply.content));
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
        promptDetails.put("cached_tokens", 0);
        promptDetails.put("audio_tokens", 0);
        ObjectNode completionDetails = usage.putObject("completion_tokens_details");
        completionDetails.put("reasoning_tokens", 0);
        completionDetails.put("audio_tokens", 0);
        completionDetails.put("accepted_prediction_tokens", 0);
        completionDetails.put("rejected_prediction_tokens", 0);
    }

    private static long estimatePromptTokens(JsonNode request) {
        long tokens = 0;
        for (JsonNode message : request.path("messages")) {
            tokens += 4 + words(message.path("content").asText(""));
        }
        return tokens + 3;
    }

    private static long words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private void sendError(
            HttpExchange exchange,
            int status,
            String type,
            String message,
            @Nullable String code,
            Map<String, String> extraHeaders)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        sendJson(exchange, status, body, extraHeaders);
    }

    private void sendModels(HttpExchange exchange, RecordedRequest request) throws IOException {
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
            sendError(exchange, 401, "invalid_request_error", "You didn't provide an API key.", null, Map.of());
            return;
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("object", "list");
        for (String id : List.of("gpt-4o-mini", "gpt-4o")) {
            ObjectNode model = body.withArray("data").addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", 1_700_000_000L);
            model.put("owned_by", "fake");
        }
        sendJson(exchange, 200, body, Map.of());
    }

    private void sendJson(HttpExchange exchange, int status, ObjectNode body, Map<String, String> extraHeaders)
            throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-request-id", "req_fake" + ids.get());
        exchange.getResponseHeaders().set("openai-processing-ms", "1");
        extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode readJson(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reply JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static Reply defaultReply(RecordedRequest request) {
        return Reply.text("Answer to: " + request.lastUserText());
    }

    // ------------------------------------------------------------------------------------------ types

    /**
     * One request as received.
     *
     * @param method the HTTP method
     * @param path the request path, such as {@code /v1/chat/completions}
     * @param headers the headers, names case-insensitive
     * @param body the body as text
     */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

        /**
         * Returns the first value of a header.
         *
         * @param name the header name, case-insensitive
         * @return the value, or {@code null} when absent
         */
        public @Nullable String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /**
         * Returns the body parsed as JSON.
         *
         * @return the JSON tree
         */
        public JsonNode json() {
            return readJson(body);
        }

        /**
         * Returns the {@code model} of a chat completions body.
         *
         * @return the model, or the empty string
         */
        public String model() {
            return json().path("model").asText("");
        }

        /**
         * Returns the text of the last user message of a chat completions body (text parts joined).
         *
         * @return the text, or the empty string
         */
        public String lastUserText() {
            String last = "";
            for (JsonNode message : json().path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    JsonNode content = message.path("content");
                    if (content.isArray()) {
                        StringBuilder text = new StringBuilder();
                        for (JsonNode part : content) {
                            text.append(part.path("text").asText(""));
                        }
                        last = text.toString();
                    } else {
                        last = content.asText("");
                    }
                }
            }
            return last;
        }

        /**
         * Returns the system messages' text of a chat completions body, joined with line feeds.
         *
         * @return the text, or the empty string
         */
        public String systemText() {
            StringBuilder text = new StringBuilder();
            for (JsonNode message : json().path("messages")) {
                String role = message.path("role").asText();
                if (role.equals("system") || role.equals("developer")) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(message.path("content").asText(""));
                }
            }
            return text.toString();
        }
    }

    /**
     * What the server answers to one request: a completion (JSON or stream), or an error status.
     *
     * <p>Immutable; the {@code with...} methods return modified copies.
     */
    public static final class Reply {
        final int status;
        final @Nullable String content;
        final String finishReason;
        final @Nullable String model;
        final @Nullable Long promptTokens;
        final @Nullable Long completionTokens;
        final @Nullable String toolCallsJson;
        final @Nullable String refusal;
        final @Nullable Integer retryAfterSeconds;
        final String errorType;
        final String errorMessage;
        final @Nullable String errorCode;
        final @Nullable Duration delay;
        final @Nullable CountDownLatch latch;
        final @Nullable Integer cutAfterChunks;

        private Reply(
                int status,
                @Nullable String content,
                String finishReason,
                @Nullable String model,
                @Nullable Long promptTokens,
                @Nullable Long completionTokens,
                @Nullable String toolCallsJson,
                @Nullable String refusal,
                @Nullable Integer retryAfterSeconds,
                String errorType,
                String errorMessage,
                @Nullable String errorCode,
                @Nullable Duration delay,
                @Nullable CountDownLatch latch,
                @Nullable Integer cutAfterChunks) {
            this.status = status;
            this.content = content;
            this.finishReason = finishReason;
            this.model = model;
            this.promptTokens = promptTokens;
            this.completionTokens = completionTokens;
            this.toolCallsJson = toolCallsJson;
            this.refusal = refusal;
            this.retryAfterSeconds = retryAfterSeconds;
            this.errorType = errorType;
            this.errorMessage = errorMessage;
            this.errorCode = errorCode;
            this.delay = delay;
            this.latch = latch;
            this.cutAfterChunks = cutAfterChunks;
        }

        /**
         * Returns a complete text answer ({@code finish_reason} {@code stop}); usage is estimated from word counts
         * unless set with {@link #withUsage(long, long)}.
         *
         * @param content the assistant's text
         * @return the reply
         */
        public static Reply text(String content) {
            return new Reply(
                    200,
                    requireNonNull(content, "content"),
                    "stop",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "",
                    "",
                    null,
                    null,
                    null,
                    null);
        }

        /**
         * Returns an answer that calls tools ({@code content} null, {@code finish_reason} {@code tool_calls}).
         *
         * @param toolCallsJson the {@code tool_calls} array
         * @return the reply
         */
        public static Reply toolCalls(String toolCallsJson) {
            readJson(toolCallsJson);
            return new Reply(
                    200,
                    null,
                    "tool_calls",
                    null,
                    null,
                    null,
                    toolCallsJson,
                    null,
                    null,
                    "",
                    "",
                    null,
                    null,
                    null,
                    null);
        }

        /**
         * Returns a refusal ({@code content} null, {@code refusal} set, {@code finish_reason} {@code stop}).
         *
         * @param refusal the refusal message
         * @return the reply
         */
        public static Reply refusal(String refusal) {
            return new Reply(
                    200,
                    null,
                    "stop",
                    null,
                    null,
                    null,
                    null,
                    requireNonNull(refusal, "refusal"),
                    null,
                    "",
                    "",
                    null,
                    null,
                    null,
                    null);
        }

        /**
         * Returns a 429 rate-limit error with a {@code Retry-After} header.
         *
         * @param retryAfterSeconds the header value in seconds
         * @return the reply
         */
        public static Reply tooManyRequests(int retryAfterSeconds) {
            return error(
                            429,
                            "requests",
                            "Rate limit reached for requests. Please try again in " + retryAfterSeconds + "s.",
                            "rate_limit_exceeded")
                    .withRetryAfter(retryAfterSeconds);
        }

        /**
         * Returns a 500 server error.
         *
         * @return the reply
         */
        public static Reply serverError() {
            return error(
                    500,
                    "server_error",
                    "The server had an error while processing your request. Sorry about" + " that!",
                    null);
        }

        /**
         * Returns an error with an OpenAI error body.
         *
         * @param status the HTTP status
         * @param type the error type, such as {@code invalid_request_error}
         * @param message the error message
         * @param code the error code, or {@code null}
         * @return the reply
         */
        public static Reply error(int status, String type, String message, @Nullable String code) {
            return new Reply(
                    status, null, "stop", null, null, null, null, null, null, type, message, code, null, null, null);
        }

        /**
         * Returns a copy with another finish reason, such as {@code length}.
         *
         * @param finishReason the finish reason
         * @return the copy
         */
        public Reply withFinishReason(String finishReason) {
            return new Reply(
                    status,
                    content,
                    requireNonNull(finishReason),
                    model,
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    latch,
                    cutAfterChunks);
        }

        /**
         * Returns a copy that reports another model than the request's.
         *
         * @param model the model, such as {@code gpt-4o-mini-2024-07-18}
         * @return the copy
         */
        public Reply withModel(String model) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    requireNonNull(model),
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    latch,
                    cutAfterChunks);
        }

        /**
         * Returns a copy with fixed token usage.
         *
         * @param prompt the prompt tokens
         * @param completion the completion tokens
         * @return the copy
         */
        public Reply withUsage(long prompt, long completion) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    model,
                    prompt,
                    completion,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    latch,
                    cutAfterChunks);
        }

        /**
         * Returns a copy with a {@code Retry-After} header.
         *
         * @param seconds the header value in seconds
         * @return the copy
         */
        public Reply withRetryAfter(int seconds) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    model,
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    seconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    latch,
                    cutAfterChunks);
        }

        /**
         * Returns a copy sent only after a delay, as a slow upstream would.
         *
         * @param delay how long to wait before answering
         * @return the copy
         */
        public Reply delayed(Duration delay) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    model,
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    requireNonNull(delay),
                    latch,
                    cutAfterChunks);
        }

        /**
         * Returns a copy sent only once the latch is released (or after a minute), to hold a request in flight.
         *
         * @param latch the latch the test counts down
         * @return the copy
         */
        public Reply heldUntil(CountDownLatch latch) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    model,
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    requireNonNull(latch),
                    cutAfterChunks);
        }

        /**
         * Returns a copy whose stream ends after the given number of events, without a finish reason or {@code
         * [DONE]}; a non-stream request gets the full answer.
         *
         * @param chunks how many {@code data:} events to send
         * @return the copy
         */
        public Reply cutAfter(int chunks) {
            return new Reply(
                    status,
                    content,
                    finishReason,
                    model,
                    promptTokens,
                    completionTokens,
                    toolCallsJson,
                    refusal,
                    retryAfterSeconds,
                    errorType,
                    errorMessage,
                    errorCode,
                    delay,
                    latch,
                    chunks);
        }

        void await() {
            if (delay != null) {
                CompletableFuture.runAsync(
                                () -> {}, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS))
                        .join();
            }
            if (latch != null) {
                try {
                    latch.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public String toString() {
            return "Reply[status=" + status + ", finishReason=" + finishReason.toLowerCase(Locale.ROOT) + "]";
        }
    }
}
