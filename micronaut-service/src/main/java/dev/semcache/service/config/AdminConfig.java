package dev.semcache.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * The token that guards the admin endpoints ({@code DELETE /admin/cache}).
 *
 * @param token the admin token ({@code SEMCACHE_ADMIN_TOKEN}); {@code null} or blank disables the admin endpoints
 * @since 0.1.0
 */
@ConfigurationProperties(AdminConfig.PREFIX)
public record AdminConfig(@Nullable String token) {

    /** The configuration prefix. */
    public static final String PREFIX = "semcache.admin";

    /** Treats a blank token as absent. */
    public AdminConfig {
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    @Override
    public String toString() {
        return "AdminConfig[token=" + (token == null ? "absent" : "***") + "]";
    }
}
