package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/chat/completions}: the OpenAI chat completions endpoint, answered from the cache when it can be.
 *
 * @since 0.1.0
 */
@Controller
@Tag(name = "chat", description = "OpenAI-compatible chat completions through the semantic cache")
final class ChatCompletionsController {
    private final ChatProxy proxy;

    ChatCompletionsController(ChatProxy proxy) {
        this.proxy = requireNonNull(proxy, "proxy");
    }

    @Post(
            uri = "/v1/chat/completions",
            consumes = MediaType.ALL,
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    @Operation(
            summary = "Create a chat completion",
            description = "Takes an OpenAI chat completions request. A request that asks the same thing as an earlier "
                    + "one (same model, system prompt, earlier turns and sampling parameters; last user message of "
                    + "the same meaning) is answered from the cache; others are forwarded to the upstream and their "
                    + "complete answers stored. With \"stream\": true the answer is a server-sent event stream.",
            parameters = {
                @Parameter(
                        in = ParameterIn.HEADER,
                        name = "Cache-Control",
                        description = "no-cache: skip the lookup (the answer is still stored); no-store: do not "
                                + "store the answer"),
                @Parameter(
                        in = ParameterIn.HEADER,
                        name = Tenancy.NAMESPACE_HEADER,
                        description = "a cache namespace, where semcache.tenancy.allow-namespace-header allows it")
            })
    @ApiResponse(
            responseCode = "200",
            description = "A chat.completion object, or a text/event-stream of chat.completion.chunk objects",
            headers = {
                @Header(name = CacheHeaders.X_CACHE, description = "HIT, MISS or BYPASS"),
                @Header(
                        name = CacheHeaders.X_CACHE_SIMILARITY,
                        description = "on a semantic hit: cosine similarity of the served entry"),
                @Header(name = "Age", description = "on a hit: seconds since the answer was stored"),
                @Header(
                        name = CacheHeaders.X_CACHE_VERDICT,
                        description = "on a miss whose nearest entry the verifier rejected: rejected:<reason>")
            })
    @ApiResponse(responseCode = "400", description = "Malformed request; an OpenAI error body names the problem")
    @ApiResponse(responseCode = "401", description = "Missing or wrong client token")
    @ApiResponse(responseCode = "413", description = "Body larger than semcache.cache.max-body-bytes")
    @ApiResponse(responseCode = "415", description = "Content-Type other than application/json")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "an OpenAI chat completions request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    Mono<MutableHttpResponse<?>> create(HttpRequest<?> request) {
        // The body is read as raw bytes, not bound by a codec, so that every defect gets an OpenAI-style 4xx.
        return Mono.fromCompletionStage(
                        ((ServerHttpRequest<?>) request).byteBody().split().buffer())
                .map(body -> {
                    try (body) {
                        return body.toByteArray();
                    }
                })
                .flatMap(bytes -> proxy.handle(request, bytes));
    }
}
