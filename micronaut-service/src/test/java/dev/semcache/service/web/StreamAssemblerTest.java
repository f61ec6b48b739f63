package dev.semcache.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.cache.ChatAnswer;
import org.junit.jupiter.api.Test;

final class StreamAssemblerTest {
    private static final String ROLE =
            "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}";
    private static final String HELLO = "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}";
    private static final String LO = "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}";
    private static final String STOP =
            "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}";
    private static final String USAGE =
            "{\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}";

    @Test
    void answer_completeStream_isAssembled() {
        StreamAssembler assembler = new StreamAssembler();
        for (String p : new String[] {ROLE, HELLO, LO, STOP}) {
            assertThat(assembler.accept(p)).isEqualTo(StreamAssembler.Payload.CHUNK);
        }

        assertThat(assembler.accept(USAGE)).isEqualTo(StreamAssembler.Payload.USAGE_ONLY);
        assertThat(assembler.accept("[DONE]")).isEqualTo(StreamAssembler.Payload.DONE);

        assertThat(assembler.complete()).isTrue();
        assertThat(assembler.answer()).contains(ChatAnswer.of("Hello", "m", 5, 2));
    }

    @Test
    void answer_streamWithoutDone_isEmpty() {
        StreamAssembler assembler = new StreamAssembler();
        for (String p : new String[] {ROLE, HELLO, LO, STOP, USAGE}) {
            assembler.accept(p);
        }

        assertThat(assembler.complete()).isFalse();
        assertThat(assembler.answer()).isEmpty();
    }

    @Test
    void answer_errorPayload_isEmpty() {
        StreamAssembler assembler = new StreamAssembler();
        assembler.accept(ROLE);
        assembler.accept("{\"error\":{\"message\":\"overloaded\"}}");
        assembler.accept("[DONE]");

        assertThat(assembler.complete()).isFalse();
        assertThat(assembler.answer()).isEmpty();
    }

    @Test
    void answer_lengthFinish_isAssembledWithItsReason() {
        StreamAssembler assembler = new StreamAssembler();
        assembler.accept(HELLO);
        assembler.accept(STOP.replace("stop", "length"));
        assembler.accept(USAGE);
        assembler.accept("[DONE]");

        assertThat(assembler.answer())
                .hasValueSatisfying(a -> assertThat(a.finishReason()).isEqualTo("length"));
    }
}
