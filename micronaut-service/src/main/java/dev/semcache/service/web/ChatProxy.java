package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.cache.ChatAnswer;
import dev.semcache.cache.ChatFormatException;
import dev.semcache.cache.ChatJson;
import dev.semcache.cache.ChatRequest;
import dev.semcache.cache.HitKind;
import dev.semcache.cache.LookupOptions;
import dev.semcache.cache.LookupResult;
import dev.semcache.cache.MissReason;
import dev.semcache.cache.RequestSplit;
import dev.semcache.cache.SemanticCache;
import dev.semcache.service.config.CacheConfig;
import dev.semcache.service.observe.RequestObserver;
import dev.semcache.service.observe.RequestOutcome;
import dev.semcache.service.observe.RequestRecord;
import dev.semcache.service.upstream.ForwardedHeaders;
import dev.semcache.service.upstream.UpstreamCall;
import dev.semcache.service.upstream.UpstreamClient;
import dev.semcache.service.upstream.UpstreamReply;
import dev.semcache.service.upstream.UpstreamStream;
import dev.semcache.service.upstream.UpstreamUnavailableException;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves one chat completions request through the cache: identify the client, check the body, look it up, and answer
 * from the cache or forward upstream, storing reusable answers.
 *
 * <p>The order of work for one request:
 *
 * <ol>
 *   <li>{@link Tenancy} decides the namespace, or refuses the client (401);
 *   <li>{@link ChatBody} checks content type, size, encoding and format (4xx, nothing looked up or stored);
 *   <li>the cache looks the request up ({@code Cache-Control: no-cache} skips this, {@code no-store} skips storing);
 *   <li>a hit is answered as JSON or replayed as server-sent events; a miss joins or leads a {@link SingleFlight} and
 *       is forwarded; a bypass is forwarded;
 *   <li>a forwarded answer is relayed as it arrives and, when complete and reusable, stored after it was sent.
 * </ol>
 *
 * <p>Thread-safe; nothing here blocks an event loop thread (embedding runs on the cache's executor).
 */
@Singleton
final class ChatProxy {
    private static final Logger LOG = LoggerFactory.getLogger(ChatProxy.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String UPSTREAM_PATH = "/chat/completions";

    private final SemanticCache cache;
    private final UpstreamClient upstream;
    private final Tenancy tenancy;
    private final CacheConfig config;
    private final List<RequestObserver> observers;
    private final Clock clock;
    private final SingleFlight flights = new SingleFlight();

    ChatProxy(
            SemanticCache cache,
            UpstreamClient upstream,
            Tenancy tenancy,
            CacheConfig config,
            List<RequestObserver> observers,
            Clock clock) {
        this.cache = requireNonNull(cache, "cache");
        this.upstream = requireNonNull(upstream, "upstream");
        this.tenancy = requireNonNull(tenancy, "tenancy");
        this.config = requireNonNull(config, "config");
        this.observers = List.copyOf(observers);
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Answers one request.
     *
     * @param request the client's request
     * @param body its body as raw bytes, or {@code null} when empty
     * @return the response; never an error signal
     */
    Mono<MutableHttpResponse<?>> handle(HttpRequest<?> request, byte @Nullable [] body) {
        long start = System.nanoTime();
        Tenancy.Identity identity = tenancy.identify(request.getHeaders());
        if (identity instanceof Tenancy.Identity.Denied denied) {
            return Mono.just(denied.error().toResponse());
        }
        String namespace = ((Tenancy.Identity.Allowed) identity).namespace();
        ChatBody chat;
        try {
            chat = ChatBody.parse(request.getHeaders().get(HttpHeaders.CONTENT_TYPE), body, config.maxBodyBytes());
        } catch (ChatBody.Rejected rejected) {
            return Mono.just(rejected.error().toResponse());
        }
        CacheControl control = CacheControl.parse(request.getHeaders().getAll(HttpHeaders.CACHE_CONTROL));
        LookupOptions options = LookupOptions.builder()
                .namespace(namespace)
                .noCache(control.noCache())
                .noStore(control.noStore())
                .build();
        Exchange exchange = new Exchange(request, chat, namespace, options, start);
        return Mono.fromCompletionStage(() -> cache.lookupAsync(chat.request(), options))
                .flatMap(result -> {
                    if (result instanceof LookupResult.Hit hit) {
                        return Mono.just(serveHit(exchange, hit));
                    }
                    return forward(exchange, result);
                });
    }

    private MutableHttpResponse<?> serveHit(Exchange exchange, LookupResult.Hit hit) {
        MutableHttpResponse<?> response = render(exchange, hit.answer());
        response.header(CacheHeaders.X_CACHE, CacheHeaders.HIT);
        response.header(HttpHeaders.AGE, Long.toString(Math.max(0, hit.age().toSeconds())));
        response.header(CacheHeaders.X_CACHE_LOOKUP, hit.kind().name().toLowerCase(Locale.ROOT));
        if (hit.kind() == HitKind.SEMANTIC) {
            response.header(CacheHeaders.X_CACHE_SIMILARITY, String.format(Locale.ROOT, "%.4f", hit.similarity()));
        }
        observe(exchange.record(
                hit.kind() == HitKind.EXACT ? RequestOutcome.EXACT_HIT : RequestOutcome.SEMANTIC_HIT,
                hit.answer().promptTokens(),
                hit.answer().completionTokens(),
                false,
                false,
                false));
        return response;
    }

    /** Writes an answer as the client asked: a chat.completion object, or a replayed event stream. */
    private MutableHttpResponse<?> render(Exchange exchange, ChatAnswer answer) {
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = clock.instant().getEpochSecond();
        if (!exchange.chat.request().stream()) {
            return HttpResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ChatJson.writeResponse(answer, id, created).getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder events = new StringBuilder();
        for (String chunk : ChatJson.writeStreamChunks(answer, id, created, clientWantsUsage(exchange.chat))) {
            events.append("data: ").append(chunk).append("\n\n");
        }
        events.append("data: ").append(StreamAssembler.DONE).append("\n\n");
        return HttpResponse.ok()
                .contentType(EVENT_STREAM + "; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(events.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the single-flight registry, for tests. */
    SingleFlight flights() {
        return flights;
    }

    private Mono<MutableHttpResponse<?>> forward(Exchange exchange, LookupResult result) {
        if (result instanceof LookupResult.Miss miss) {
            exchange.cacheError = miss.reason() == MissReason.ERROR;
            if (miss.verdict() != null && !miss.verdict().accepted()) {
                exchange.verdict = miss.verdict().reason();
            }
            exchange.outcome = RequestOutcome.MISS;
            String key = flightKey(exchange);
            if (key != null) {
                SingleFlight.Role role = flights.join(key);
                if (role instanceof SingleFlight.Follower follower) {
                    return Mono.fromFuture(follower.result(), true)
                            .timeout(upstream.config().readTimeout().multipliedBy(2))
                            .onErrorReturn(Optional.empty())
                            .flatMap(shared -> shared.filter(a -> usableFor(a, exchange.chat.request()))
                                    .map(a -> Mono.<MutableHttpResponse<?>>just(serveShared(exchange, a)))
                                    .orElseGet(() -> callUpstream(exchange, null)));
                }
                return callUpstream(exchange, (SingleFlight.Leader) role);
            }
        } else {
            exchange.outcome = RequestOutcome.BYPASS;
        }
        return callUpstream(exchange, null);
    }

    private @Nullable String flightKey(Exchange exchange) {
        RequestSplit split = cache.splitter().split(exchange.chat.request(), exchange.namespace);
        return split instanceof RequestSplit.Cacheable cacheable
                ? exchange.namespace + "\n" + cacheable.exactKey()
                : null;
    }

    private boolean usableFor(ChatAnswer answer, ChatRequest request) {
        Integer limit = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
        return limit == null || answer.completionTokens() <= limit;
    }

    private MutableHttpResponse<?> serveShared(Exchange exchange, ChatAnswer answer) {
        MutableHttpResponse<?> response = render(exchange, answer);
        cacheHeaders(exchange, response);
        response.header(CacheHeaders.X_CACHE_SHARED, "true");
        observe(exchange.record(exchange.outcome, 0, 0, exchange.verdict != null, exchange.cacheError, false));
        return response;
    }

    private void cacheHeaders(Exchange exchange, MutableHttpResponse<?> response) {
        response.header(
                CacheHeaders.X_CACHE,
                exchange.outcome == RequestOutcome.BYPASS ? CacheHeaders.BYPASS : CacheHeaders.MISS);
        if (exchange.verdict != null) {
            response.header(CacheHeaders.X_CACHE_VERDICT, "rejected:" + exchange.verdict);
        }
    }

    private Mono<MutableHttpResponse<?>> callUpstream(Exchange exchange, SingleFlight.@Nullable Leader leader) {
        ChatBody chat = exchange.chat;
        boolean stream = chat.request().stream();
        byte[] body = stream && !clientWantsUsage(chat) ? withUsageRequested(chat) : chat.raw();
        UpstreamCall call = new UpstreamCall(
                "POST",
                UPSTREAM_PATH,
                ForwardedHeaders.upstreamRequest(
                        exchange.request.getHeaders(), upstream.config().apiKey()),
                body);
        Mono<MutableHttpResponse<?>> response = stream
                ? upstream.open(call).flatMap(answer -> relayStream(exchange, answer, leader))
                : upstream.exchange(call).map(reply -> relayReply(exchange, reply, leader));
        return response.onErrorResume(UpstreamUnavailableException.class, e -> {
                    finish(leader, null);
                    LOG.warn("chat completions: {}", e.getMessage());
                    observe(exchange.record(
                            exchange.outcome, 0, 0, exchange.verdict != null, exchange.cacheError, true));
                    MutableHttpResponse<?> error =
                            UpstreamUnavailableHandler.toError(e).toResponse();
                    cacheHeaders(exchange, error);
                    return Mono.just(error);
                })
                // A streamed answer finishes the flight when its body ends, not when its headers are sent; the server
                // cancels this Mono once it has the response, so a cancel says nothing about the answer. Followers of a
                // leader whose client left before the headers stop waiting after twice the read timeout.
                .doOnError(e -> finish(leader, null));
    }

    private MutableHttpResponse<?> relayReply(
            Exchange exchange, UpstreamReply reply, SingleFlight.@Nullable Leader leader) {
        if (reply.status() != 200) {
            finish(leader, null);
            observe(exchange.record(exchange.outcome, 0, 0, exchange.verdict != null, exchange.cacheError, true));
            MutableHttpResponse<?> error = UpstreamErrors.toClient(reply.status(), reply.headers(), reply.body());
            cacheHeaders(exchange, error);
            return error;
        }
        ChatAnswer answer = parseAnswer(reply.bodyText());
        if (answer != null) {
            store(exchange, answer);
        }
        finish(leader, answer);
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.OK);
        CacheHeaders.copyUpstreamHeaders(reply.headers(), response);
        cacheHeaders(exchange, response);
        observe(exchange.record(exchange.outcome, 0, 0, exchange.verdict != null, exchange.cacheError, false));
        return response.body(reply.body());
    }

    private Mono<MutableHttpResponse<?>> relayStream(
            Exchange exchange, UpstreamStream answer, SingleFlight.@Nullable Leader leader) {
        String contentType = answer.header("content-type");
        if (answer.status() != 200
                || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            // An error, or an upstream that answered a stream request with one JSON body: read it whole.
            return answer.readAll()
                    .map(bytes -> relayReply(
                            exchange,
                            new UpstreamReply(answer.status(), answer.headers(), bytes, answer.attempts()),
                            leader));
        }
        boolean showUsage = clientWantsUsage(exchange.chat);
        SseEventParser parser = new SseEventParser();
        StreamAssembler assembler = new StreamAssembler();
        AtomicBoolean complete = new AtomicBoolean();
        Flux<byte[]> events = answer.body()
                .concatMapIterable(chunk -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length + 16);
                    for (String payload : parser.feed(chunk)) {
                        StreamAssembler.Payload kind = assembler.accept(payload);
                        if (kind == StreamAssembler.Payload.USAGE_ONLY && !showUsage) {
                            continue; // asked for by the proxy, not by the client
                        }
                        out.writeBytes(("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
                    }
                    return out.size() == 0 ? List.<byte[]>of() : List.of(out.toByteArray());
                })
                .doOnComplete(() -> {
                    complete.set(assembler.complete() && !parser.hasPartialEvent());
                    ChatAnswer assembled = complete.get() ? assembler.answer().orElse(null) : null;
                    if (assembled != null) {
                        store(exchange, assembled);
                    }
                    finish(leader, assembled);
                })
                .doFinally(signal -> {
                    finish(leader, null);
                    observe(exchange.record(
                            exchange.outcome, 0, 0, exchange.verdict != null, exchange.cacheError, !complete.get()));
                });
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.OK);
        CacheHeaders.copyUpstreamHeaders(answer.headers(), response);
        cacheHeaders(exchange, response);
        ReadBufferFactory buffers = ReadBufferFactory.getJdkFactory();
        return Mono.just(response.body(
                ((ServerHttpRequest<?>) exchange.request).byteBodyFactory().adapt(events.map(buffers::adapt))));
    }

    private void store(Exchange exchange, ChatAnswer answer) {
        // After the answer was sent or while it streams; the cache never fails the stage, and never blocks here.
        cache.storeAsync(exchange.chat.request(), answer, exchange.options);
    }

    private void finish(SingleFlight.@Nullable Leader leader, @Nullable ChatAnswer answer) {
        if (leader != null) {
            leader.finish(answer != null && cache.isReusable(answer) ? Optional.of(answer) : Optional.empty());
        }
    }

    private static @Nullable ChatAnswer parseAnswer(String body) {
        try {
            return ChatJson.parseResponse(body);
        } catch (ChatFormatException | IllegalArgumentException e) {
            LOG.debug("upstream answer is not a chat completion, not stored: {}", e.getMessage());
            return null;
        }
    }

    private static boolean clientWantsUsage(ChatBody chat) {
        JsonNode options = chat.tree().get("stream_options");
        return options != null && options.path("include_usage").asBoolean(false);
    }

    /** Returns the body with {@code stream_options.include_usage} set, so that the stream reports usage. */
    private static byte[] withUsageRequested(ChatBody chat) {
        ObjectNode tree = chat.tree().deepCopy();
        JsonNode options = tree.get("stream_options");
        ObjectNode streamOptions = options instanceof ObjectNode o ? o : tree.putObject("stream_options");
        streamOptions.put("include_usage", true);
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }

    private void observe(RequestRecord record) {
        for (RequestObserver observer : observers) {
            try {
                observer.onRequest(record);
            } catch (RuntimeException e) {
                LOG.warn("request observer {} failed; the request is not affected", observer, e);
            }
        }
    }

    /** One request on its way through the proxy. */
    private static final class Exchange {
        final HttpRequest<?> request;
        final ChatBody chat;
        final String namespace;
        final LookupOptions options;
        final long startNanos;
        RequestOutcome outcome = RequestOutcome.MISS;
        boolean cacheError;

        @Nullable
        String verdict;

        Exchange(HttpRequest<?> request, ChatBody chat, String namespace, LookupOptions options, long startNanos) {
            this.request = request;
            this.chat = chat;
            this.namespace = namespace;
            this.options = options;
            this.startNanos = startNanos;
        }

        RequestRecord record(
                RequestOutcome outcome,
                long promptTokensSaved,
                long completionTokensSaved,
                boolean rejected,
                boolean cacheError,
                boolean upstreamError) {
            return new RequestRecord(
                    namespace,
                    chat.request().model(),
                    outcome,
                    System.nanoTime() - startNanos,
                    promptTokensSaved,
                    completionTokensSaved,
                    rejected,
                    cacheError,
                    upstreamError);
        }
    }
}
