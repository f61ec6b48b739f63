package dev.semcache.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatMessage;
import dev.semcache.cache.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SimulatedUpstreamTest {

    @Test
    void complete_prompt_answersUniquelyWithUsageFromText() {
        SimulatedUpstream upstream = new SimulatedUpstream(0, 1);
        ChatRequest request = ChatRequest.builder()
                .model("gpt-4o-mini")
                .addMessage(ChatMessage.user("How do I merge two dictionaries in Python?"))
                .build();

        ChatAnswer answer = upstream.complete(request);

        assertThat(answer.content()).isEqualTo("Answer to: How do I merge two dictionaries in Python?");
        assertThat(SimulatedUpstream.promptOf(answer.content()))
                .isEqualTo("How do I merge two dictionaries in Python?");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini");
        assertThat(answer.finishReason()).isEqualTo("stop");
        // 42 characters → 11 tokens, plus 4 per message and 7 for the framing.
        assertThat(answer.promptTokens()).isEqualTo(22);
        assertThat(answer.completionTokens())
                .isEqualTo(upstream.complete(request).completionTokens());
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(upstream.sleptNanos()).isZero();
    }

    @Test
    void completionTokens_manyPrompts_centreAroundTwoHundred() {
        long[] tokens = new long[2000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = SimulatedUpstream.completionTokens("prompt number " + i);
        }
        java.util.Arrays.sort(tokens);

        assertThat(tokens[1000]).isBetween(170L, 230L);
        assertThat(tokens[0]).isPositive();
        assertThat(tokens[tokens.length - 1]).isLessThanOrEqualTo(1500);
    }

    @Test
    void promptOf_foreignContent_isNull() {
        assertThat(SimulatedUpstream.promptOf("Something else")).isNull();
        assertThat(SimulatedUpstream.promptOf(null)).isNull();
        assertThat(SimulatedUpstream.promptTokens(List.of())).isEqualTo(7);
    }
}
