package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import dev.semcache.service.upstream.ForwardedHeaders;
import dev.semcache.service.upstream.UpstreamClient;
import dev.semcache.service.upstream.UpstreamStream;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.body.CloseableByteBody;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Relays every {@code /v1} request other than chat completions ({@code /v1/models}, {@code /v1/embeddings}, ...) to
 * the upstream unchanged: method, path, query, body and headers (less hop-by-hop ones), both bodies streamed.
 *
 * <p>Where the service holds the upstream key, the client must present a client token here too, and the key replaces
 * it on the way up. Answers are relayed with {@code X-Cache: BYPASS}.
 *
 * @since 0.1.0
 */
@Hidden
@Controller("/v1")
final class PassThroughController {
    private final UpstreamClient upstream;
    private final Tenancy tenancy;

    PassThroughController(UpstreamClient upstream, Tenancy tenancy) {
        this.upstream = requireNonNull(upstream, "upstream");
        this.tenancy = requireNonNull(tenancy, "tenancy");
    }

    @Get(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    Mono<MutableHttpResponse<?>> get(HttpRequest<?> request, String path) {
        return relay(request);
    }

    // POST /v1/chat/completions belongs to ChatCompletionsController; the pattern keeps this route off it whatever
    // Micronaut's ranking of a variable route against a literal one.
    @Post(uri = "/{+path:(?!chat/completions$).*}", consumes = MediaType.ALL, produces = MediaType.ALL)
    Mono<MutableHttpResponse<?>> post(HttpRequest<?> request, String path) {
        return relay(request);
    }

    @Put(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    Mono<MutableHttpResponse<?>> put(HttpRequest<?> request, String path) {
        return relay(request);
    }

    @Patch(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    Mono<MutableHttpResponse<?>> patch(HttpRequest<?> request, String path) {
        return relay(request);
    }

    @Delete(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.ALL)
    Mono<MutableHttpResponse<?>> delete(HttpRequest<?> request, String path) {
        return relay(request);
    }

    private Mono<MutableHttpResponse<?>> relay(HttpRequest<?> request) {
        if (tenancy.identify(request.getHeaders()) instanceof Tenancy.Identity.Denied denied) {
            return Mono.just(denied.error().toResponse());
        }
        String query = request.getUri().getRawQuery();
        String below = request.getPath().substring("/v1".length()) + (query == null ? "" : "?" + query);
        Map<String, List<String>> headers = ForwardedHeaders.upstreamRequest(
                request.getHeaders(), upstream.config().apiKey());
        CloseableByteBody body = ((ServerHttpRequest<?>) request).byteBody().split();
        return upstream.relay(request.getMethodName(), below, headers, body).map(PassThroughController::toResponse);
    }

    private static MutableHttpResponse<?> toResponse(UpstreamStream answer) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        CacheHeaders.copyUpstreamHeaders(answer.headers(), response);
        response.header(CacheHeaders.X_CACHE, CacheHeaders.BYPASS);
        return response.body(answer.takeByteBody());
    }
}
