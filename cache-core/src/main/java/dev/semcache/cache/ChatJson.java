package dev.semcache.cache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts between the OpenAI chat completions wire format (JSON) and {@link ChatRequest} / {@link ChatAnswer}.
 *
 * <p>Parsing follows the format as OpenAI documents it: {@code stop} may be a string or an array; message
 * {@code content} may be a string, {@code null} or an array of parts, of which {@code text} (and {@code refusal})
 * parts are joined with a line feed while any other part type marks the message as not text-only; JSON {@code null}
 * for an optional parameter means absent. Parameters without a typed field land in {@link
 * ChatRequest#otherParams()}. Messages with fields this class does not model (the legacy {@code function_call}, audio
 * references) are marked as not text-only, so the cache bypasses them rather than confusing two different requests.
 *
 * <p>All methods are static and thread-safe.
 *
 * @see <a href="https://platform.openai.com/docs/api-reference/chat/create">OpenAI: create chat completion</a>
 * @since 0.1.0
 */
public final class ChatJson {
    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content", "name", "tool_call_id", "tool_calls");

    private ChatJson() {}

    /**
     * Parses a chat completions request body.
     *
     * @param json the request body
     * @return the request
     * @throws ChatFormatException if the body is not valid JSON or does not follow the format, naming the field
     */
    public static ChatRequest parseRequest(String json) {
        requireNonNull(json, "json");
        return parseRequest(readTree(json, "request body"));
    }

