package dev.semcache.service.web;

import static java.util.Objects.requireNonNull;

import dev.semcache.service.config.ClientAuthConfig;
import dev.semcache.service.config.TenancyConfig;
import dev.semcache.service.config.UpstreamConfig;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides who a request comes from: whether it may use the service at all, and which cache namespace it reads and
 * writes.
 *
 * <p>When the service holds the upstream key, the client must present one of the configured client tokens as
 * {@code Authorization: Bearer}; otherwise its own {@code Authorization} goes upstream and the upstream judges it.
 * The namespace follows {@link TenancyConfig}. Credentials are compared in constant time, hashed before they name a
 * namespace, and never logged or stored.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
@Singleton
public final class Tenancy {
    /** The request header that picks a namespace where configuration allows it. */
    public static final String NAMESPACE_HEADER = "X-Cache-Namespace";

    private final TenancyConfig tenancy;
    private final boolean serviceHoldsKey;
    private final List<byte[]> clientTokens;

    /**
     * Creates the tenancy rules.
     *
     * @param tenancy how namespaces are assigned
     * @param upstream whether the service holds the upstream key
     * @param clientAuth the accepted client tokens
     * @throws IllegalStateException if the service holds the upstream key but no client token is configured
     */
    public Tenancy(TenancyConfig tenancy, UpstreamConfig upstream, ClientAuthConfig clientAuth) {
        this.tenancy = requireNonNull(tenancy, "tenancy");
        this.serviceHoldsKey = upstream.holdsKey();
        this.clientTokens = clientAuth.tokens().stream()
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (serviceHoldsKey && clientTokens.isEmpty()) {
            // Refuse to start rather than let anyone who reaches the port spend the key.
            throw new IllegalStateException(UpstreamConfig.PREFIX + ".api-key (UPSTREAM_API_KEY) is set but "
                    + ClientAuthConfig.PREFIX + ".tokens (SEMCACHE_CLIENT_TOKENS) is empty: configure the tokens "
                    + "clients must present");
        }
    }

    /**
     * Identifies the client of a request.
     *
     * @param headers the request headers
     * @return the namespace the request uses, or the 4xx error to answer with
     */
    public Identity identify(HttpHeaders headers) {
        String credential = credential(headers.get(HttpHeaders.AUTHORIZATION));
        if (serviceHoldsKey) {
            if (credential == null) {
                return new Identity.Denied(new OpenAiError(
                        401,
                        "Missing credentials: send 'Authorization: Bearer <client token>'",
                        OpenAiError.INVALID_REQUEST,
                        null,
                        "missing_api_key"));
            }
            if (!isClientToken(credential)) {
                return new Identity.Denied(new OpenAiError(
                        401, "Incorrect client token provided", OpenAiError.INVALID_REQUEST, null, "invalid_api_key"));
            }
        }
        String base =
                switch (tenancy.mode()) {
                    case SHARED -> tenancy.sharedNamespace();
                    case PER_CREDENTIAL -> "t-" + hash(credential == null ? "" : credential);
                };
        String requested = headers.get(NAMESPACE_HEADER);
        if (requested == null) {
            return new Identity.Allowed(base);
        }
        if (!tenancy.allowNamespaceHeader()) {
            return new Identity.Denied(OpenAiError.invalidRequest(
                    NAMESPACE_HEADER + " is not allowed by this service's configuration (" + TenancyConfig.PREFIX
                            + ".allow-namespace-header)",
                    null,
                    "namespace_header_not_allowed"));
        }
        if (!requested.matches(TenancyConfig.NAMESPACE_PATTERN)) {
            return new Identity.Denied(OpenAiError.invalidRequest(
                    NAMESPACE_HEADER + " must match " + TenancyConfig.NAMESPACE_PATTERN, null, "invalid_namespace"));
        }
        // In per-credential mode a chosen namespace stays inside the client's own.
        return new Identity.Allowed(tenancy.mode() == TenancyConfig.Mode.SHARED ? requested : base + "." + requested);
    }

    private boolean isClientToken(String credential) {
        byte[] presented = credential.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : clientTokens) {
            // No early exit: the time taken does not tell which token, or how much of one, matched.
            match |= MessageDigest.isEqual(presented, token);
        }
        return match;
    }

    private String hash(String credential) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String salt = tenancy.salt();
            byte[] digest =
                    sha.digest(((salt == null ? "" : salt) + ":" + credential).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, tenancy.hashHexChars());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Returns the bearer token of an {@code Authorization} value, or the whole value for another scheme. */
    static @Nullable String credential(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            String token = value.substring("bearer ".length()).trim();
            return token.isEmpty() ? null : token;
        }
        return value;
    }

    /**
     * Who a request comes from.
     *
     * @since 0.1.0
     */
    public sealed interface Identity {
        /**
         * A request that may proceed.
         *
         * @param namespace the cache namespace it reads and writes
         */
        record Allowed(String namespace) implements Identity {}

        /**
         * A request that is refused.
         *
         * @param error the error to answer with
         */
        record Denied(OpenAiError error) implements Identity {}
    }
}
