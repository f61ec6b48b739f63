package dev.semcache.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.service.config.AdminConfig;
import dev.semcache.service.config.CacheConfig;
import dev.semcache.service.config.RetryConfig;
import dev.semcache.service.config.TenancyConfig;
import dev.semcache.service.config.UpstreamConfig;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults in application.yml are the documented ones, and the configuration records bind them. */
final class ConfigurationDefaultsTest {

    @Test
    void applicationYml_withoutOverrides_bindsTheDocumentedDefaults() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        // Only settings a developer's or CI's environment may carry are pinned here.
                        "semcache.upstream.url", UpstreamConfig.DEFAULT_URL,
                        "semcache.upstream.api-key", "",
                        "semcache.admin.token", ""))
                .start()) {
            UpstreamConfig upstream = context.getBean(UpstreamConfig.class);
            RetryConfig retry = context.getBean(RetryConfig.class);
            CacheConfig cache = context.getBean(CacheConfig.class);
            TenancyConfig tenancy = context.getBean(TenancyConfig.class);

            assertThat(upstream.url()).isEqualTo(URI.create("https://api.openai.com/v1"));
            assertThat(upstream.holdsKey()).isFalse();
            assertThat(upstream.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(upstream.readTimeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(retry)
                    .isEqualTo(
                            new RetryConfig(3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(30)));
            assertThat(cache.model()).isEqualTo("bge-small-en-v1.5").isEqualTo(CacheConfig.DEFAULT_MODEL);
            assertThat(cache.threshold()).isEqualTo(0.92);
            assertThat(cache.ttl()).isEqualTo(Duration.ofDays(7));
            assertThat(cache.maxBodyBytes()).isEqualTo(1_048_576);
            assertThat(tenancy.mode()).isEqualTo(TenancyConfig.Mode.PER_CREDENTIAL);
            assertThat(tenancy.sharedNamespace()).isEqualTo("shared");
            assertThat(tenancy.allowNamespaceHeader()).isFalse();
            assertThat(context.getBean(AdminConfig.class).token()).isNull();
        }
    }
}
