package dev.semcache.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FakeOpenAiServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BODY =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi to Ann\"}]}";

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(server.chatCompletionsUri())
                        .header("Authorization", "Bearer test")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> dataPayloads(String sse) {
        return Arrays.stream(sse.split("\n\n"))
                .filter(event -> event.startsWith("data: "))
                .map(event -> event.substring("data: ".length()))
                .collect(Collectors.toList());
    }

    @Test
    void chatCompletion_json_openAiShape() throws Exception {
        HttpResponse<String> response = post(BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = MAPPER.readTree(response.body());
        assertThat(json.get("id").asText()).startsWith("chatcmpl-");
        assertThat(json.get("object").asText()).isEqualTo("chat.completion");
        assertThat(json.get("created").asLong()).isPositive();
        assertThat(json.get("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = json.get("choices").get(0);
        assertThat(choice.get("message").get("content").asText()).isEqualTo("Answer to: Say hi to Ann");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(json.get("usage").get("total_tokens").asLong())
                .isEqualTo(json.get("usage").get("prompt_tokens").asLong()
                        + json.get("usage").get("completion_tokens").asLong());
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.lastRequest().header("authorization")).isEqualTo("Bearer test");
        assertThat(server.lastRequest().lastUserText()).isEqualTo("Say hi to Ann");
    }

    @Test
    void chatCompletion_streamWithUsage_roleContentFinishUsageDone() throws Exception {
        HttpResponse<String> response =
                post(BODY.replace("}]}", "}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}"));

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> payloads = dataPayloads(response.body());
        assertThat(payloads.get(payloads.size() - 1)).isEqualTo("[DONE]");
        JsonNode first = MAPPER.readTree(payloads.get(0));
        assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.get("choices").get(0).get("delta").get("role").asText())
                .isEqualTo("assistant");
        JsonNode usage = MAPPER.readTree(payloads.get(payloads.size() - 2));
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.get("usage").get("completion_tokens").asLong()).isEqualTo(6);
        JsonNode finish = MAPPER.readTree(payloads.get(payloads.size() - 3));
        assertThat(finish.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        String content = payloads.subList(1, payloads.size() - 3).stream()
                .map(p -> {
                    try {
                        return MAPPER.readTree(p)
                                .get("choices")
                                .get(0)
                                .get("delta")
                                .get("content")
                                .asText();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .collect(Collectors.joining());
        assertThat(content).isEqualTo("Answer to: Say hi to Ann");
    }

    @Test
    void chatCompletion_cutStream_endsWithoutFinishOrDone() throws Exception {
        server.enqueue(FakeOpenAiServer.Reply.text("one two three four").cutAfter(2));

        HttpResponse<String> response = post(BODY.replace("}]}", "}],\"stream\":true}"));

        List<String> payloads = dataPayloads(response.body());
        assertThat(payloads).hasSize(2).doesNotContain("[DONE]");
        assertThat(response.body()).doesNotContain("finish_reason\":\"stop");
    }

    @Test
    void chatCompletion_scriptedErrors_statusHeadersAndErrorBody() throws Exception {
        server.enqueue(FakeOpenAiServer.Reply.tooManyRequests(3));
        server.enqueue(FakeOpenAiServer.Reply.serverError());

        HttpResponse<String> limited = post(BODY);
        HttpResponse<String> failed = post(BODY);
        HttpResponse<String> ok = post(BODY);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(MAPPER.readTree(limited.body()).get("error").get("code").asText())
                .isEqualTo("rate_limit_exceeded");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(MAPPER.readTree(failed.body()).get("error").get("type").asText())
                .isEqualTo("server_error");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void chatCompletion_noApiKeyOrBadJson_clientErrors() throws Exception {
        HttpResponse<String> noKey = http.send(
                HttpRequest.newBuilder(server.chatCompletionsUri())
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badJson = post("{nope");
        HttpResponse<String> otherPath = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/files"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(otherPath.statusCode()).isEqualTo(404);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void answerWith_responder_seesRequest() throws Exception {
        server.answerWith(request -> FakeOpenAiServer.Reply.text(request.model().toUpperCase())
                .withUsage(11, 2)
                .withModel("gpt-4o-mini-2024-07-18"));

        JsonNode json = MAPPER.readTree(post(BODY).body());

        assertThat(json.get("choices").get(0).get("message").get("content").asText())
                .isEqualTo("GPT-4O-MINI");
        assertThat(json.get("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(json.get("usage").get("prompt_tokens").asLong()).isEqualTo(11);
    }
}