    /**
     * Parses a chat completions request body that is already a JSON tree.
     *
     * @param body the request body, a JSON object
     * @return the request
     * @throws ChatFormatException if the body does not follow the format, naming the field
     */
    public static ChatRequest parseRequest(JsonNode body) {
        requireNonNull(body, "body");
        if (!body.isObject()) {
            throw new ChatFormatException("request body must be a JSON object");
        }
        ChatRequest.Builder b = ChatRequest.builder();
        try {
            b.model(requiredText(body, "model"));
            JsonNode messages = body.get("messages");
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                throw new ChatFormatException("messages must be a non-empty array");
            }
            for (int i = 0; i < messages.size(); i++) {
                b.addMessage(parseMessage(messages.get(i), "messages[" + i + "]"));
            }
            b.temperature(optionalDouble(body, "temperature"));
            b.topP(optionalDouble(body, "top_p"));
            b.n(optionalInt(body, "n"));
            b.stop(parseStop(body.get("stop")));
            b.seed(optionalLong(body, "seed"));
            b.presencePenalty(optionalDouble(body, "presence_penalty"));
            b.frequencyPenalty(optionalDouble(body, "frequency_penalty"));
            b.maxTokens(optionalInt(body, "max_tokens"));
            b.maxCompletionTokens(optionalInt(body, "max_completion_tokens"));
            b.toolsJson(optionalJson(body, "tools", JsonNode::isArray, "an array"));
            b.toolChoiceJson(
                    optionalJson(body, "tool_choice", n -> n.isTextual() || n.isObject(), "a string or object"));
            b.responseFormatJson(optionalJson(body, "response_format", JsonNode::isObject, "an object"));
            b.logitBiasJson(optionalJson(body, "logit_bias", JsonNode::isObject, "an object"));
            b.user(optionalText(body, "user"));
            JsonNode stream = body.get("stream");
            if (stream != null && !stream.isNull()) {
                if (!stream.isBoolean()) {
                    throw new ChatFormatException("stream must be a boolean");
                }
                b.stream(stream.booleanValue());
            }
            b.streamOptionsJson(optionalJson(body, "stream_options", JsonNode::isObject, "an object"));
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (!ChatRequest.KNOWN_PARAMS.contains(field.getKey())
                        && !field.getValue().isNull()) {
                    b.otherParam(field.getKey(), Json.write(field.getValue()));
                }
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ChatFormatException(e.getMessage(), e);
        }
    }

    /**
     * Writes a request as a chat completions request body.
     *
     * @param request the request
     * @return the JSON body
     * @throws IllegalArgumentException if a message had content parts other than text, which {@link ChatMessage} does
     *     not keep
     */
    public static String writeRequest(ChatRequest request) {
        requireNonNull(request, "request");
        ObjectNode body = Json.NODES.objectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        int i = 0;
        for (ChatMessage m : request.messages()) {
            if (!m.textOnly()) {
                throw new IllegalArgumentException("messages[" + i + "] had content that is not text, which "
                        + "ChatMessage does not keep; forward the original body instead");
            }
            ObjectNode node = messages.addObject();
            node.put("role", m.role());
            if (m.content() == null) {
                node.putNull("content");
            } else {
                node.put("content", m.content());
            }
            putIfPresent(node, "name", m.name());
            putIfPresent(node, "tool_call_id", m.toolCallId());
            putJsonIfPresent(node, "tool_calls", m.toolCallsJson());
            i++;
        }
        putIfPresent(body, "temperature", request.temperature());
        putIfPresent(body, "top_p", request.topP());
        if (request.n() != null) {
            body.put("n", request.n());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        putIfPresent(body, "presence_penalty", request.presencePenalty());
        putIfPresent(body, "frequency_penalty", request.frequencyPenalty());
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens());
        }
        if (request.maxCompletionTokens() != null) {
            body.put("max_completion_tokens", request.maxCompletionTokens());
        }
        putJsonIfPresent(body, "tools", request.toolsJson());
        putJsonIfPresent(body, "tool_choice", request.toolChoiceJson());
        putJsonIfPresent(body, "response_format", request.responseFormatJson());
        putJsonIfPresent(body, "logit_bias", request.logitBiasJson());
        putIfPresent(body, "user", request.user());
        if (request.stream()) {
            body.put("stream", true);
        }
        putJsonIfPresent(body, "stream_options", request.streamOptionsJson());
        request.otherParams().forEach((name, value) -> body.set(name, Json.parse(value, name)));
        return Json.write(body);
    }

    /**
     * Parses a chat completions response body ({@code "object": "chat.completion"}), taking its first choice.
     *
     * @param json the response body
     * @return the answer of the first choice
     * @throws ChatFormatException if the body is not valid JSON, is an error body, or has no choice
     */
    public static ChatAnswer parseResponse(String json) {
        requireNonNull(json, "json");
        JsonNode body = readTree(json, "response body");
        if (!body.isObject()) {
            throw new ChatFormatException("response body must be a JSON object");
        }
        if (body.hasNonNull("error")) {
            throw new ChatFormatException("response body is an error, not a chat completion");
        }
        JsonNode choices = body.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new ChatFormatException("choices must be a non-empty array");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new ChatFormatException("choices[0].message must be an object");
        }
        try {
            ChatAnswer.Builder b = ChatAnswer.builder()
                    .model(requiredText(body, "model"))
                    .content(optionalText(message, "content"))
                    .refusal(optionalText(message, "refusal"))
                    .finishReason(optionalText(choice, "finish_reason"))
                    .toolCallsJson(optionalJson(message, "tool_calls", JsonNode::isArray, "an array"));
            JsonNode usage = body.get("usage");
            if (usage != null && usage.isObject()) {
                Long prompt = optionalLong(usage, "prompt_tokens");
                Long completion = optionalLong(usage, "completion_tokens");
                b.promptTokens(prompt == null ? 0 : prompt).completionTokens(completion == null ? 0 : completion);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ChatFormatException(e.getMessage(), e);
        }
    }

    /**
     * Writes an answer as a chat completions response body ({@code "object": "chat.completion"}) with one choice
     * and a {@code usage} object.
     *
     * @param answer the answer
     * @param id the completion id, such as {@code chatcmpl-...}
     * @param createdEpochSeconds the {@code created} timestamp, in seconds since the epoch
     * @return the JSON body
     */
    public static String writeResponse(ChatAnswer answer, String id, long createdEpochSeconds) {
        requireNonNull(answer, "answer");
        requireNonNull(id, "id");
        ObjectNode body = Json.NODES.objectNode();
        body.put("id", id);
        body.put("object", "chat.completion");
        body.put("created", createdEpochSeconds);
        body.put("model", answer.model());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.content() == null) {
            message.putNull("content");
        } else {
            message.put("content", answer.content());
        }
        if (answer.refusal() == null) {
            message.putNull("refusal");
        } else {
            message.put("refusal", answer.refusal());
        }
        putJsonIfPresent(message, "tool_calls", answer.toolCallsJson());
        choice.putNull("logprobs");
        if (answer.finishReason() == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", answer.finishReason());
        }
        putUsage(body.putObject("usage"), answer);
        return Json.write(body);
    }

    /**
     * Writes an answer as the data payloads of a chat completions event stream ({@code "object":
     * "chat.completion.chunk"}): a role chunk, one content chunk, a chunk with the finish reason, and, when asked, a
     * usage chunk with empty choices. The terminating {@code [DONE]} payload is not included.
     *
     * @param answer the answer
     * @param id the completion id, the same in every chunk
     * @param createdEpochSeconds the {@code created} timestamp, in seconds since the epoch
     * @param includeUsage whether the client asked for {@code stream_options.include_usage}
     * @return the payloads, each to be sent as {@code data: <payload>} followed by a blank line
     */
    public static List<String> writeStreamChunks(
            ChatAnswer answer, String id, long createdEpochSeconds, boolean includeUsage) {
        requireNonNull(answer, "answer");
        requireNonNull(id, "id");
        List<String> chunks = new ArrayList<>();
        ObjectNode role = chunk(answer, id, createdEpochSeconds, includeUsage);
        ObjectNode roleDelta = firstChoice(role).putObject("delta");
        roleDelta.put("role", "assistant");
        roleDelta.put("content", "");
        roleDelta.putNull("refusal");
        firstChoice(role).putNull("finish_reason");
        chunks.add(Json.write(role));
        if (answer.content() != null && !answer.content().isEmpty()) {
            ObjectNode content = chunk(answer, id, createdEpochSeconds, includeUsage);
            firstChoice(content).putObject("delta").put("content", answer.content());
            firstChoice(content).putNull("finish_reason");
            chunks.add(Json.write(content));
        }
        if (answer.refusal() != null) {
            ObjectNode refusal = chunk(answer, id, createdEpochSeconds, includeUsage);
            firstChoice(refusal).putObject("delta").put("refusal", answer.refusal());
            firstChoice(refusal).putNull("finish_reason");
            chunks.add(Json.write(refusal));
        }
        if (answer.toolCallsJson() != null) {
            ObjectNode tools = chunk(answer, id, createdEpochSeconds, includeUsage);
            ArrayNode calls = (ArrayNode) Json.parse(answer.toolCallsJson(), "tool_calls");
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).isObject()) {
                    ((ObjectNode) calls.get(i)).put("index", i);
                }
            }
            firstChoice(tools).putObject("delta").set("tool_calls", calls);
            firstChoice(tools).putNull("finish_reason");
            chunks.add(Json.write(tools));
        }
        ObjectNode finish = chunk(answer, id, createdEpochSeconds, includeUsage);
        firstChoice(finish).putObject("delta");
        if (answer.finishReason() == null) {
            firstChoice(finish).putNull("finish_reason");
        } else {
            firstChoice(finish).put("finish_reason", answer.finishReason());
        }
        chunks.add(Json.write(finish));
        if (includeUsage) {
            ObjectNode usage = Json.NODES.objectNode();
            usage.put("id", id);
            usage.put("object", "chat.completion.chunk");
            usage.put("created", createdEpochSeconds);
            usage.put("model", answer.model());
            usage.putArray("choices");
            putUsage(usage.putObject("usage"), answer);
            chunks.add(Json.write(usage));
        }
        return chunks;
    }

    /**
     * Assembles the data payloads of a chat completions event stream into the answer of its first choice.
     *
     * <p>Content and refusal deltas are concatenated, tool call deltas merged by their {@code index}, and usage taken
     * from the chunk that carries it. A stream that never reported a finish reason was cut and yields {@code null}:
     * such an answer must not be cached.
     *
     * @param payloads the {@code data:} payloads in order; a {@code [DONE]} payload is ignored
     * @return the complete answer, or {@code null} when the stream ended without a finish reason
     * @throws ChatFormatException if a payload is not a chunk of the format or an error
     */
    public static @Nullable ChatAnswer assembleStream(List<String> payloads) {
        requireNonNull(payloads, "payloads");
        StringBuilder content = new StringBuilder();
        StringBuilder refusal = new StringBuilder();
        boolean sawContent = false;
        boolean sawRefusal = false;
        List<ObjectNode> toolCalls = new ArrayList<>();
        String model = null;
        String finishReason = null;
        long promptTokens = 0;
        long completionTokens = 0;
        for (String payload : payloads) {
            if (payload.strip().equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = readTree(payload, "stream chunk");
            if (!chunk.isObject() || chunk.hasNonNull("error")) {
                throw new ChatFormatException("stream chunk is an error or not an object");
            }
            if (chunk.hasNonNull("model")) {
                model = chunk.get("model").asText();
            }
            JsonNode usage = chunk.get("usage");
            if (usage != null && usage.isObject()) {
                promptTokens = usage.path("prompt_tokens").asLong(0);
                completionTokens = usage.path("completion_tokens").asLong(0);
            }
            for (JsonNode choice : chunk.path("choices")) {
                if (choice.path("index").asInt(0) != 0) {
                    continue;
                }
                JsonNode delta = choice.path("delta");
                if (delta.hasNonNull("content")) {
                    content.append(delta.get("content").asText());
                    sawContent = true;
                }
                if (delta.hasNonNull("refusal")) {
                    refusal.append(delta.get("refusal").asText());
                    sawRefusal = true;
                }
                for (JsonNode call : delta.path("tool_calls")) {
                    mergeToolCall(toolCalls, call);
                }
                if (choice.hasNonNull("finish_reason")) {
                    finishReason = choice.get("finish_reason").asText();
                }
            }
        }
        if (finishReason == null || model == null) {
            return null;
        }
        String toolCallsJson = null;
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = Json.NODES.arrayNode();
            toolCalls.forEach(calls::add);
            toolCallsJson = Json.write(calls);
        }
        return new ChatAnswer(
                sawContent ? content.toString() : null,
                finishReason,
                model,
                promptTokens,
                completionTokens,
                toolCallsJson,
                sawRefusal ? refusal.toString() : null);
    }

    private static void mergeToolCall(List<ObjectNode> toolCalls, JsonNode delta) {
        int index = delta.path("index").asInt(toolCalls.size());
        while (toolCalls.size() <= index) {
            toolCalls.add(Json.NODES.objectNode());
        }
        ObjectNode call = toolCalls.get(index);
        if (delta.hasNonNull("id")) {
            call.put("id", delta.get("id").asText());
        }
        if (delta.hasNonNull("type")) {
            call.put("type", delta.get("type").asText());
        }
        JsonNode function = delta.path("function");
        if (function.isObject()) {
            ObjectNode target = call.has("function") ? (ObjectNode) call.get("function") : call.putObject("function");
            if (function.hasNonNull("name")) {
                target.put(
                        "name",
                        target.path("name").asText("") + function.get("name").asText());
            }
            if (function.hasNonNull("arguments")) {
                target.put(
                        "arguments",
                        target.path("arguments").asText("")
                                + function.get("arguments").asText());
            }
        }
    }

    private static ObjectNode chunk(ChatAnswer answer, String id, long created, boolean includeUsage) {
        ObjectNode chunk = Json.NODES.objectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", answer.model());
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode firstChoice(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0);
    }

    private static void putUsage(ObjectNode usage, ChatAnswer answer) {
        usage.put("prompt_tokens", answer.promptTokens());
        usage.put("completion_tokens", answer.completionTokens());
        usage.put("total_tokens", saturatedAdd(answer.promptTokens(), answer.completionTokens()));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static ChatMessage parseMessage(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ChatFormatException(path + " must be an object");
        }
        String role = requiredText(node, "role", path);
        boolean textOnly = true;
        String content;
        JsonNode contentNode = node.get("content");
        if (contentNode == null || contentNode.isNull()) {
            content = null;
        } else if (contentNode.isTextual()) {
            content = contentNode.textValue();
        } else if (contentNode.isArray()) {
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (int i = 0; i < contentNode.size(); i++) {
                JsonNode part = contentNode.get(i);
                String partPath = path + ".content[" + i + "]";
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw new ChatFormatException(partPath + ".type must be a string");
                }
                String type = part.get("type").textValue();
                String partText = null;
                if (type.equals("text")) {
                    partText = requiredText(part, "text", partPath);
                } else if (type.equals("refusal")) {
                    partText = requiredText(part, "refusal", partPath);
                } else {
                    textOnly = false;
                }
                if (partText != null) {
                    if (!first) {
                        text.append('\n');
                    }
                    text.append(partText);
                    first = false;
                }
            }
            content = text.toString();
        } else {
            throw new ChatFormatException(path + ".content must be a string, an array of parts or null");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!MESSAGE_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                // A field this type does not keep (function_call, audio, ...) could change the answer.
                textOnly = false;
            }
        }
        String toolCalls = null;
        JsonNode toolCallsNode = node.get("tool_calls");
        if (toolCallsNode != null && !toolCallsNode.isNull()) {
            if (!toolCallsNode.isArray()) {
                throw new ChatFormatException(path + ".tool_calls must be an array");
            }
            toolCalls = Json.write(toolCallsNode);
        }
        try {
            return new ChatMessage(
                    role,
                    content,
                    textOnly,
                    optionalText(node, "name", path),
                    optionalText(node, "tool_call_id", path),
                    toolCalls);
        } catch (IllegalArgumentException e) {
            throw new ChatFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parseStop(@Nullable JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.textValue());
        }
        if (stop.isArray()) {
            List<String> list = new ArrayList<>();
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    throw new ChatFormatException("stop must be a string or an array of strings");
                }
                list.add(s.textValue());
            }
            return list;
        }
        throw new ChatFormatException("stop must be a string or an array of strings");
    }

    private static JsonNode readTree(String json, String what) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ChatFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, null);
    }

    private static String requiredText(JsonNode node, String field, @Nullable String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ChatFormatException(name(path, field) + " must be a string");
        }
        return value.textValue();
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        return optionalText(node, field, null);
    }

    private static @Nullable String optionalText(JsonNode node, String field, @Nullable String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ChatFormatException(name(path, field) + " must be a string");
        }
        return value.textValue();
    }

    private static @Nullable Double optionalDouble(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new ChatFormatException(field + " must be a number");
        }
        return value.doubleValue();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ChatFormatException(field + " must be an integer");
        }
        return value.intValue();
    }

    private static @Nullable Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ChatFormatException(field + " must be an integer");
        }
        return value.longValue();
    }

    private static @Nullable String optionalJson(
            JsonNode node, String field, java.util.function.Predicate<JsonNode> shape, String shapeName) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!shape.test(value)) {
            throw new ChatFormatException(field + " must be " + shapeName);
        }
        return Json.write(value);
    }

    private static String name(@Nullable String path, String field) {
        return path == null ? field : path + "." + field;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable Double value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putJsonIfPresent(ObjectNode node, String field, @Nullable String json) {
        if (json != null) {
            node.set(field, Json.parse(json, field));
        }
    }
}
