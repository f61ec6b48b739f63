package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * The tokens clients must present ({@code Authorization: Bearer <token>}) when the service holds the upstream key.
 *
 * <p>Ignored while {@link UpstreamConfig#apiKey()} is absent: then the client's own credential goes upstream and the
 * upstream judges it. The tokens are never logged.
 *
 * @param tokens the accepted client tokens ({@code SEMCACHE_CLIENT_TOKENS}, comma separated); blank entries are
 *     dropped
 * @since 0.1.0
 */
@ConfigurationProperties(ClientAuthConfig.PREFIX)
public record ClientAuthConfig(@Bindable(defaultValue = "") List<String> tokens) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.client-auth";

    /** Drops blank tokens and trims the others. */
    public ClientAuthConfig {
        tokens = tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "ClientAuthConfig[tokens=" + tokens.size() + "]";
    }
}
