package dev.semcache.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChatJsonTest {

    @Test
    void parseRequest_fullBody_everyFieldKept() {
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"},"
                + "{\"type\":\"text\",\"text\":\"there\"}],\"name\":\"ann\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"42\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks\"}],"
                + "\"temperature\":0.7,\"top_p\":1,\"n\":1,\"stop\":\"END\",\"seed\":42,"
                + "\"presence_penalty\":0.1,\"frequency_penalty\":-0.1,\"max_tokens\":100,"
                + "\"max_completion_tokens\":90,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}],"
                + "\"tool_choice\":\"auto\",\"response_format\":{\"type\":\"text\"},\"logit_bias\":{\"50256\":-100},"
                + "\"user\":\"u1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"reasoning_effort\":\"low\",\"metadata\":null}";

        ChatRequest request = ChatJson.parseRequest(body);

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.messages()).hasSize(5);
        assertThat(request.messages().get(1).content()).isEqualTo("Hello\nthere");
        assertThat(request.messages().get(1).name()).isEqualTo("ann");
        assertThat(request.messages().get(2).content()).isNull();
        assertThat(request.messages().get(2).toolCallsJson()).contains("\"name\":\"lookup\"");
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("call_1");
        assertThat(request.temperature()).isEqualTo(0.7);
        assertThat(request.topP()).isEqualTo(1.0);
        assertThat(request.stop()).containsExactly("END");
        assertThat(request.seed()).isEqualTo(42L);
        assertThat(request.maxTokens()).isEqualTo(100);
        assertThat(request.effectiveMaxTokens()).isEqualTo(90);
        assertThat(request.toolChoiceJson()).isEqualTo("\"auto\"");
        assertThat(request.logitBiasJson()).isEqualTo("{\"50256\":-100}");
        assertThat(request.user()).isEqualTo("u1");
        assertThat(request.stream()).isTrue();
        assertThat(request.streamOptionsJson()).isEqualTo("{\"include_usage\":true}");
        assertThat(request.otherParams()).containsOnlyKeys("reasoning_effort");
    }

    @Test
    void writeRequest_parsedBack_equalRequest() {
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4.1")
                .addMessage(ChatMessage.system("Be brief."))
                .addMessage(ChatMessage.user("Hi"))
                .temperature(0.3)
                .stop(List.of("a", "b"))
                .seed(1L)
                .maxCompletionTokens(20)
                .toolsJson("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]")
                .otherParam("top_k", "5")
                .build();

        ChatRequest back = ChatJson.parseRequest(ChatJson.writeRequest(request));

        assertThat(back).isEqualTo(request);
    }

    @Test
    void parseRequest_badField_namedInMessage() {
        assertThatThrownBy(() -> ChatJson.parseRequest("{\"messages\":[]}"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessage("model must be a string");
        assertThatThrownBy(() -> ChatJson.parseRequest("{\"model\":\"m\",\"messages\":[]}"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessage("messages must be a non-empty array");
        assertThatThrownBy(() -> ChatJson.parseRequest("{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]}"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessage("messages[0].role must be a string");
        assertThatThrownBy(() -> ChatJson.parseRequest(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":3}"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessageContaining("temperature must be in [0.0, 2.0], was 3.0");
        assertThatThrownBy(() -> ChatJson.parseRequest("{not json"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessageStartingWith("request body is not valid JSON");
    }

    @Test
    void parseRequest_legacyFunctionCallInMessage_markedNotTextOnly() {
        ChatRequest request = ChatJson.parseRequest("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\","
                + "\"content\":null,\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                + "{\"role\":\"user\",\"content\":\"ok\"}]}");

        assertThat(request.messages().get(0).textOnly()).isFalse();
    }

    @Test
    void writeResponse_parsedBack_sameAnswer() {
        ChatAnswer answer = new ChatAnswer("Hello!", "stop", "gpt-4o-mini-2024-07-18", 12, 3, null, null);

        String json = ChatJson.writeResponse(answer, "chatcmpl-1", 1_700_000_000L);

        assertThat(json)
                .contains("\"object\":\"chat.completion\"")
                .contains("\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}");
        assertThat(ChatJson.parseResponse(json)).isEqualTo(answer);
    }

    @Test
    void parseResponse_toolCallsAndRefusal_kept() {
        String json = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"I can't help with that.\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}";

        ChatAnswer answer = ChatJson.parseResponse(json);

        assertThat(answer.refusal()).isEqualTo("I can't help with that.");
        assertThat(answer.hasToolCalls()).isTrue();
        assertThat(answer.finishReason()).isEqualTo("tool_calls");
        assertThat(answer.promptTokens()).isZero();
    }

    @Test
    void parseResponse_errorBody_rejected() {
        assertThatThrownBy(
                        () -> ChatJson.parseResponse("{\"error\":{\"message\":\"Rate limit\",\"type\":\"requests\"}}"))
                .isInstanceOf(ChatFormatException.class)
                .hasMessageContaining("error");
    }

    @Test
    void streamChunks_assembled_sameAnswer() {
        ChatAnswer answer = new ChatAnswer(
                "Reset it from the login page.",
                "stop",
                "gpt-4o-mini",
                20,
                7,
                "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]",
                null);

        List<String> chunks = ChatJson.writeStreamChunks(answer, "chatcmpl-1", 1L, true);

        assertThat(chunks.get(0)).contains("\"role\":\"assistant\"");
        assertThat(chunks.get(chunks.size() - 1)).contains("\"choices\":[]").contains("\"total_tokens\":27");
        List<String> withDone = new ArrayList<>(chunks);
        withDone.add("[DONE]");
        assertThat(ChatJson.assembleStream(withDone)).isEqualTo(answer);
    }

    @Test
    void assembleStream_cutBeforeFinishReason_null() {
        ChatAnswer answer = ChatAnswer.of("One two three", "gpt-4o-mini", 5, 3);
        List<String> chunks = ChatJson.writeStreamChunks(answer, "chatcmpl-1", 1L, false);

        assertThat(ChatJson.assembleStream(chunks.subList(0, chunks.size() - 1)))
                .isNull();
    }

    @Test
    void assembleStream_deltasSplitAcrossChunks_concatenated() {
        List<String> payloads = List.of(
                "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}",
                "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}",
                "{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}",
                "[DONE]");

        ChatAnswer answer = ChatJson.assembleStream(payloads);

        assertThat(answer).isNotNull();
        assertThat(answer.content()).isEqualTo("Hello");
        assertThat(answer.finishReason()).isEqualTo("length");
    }

    @Test
    void builders_badValues_namedInMessage() {
        assertThatThrownBy(() -> ChatRequest.builder().topP(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top_p");
        assertThatThrownBy(() -> ChatRequest.builder().n(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be positive");
        assertThatThrownBy(() -> ChatRequest.builder().otherParam("temperature", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has its own setter");
        assertThatThrownBy(() -> ChatRequest.builder().toolsJson("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tools must be a JSON array");
        assertThatThrownBy(() -> ChatRequest.builder().model("m").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("messages");
        assertThatThrownBy(() -> new ChatMessage("User", "x", true, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role");
        assertThatThrownBy(() -> ChatAnswer.builder().model("m").completionTokens(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("completionTokens");
    }

    @Test
    void toString_neverContainsMessageText() {
        ChatRequest request = ChatRequest.builder()
                .model("m")
                .addMessage(ChatMessage.user("my secret password is hunter2"))
                .user("user-42")
                .build();

        assertThat(request.toString()).doesNotContain("hunter2").doesNotContain("user-42");
        assertThat(ChatAnswer.of("hunter2", "m", 1, 1).toString()).doesNotContain("hunter2");
    }
}
