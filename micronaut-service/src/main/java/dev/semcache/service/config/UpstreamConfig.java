package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where misses go: the OpenAI-style base URL of the upstream (a relay or a provider), its timeouts and credentials.
 *
 * <p>Credentials: when {@code apiKey} is absent (the default) each client's own {@code Authorization} header is
 * forwarded. When it is set, the service calls the upstream with that key and clients must present one of
 * {@link ClientAuthConfig#tokens()} instead, so that an open port cannot spend the key.
 *
 * @param url the base URL including the version path, such as {@code https://api.openai.com/v1}
 *     ({@code UPSTREAM_URL})
 * @param apiKey the key the service sends as {@code Authorization: Bearer}, or {@code null} to forward the client's
 *     ({@code UPSTREAM_API_KEY}); never logged
 * @param connectTimeout how long to wait for a TCP connection, positive
 * @param readTimeout the longest silence while reading a response (for a stream: between two chunks), positive
 * @since 0.1.0
 */
@ConfigurationProperties(UpstreamConfig.PREFIX)
public record UpstreamConfig(
        @Bindable(defaultValue = DEFAULT_URL) URI url,
        @Nullable String apiKey,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "120s") Duration readTimeout) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.upstream";

    /** The default base URL, OpenAI's API. */
    public static final String DEFAULT_URL = "https://api.openai.com/v1";

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if the URL is not http(s) or a timeout is not positive
     */
    public UpstreamConfig {
        if (url.getScheme() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException(
                    PREFIX + ".url must be an absolute http(s) URL such as " + DEFAULT_URL + ", was " + url);
        }
        Durations.requirePositive(connectTimeout, PREFIX + ".connect-timeout");
        Durations.requirePositive(readTimeout, PREFIX + ".read-timeout");
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /**
     * Returns whether the service holds the upstream key (and clients must present a client token).
     *
     * @return {@code true} when {@link #apiKey()} is set
     */
    public boolean holdsKey() {
        return apiKey != null;
    }

    /**
     * Resolves a path below the base URL, keeping the base's own path.
     *
     * @param pathBelowBase a path such as {@code /chat/completions}, with an optional query
     * @return the absolute URI
     */
    public URI resolve(String pathBelowBase) {
        String base = url.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (pathBelowBase.startsWith("/") ? pathBelowBase : "/" + pathBelowBase));
    }

    @Override
    public String toString() {
        return "UpstreamConfig[url=" + url + ", apiKey=" + (apiKey == null ? "absent" : "***") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
