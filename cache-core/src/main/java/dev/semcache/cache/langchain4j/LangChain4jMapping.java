package dev.semcache.cache.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.LookupResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Maps LangChain4j requests and responses to and from the cache's neutral types. */
final class LangChain4jMapping {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TOKEN_LIMITS = Pattern.compile("(maxOutputTokens|maxCompletionTokens)=\\d+");
    private static final Pattern USER = Pattern.compile("user=\"[^\"]*\"");

    private LangChain4jMapping() {}

    static ChatRequest toRequest(
            List<dev.langchain4j.data.message.ChatMessage> messages, ChatRequestParameters params, ChatModel model) {
        ChatRequest.Builder b = ChatRequest.builder();
        String modelName = params.modelName();
        // Without a model name, the delegate's class stands in, so that two different models never share a scope.
        b.model(
                modelName != null && !modelName.isBlank()
                        ? modelName
                        : "langchain4j:" + model.getClass().getName());
        for (dev.langchain4j.data.message.ChatMessage message : messages) {
            b.addMessage(toMessage(message));
        }
        b.temperature(params.temperature());
        b.topP(params.topP());
        b.presencePenalty(params.presencePenalty());
        b.frequencyPenalty(params.frequencyPenalty());
        b.maxTokens(positiveOrNull(params.maxOutputTokens()));
        b.maxCompletionTokens(positiveOrNull(maxCompletionTokens(params)));
        if (params.stopSequences() != null && !params.stopSequences().isEmpty()) {
            b.stop(params.stopSequences());
        }
        if (params.topK() != null) {
            b.otherParam("top_k", Integer.toString(params.topK()));
        }
        List<ToolSpecification> tools = params.toolSpecifications();
        if (tools != null && !tools.isEmpty()) {
            ArrayNode array = MAPPER.createArrayNode();
            tools.forEach(tool -> array.add(tool.toString()));
            b.toolsJson(array.toString());
        }
        if (params.toolChoice() != null) {
            b.toolChoiceJson(quote(params.toolChoice().name().toLowerCase(Locale.ROOT)));
        }
        if (params.responseFormat() != null) {
            ObjectNode format = MAPPER.createObjectNode();
            format.put("langchain4j", params.responseFormat().toString());
            b.responseFormatJson(format.toString());
        }
        if (params.getClass() != DefaultChatRequestParameters.class) {
            // Provider-specific parameters (seed, logit bias, reasoning effort, ...) are not typed here: their
            // description enters the scope, less what may differ between requests that share an answer.
            String description = USER.matcher(
                            TOKEN_LIMITS.matcher(params.toString()).replaceAll("$1=null"))
                    .replaceAll("user=null");
            b.otherParam("langchain4j_parameters", quote(params.getClass().getName() + description));
        }
        return b.build();
    }

    private static ChatMessage toMessage(dev.langchain4j.data.message.ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return ChatMessage.system(system.text());
        }
        if (message instanceof UserMessage user) {
            StringBuilder text = new StringBuilder();
            boolean textOnly = true;
            for (Content content : user.contents()) {
                if (content instanceof TextContent textContent) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(textContent.text());
                } else {
                    textOnly = false;
                }
            }
            return new ChatMessage(ChatMessage.USER, text.toString(), textOnly, user.name(), null, null);
        }
        if (message instanceof AiMessage ai) {
            return new ChatMessage(
                    ChatMessage.ASSISTANT, ai.text(), true, null, null, toolCallsJson(ai.toolExecutionRequests()));
        }
        if (message instanceof ToolExecutionResultMessage tool) {
            return new ChatMessage(ChatMessage.TOOL, tool.text(), true, tool.toolName(), tool.id(), null);
        }
        // A custom message type: the cache cannot tell what it means, so the request bypasses the cache.
        return new ChatMessage(message.type().name().toLowerCase(Locale.ROOT), null, false, null, null, null);
    }

    static @Nullable ChatAnswer toAnswer(ChatResponse response, String requestedModel) {
        AiMessage ai = response.aiMessage();
        if (ai == null) {
            return null;
        }
        TokenUsage usage = response.tokenUsage();
        String model = response.modelName() != null ? response.modelName() : requestedModel;
        return ChatAnswer.builder()
                .content(ai.text())
                .finishReason(finishReason(response.finishReason()))
                .model(model)
                .promptTokens(usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount())
                .completionTokens(usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount())
                .toolCallsJson(toolCallsJson(ai.toolExecutionRequests()))
                .build();
    }

    static ChatResponse toResponse(LookupResult.Hit hit) {
        ChatAnswer answer = hit.answer();
        List<ToolExecutionRequest> tools = toolRequests(answer.toolCallsJson());
        AiMessage message = tools.isEmpty()
                ? AiMessage.from(answer.content() == null ? "" : answer.content())
                : AiMessage.from(answer.content(), tools);
        return ChatResponse.builder()
                .aiMessage(message)
                .metadata(ChatResponseMetadata.builder()
                        .id("chatcmpl-semcache-" + hit.entryId())
                        .modelName(answer.model())
                        .tokenUsage(new TokenUsage((int) Math.min(Integer.MAX_VALUE, answer.promptTokens()), (int)
                                Math.min(Integer.MAX_VALUE, answer.completionTokens())))
                        .finishReason(tools.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_EXECUTION)
                        .build())
                .build();
    }

    private static @Nullable String finishReason(@Nullable FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> ChatAnswer.STOP;
            case LENGTH -> ChatAnswer.LENGTH;
            case TOOL_EXECUTION -> ChatAnswer.TOOL_CALLS;
            case CONTENT_FILTER -> "content_filter";
            case OTHER -> "other";
        };
    }

    private static @Nullable String toolCallsJson(@Nullable List<ToolExecutionRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            return null;
        }
        ArrayNode array = MAPPER.createArrayNode();
        for (ToolExecutionRequest request : requests) {
            ObjectNode call = array.addObject();
            if (request.id() != null) {
                call.put("id", request.id());
            }
            call.put("type", "function");
            ObjectNode function = call.putObject("function");
            function.put("name", request.name());
            function.put("arguments", request.arguments());
        }
        return array.toString();
    }

    private static List<ToolExecutionRequest> toolRequests(@Nullable String json) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        if (json == null) {
            return requests;
        }
        try {
            for (var call : MAPPER.readTree(json)) {
                requests.add(ToolExecutionRequest.builder()
                        .id(call.path("id").asText(null))
                        .name(call.path("function").path("name").asText(null))
                        .arguments(call.path("function").path("arguments").asText(null))
                        .build());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Stored by this library as canonical JSON; unreadable only if the store was tampered with.
            throw new IllegalStateException("stored tool calls are not valid JSON", e);
        }
        return requests;
    }

    private static @Nullable Integer maxCompletionTokens(ChatRequestParameters params) {
        // OpenAiChatRequestParameters has it; this module does not depend on langchain4j-open-ai.
        try {
            Object value = params.getClass().getMethod("maxCompletionTokens").invoke(params);
            return value instanceof Integer i ? i : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Integer positiveOrNull(@Nullable Integer value) {
        return value == null || value <= 0 ? null : value;
    }

    private static String quote(String text) {
        return MAPPER.getNodeFactory().textNode(text).toString();
    }
}
