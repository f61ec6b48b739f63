package dev.semcache.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class RequestSplitterTest {
    private final RequestSplitter splitter = RequestSplitter.defaults();

    private static ChatRequest.Builder base() {
        return ChatRequest.builder()
                .model("gpt-4o-mini")
                .addMessage(ChatMessage.system("You are a helpful support agent."))
                .addMessage(ChatMessage.user("How do I reset my password?"))
                .temperature(0.2);
    }

    private RequestSplit.Cacheable split(ChatRequest request) {
        RequestSplit split = splitter.split(request, "default");
        assertThat(split).isInstanceOf(RequestSplit.Cacheable.class);
        return (RequestSplit.Cacheable) split;
    }

    static Stream<Arguments> scopeChanges() {
        return Stream.of(
                Arguments.of("model", (UnaryOperator<ChatRequest.Builder>) b -> b.model("gpt-4o")),
                Arguments.of("system prompt", (UnaryOperator<ChatRequest.Builder>) b -> b.messages(List.of(
                        ChatMessage.system("You are a pirate."), ChatMessage.user("How do I reset my password?")))),
                Arguments.of("no system prompt", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.messages(List.of(ChatMessage.user("How do I reset my password?")))),
                Arguments.of("temperature", (UnaryOperator<ChatRequest.Builder>) b -> b.temperature(0.9)),
                Arguments.of("top_p", (UnaryOperator<ChatRequest.Builder>) b -> b.topP(0.5)),
                Arguments.of("seed", (UnaryOperator<ChatRequest.Builder>) b -> b.seed(7L)),
                Arguments.of("stop", (UnaryOperator<ChatRequest.Builder>) b -> b.stop(List.of("\n"))),
                Arguments.of("presence penalty", (UnaryOperator<ChatRequest.Builder>) b -> b.presencePenalty(0.5)),
                Arguments.of("frequency penalty", (UnaryOperator<ChatRequest.Builder>) b -> b.frequencyPenalty(0.5)),
                Arguments.of("tools", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.toolsJson("[{\"type\":\"function\",\"function\":{\"name\":\"reset_password\"}}]")),
                Arguments.of("tool_choice", (UnaryOperator<ChatRequest.Builder>) b -> b.toolChoiceJson("\"none\"")),
                Arguments.of("response_format", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.responseFormatJson("{\"type\":\"json_object\"}")),
                Arguments.of(
                        "logit_bias", (UnaryOperator<ChatRequest.Builder>) b -> b.logitBiasJson("{\"50256\":-100}")),
                Arguments.of("unknown parameter", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.otherParam("reasoning_effort", "\"high\"")),
                Arguments.of("earlier turns", (UnaryOperator<ChatRequest.Builder>) b -> b.messages(List.of(
                        ChatMessage.system("You are a helpful support agent."),
                        ChatMessage.user("I use the mobile app."),
                        ChatMessage.assistant("Noted."),
                        ChatMessage.user("How do I reset my password?")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopeChanges")
    void split_parameterDiffers_scopeDiffers(String what, UnaryOperator<ChatRequest.Builder> change) {
        RequestSplit.Cacheable original = split(base().build());

        RequestSplit.Cacheable changed = split(change.apply(base()).build());

        assertThat(changed.scope()).as(what).isNotEqualTo(original.scope());
        assertThat(changed.exactKey()).as(what).isNotEqualTo(original.exactKey());
    }

    static Stream<Arguments> scopeKeepers() {
        return Stream.of(
                Arguments.of("max_tokens", (UnaryOperator<ChatRequest.Builder>) b -> b.maxTokens(50)),
                Arguments.of(
                        "max_completion_tokens", (UnaryOperator<ChatRequest.Builder>) b -> b.maxCompletionTokens(50)),
                Arguments.of("user", (UnaryOperator<ChatRequest.Builder>) b -> b.user("user-1234")),
                Arguments.of("stream", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.stream(true).streamOptionsJson("{\"include_usage\":true}")),
                Arguments.of("key order of tools", (UnaryOperator<ChatRequest.Builder>) b -> b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopeKeepers")
    void split_parameterOutsideScope_sameScopeAndKey(String what, UnaryOperator<ChatRequest.Builder> change) {
        RequestSplit.Cacheable original = split(base().build());

        RequestSplit.Cacheable changed = split(change.apply(base()).build());

        assertThat(changed.scope()).as(what).isEqualTo(original.scope());
        assertThat(changed.exactKey()).as(what).isEqualTo(original.exactKey());
    }

    @Test
    void split_toolsWithKeysInAnotherOrder_sameScope() {
        String tools1 = "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":\"d\"}}]";
        String tools2 = "[{\"function\":{\"description\":\"d\",\"name\":\"f\"},\"type\":\"function\"}]";

        RequestSplit.Cacheable a = split(base().toolsJson(tools1).build());
        RequestSplit.Cacheable b = split(base().toolsJson(tools2).build());

        assertThat(a.scope()).isEqualTo(b.scope());
    }

    @Test
    void split_differentNamespace_scopeDiffers() {
        RequestSplit a = splitter.split(base().build(), "tenant-a");
        RequestSplit b = splitter.split(base().build(), "tenant-b");

        assertThat(((RequestSplit.Cacheable) a).scope()).isNotEqualTo(((RequestSplit.Cacheable) b).scope());
    }

    @Test
    void split_defaultSemanticText_isLastUserMessage() {
        RequestSplit.Cacheable split = split(base().build());

        assertThat(split.semanticText()).isEqualTo("How do I reset my password?");
        assertThat(split.scope()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(split.exactKey()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void split_textDiffersOnlyInCaseAndWhitespace_sameExactKey() {
        RequestSplit.Cacheable a = split(base().build());
        RequestSplit.Cacheable b = split(base().messages(List.of(
                        ChatMessage.system("You are a helpful support agent."),
                        ChatMessage.user("  how DO i   reset\tmy\npassword?  ")))
                .build());

        assertThat(b.exactKey()).isEqualTo(a.exactKey());
        assertThat(b.scope()).isEqualTo(a.scope());
    }

    @Test
    void split_textDiffersInPunctuationOrDigits_differentExactKey() {
        RequestSplit.Cacheable question = split(
                base().messages(List.of(ChatMessage.user("Give me 3 ideas?"))).build());
        RequestSplit.Cacheable digits = split(
                base().messages(List.of(ChatMessage.user("Give me 10 ideas?"))).build());
        RequestSplit.Cacheable bang = split(
                base().messages(List.of(ChatMessage.user("Give me 3 ideas!"))).build());

        assertThat(digits.exactKey()).isNotEqualTo(question.exactKey());
        assertThat(bang.exactKey()).isNotEqualTo(question.exactKey());
    }

    @Test
    void normalize_compatibilityCharactersAndWhitespace_foldedButPunctuationKept() {
        assertThat(RequestSplitter.normalize("  Ｈｅｌｌｏ\u00a0 WORLD ﬁ!  ")).isEqualTo("hello world fi!");
        assertThat(RequestSplitter.normalize("Price: 10 €?")).isEqualTo("price: 10 €?");
    }

    @Test
    void split_lastMessageNotFromUser_bypass() {
        ChatRequest request = base().addMessage(ChatMessage.assistant("Sure,")).build();

        assertThat(splitter.split(request, "default"))
                .isEqualTo(new RequestSplit.Bypass(BypassReason.LAST_MESSAGE_NOT_USER));
    }

    @Test
    void split_imagePart_bypass() {
        ChatRequest request = ChatJson.parseRequest("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]}");

        assertThat(splitter.split(request, "default"))
                .isEqualTo(new RequestSplit.Bypass(BypassReason.NON_TEXT_CONTENT));
    }

    @Test
    void split_blankText_bypass() {
        ChatRequest request = base().messages(List.of(ChatMessage.user("   "))).build();

        assertThat(splitter.split(request, "default")).isEqualTo(new RequestSplit.Bypass(BypassReason.EMPTY_TEXT));
    }

    @Test
    void split_textOverMaxLength_bypass() {
        RequestSplitter short10 = RequestSplitter.builder().maxTextLength(10).build();
        ChatRequest request =
                base().messages(List.of(ChatMessage.user("x".repeat(11)))).build();

        assertThat(short10.split(request, "default")).isEqualTo(new RequestSplit.Bypass(BypassReason.TEXT_TOO_LONG));
        assertThat(RequestSplitter.defaults().maxTextLength()).isEqualTo(16_384);
    }

    @Test
    void split_severalChoicesLogprobsOrAudio_bypass() {
        assertThat(splitter.split(base().n(2).build(), "default"))
                .isEqualTo(new RequestSplit.Bypass(BypassReason.MULTIPLE_CHOICES));
        assertThat(splitter.split(base().otherParam("logprobs", "true").build(), "default"))
                .isEqualTo(new RequestSplit.Bypass(BypassReason.LOGPROBS));
        assertThat(splitter.split(
                        base().otherParam("modalities", "[\"text\",\"audio\"]").build(), "default"))
                .isEqualTo(new RequestSplit.Bypass(BypassReason.AUDIO_OUTPUT));
        assertThat(splitter.split(base().n(1).build(), "default")).isInstanceOf(RequestSplit.Cacheable.class);
    }

    @Test
    void split_twoSemanticTurns_textHoldsBothUserTurnsAndScopeTheRest() {
        RequestSplitter two = RequestSplitter.builder().semanticTurns(2).build();
        ChatRequest request = base().messages(List.of(
                        ChatMessage.system("Be brief."),
                        ChatMessage.user("Hi, I am Ann."),
                        ChatMessage.assistant("Hello Ann."),
                        ChatMessage.user("I use the app."),
                        ChatMessage.assistant("Noted."),
                        ChatMessage.user("How do I reset my password?")))
                .build();

        RequestSplit.Cacheable split = (RequestSplit.Cacheable) two.split(request, "default");

        assertThat(split.semanticText())
                .isEqualTo("user: I use the app.\nassistant: Noted.\nuser: How do I reset my password?");
        ChatRequest otherStart = request.toBuilder()
                .messages(List.of(
                        ChatMessage.system("Be brief."),
                        ChatMessage.user("Hi, I am Bob."),
                        ChatMessage.assistant("Hello Bob."),
                        ChatMessage.user("I use the app."),
                        ChatMessage.assistant("Noted."),
                        ChatMessage.user("How do I reset my password?")))
                .build();
        assertThat(((RequestSplit.Cacheable) two.split(otherStart, "default")).scope())
                .isNotEqualTo(split.scope());
    }

    @Test
    void builder_badValues_namedInMessage() {
        assertThatThrownBy(() -> RequestSplitter.builder().semanticTurns(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("semanticTurns");
        assertThatThrownBy(() -> RequestSplitter.builder().maxTextLength(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTextLength");
        assertThatThrownBy(() -> RequestSplitter.builder().semanticTurns(1).semanticTurns(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("semanticTurns");
    }
}
