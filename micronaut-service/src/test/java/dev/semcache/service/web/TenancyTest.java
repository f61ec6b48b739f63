package dev.semcache.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.service.config.ClientAuthConfig;
import dev.semcache.service.config.TenancyConfig;
import dev.semcache.service.config.UpstreamConfig;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class TenancyTest {
    private static final UpstreamConfig FORWARDING =
            new UpstreamConfig(URI.create("http://127.0.0.1:1/v1"), null, Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final UpstreamConfig HOLDING_KEY = new UpstreamConfig(
            URI.create("http://127.0.0.1:1/v1"), "sk-upstream", Duration.ofSeconds(1), Duration.ofSeconds(1));

    private static TenancyConfig perCredential(@Nullable String salt, boolean allowHeader) {
        return new TenancyConfig(TenancyConfig.Mode.PER_CREDENTIAL, "shared", salt, 16, allowHeader);
    }

    private static HttpHeaders headers(String... nameValues) {
        var request = HttpRequest.GET("/");
        for (int i = 0; i < nameValues.length; i += 2) {
            request.header(nameValues[i], nameValues[i + 1]);
        }
        return request.getHeaders();
    }

    private static String namespace(Tenancy tenancy, String... nameValues) {
        return ((Tenancy.Identity.Allowed) tenancy.identify(headers(nameValues))).namespace();
    }

    @Test
    void identify_perCredential_namespaceIsStableHashNotCredential() {
        Tenancy tenancy = new Tenancy(perCredential(null, false), FORWARDING, new ClientAuthConfig(List.of()));

        String a = namespace(tenancy, "Authorization", "Bearer sk-alice");
        String again = namespace(tenancy, "Authorization", "bearer  sk-alice ");
        String b = namespace(tenancy, "Authorization", "Bearer sk-bob");

        assertThat(a).isEqualTo(again).isNotEqualTo(b).matches("t-[0-9a-f]{16}").doesNotContain("alice");
    }

    @Test
    void identify_otherSalt_otherNamespace() {
        Tenancy plain = new Tenancy(perCredential(null, false), FORWARDING, new ClientAuthConfig(List.of()));
        Tenancy salted = new Tenancy(perCredential("pepper", false), FORWARDING, new ClientAuthConfig(List.of()));

        assertThat(namespace(plain, "Authorization", "Bearer sk-alice"))
                .isNotEqualTo(namespace(salted, "Authorization", "Bearer sk-alice"));
    }

    @Test
    void identify_sharedMode_everyCredentialSharesTheNamespace() {
        Tenancy tenancy = new Tenancy(
                new TenancyConfig(TenancyConfig.Mode.SHARED, "team-a", null, 16, false),
                FORWARDING,
                new ClientAuthConfig(List.of()));

        assertThat(namespace(tenancy, "Authorization", "Bearer sk-alice")).isEqualTo("team-a");
        assertThat(namespace(tenancy, "Authorization", "Bearer sk-bob")).isEqualTo("team-a");
    }

    @Test
    void identify_namespaceHeaderNotAllowed_isRefused() {
        Tenancy tenancy = new Tenancy(perCredential(null, false), FORWARDING, new ClientAuthConfig(List.of()));

        Tenancy.Identity identity = tenancy.identify(headers("Authorization", "Bearer sk-a", "X-Cache-Namespace", "x"));

        assertThat(identity).isInstanceOfSatisfying(Tenancy.Identity.Denied.class, denied -> {
            assertThat(denied.error().status()).isEqualTo(400);
            assertThat(denied.error().code()).isEqualTo("namespace_header_not_allowed");
        });
    }

    @Test
    void identify_namespaceHeaderAllowed_staysInsideTheCredentialsNamespace() {
        Tenancy tenancy = new Tenancy(perCredential(null, true), FORWARDING, new ClientAuthConfig(List.of()));

        String base = namespace(tenancy, "Authorization", "Bearer sk-a");
        String chosen = namespace(tenancy, "Authorization", "Bearer sk-a", "X-Cache-Namespace", "support");

        assertThat(chosen).isEqualTo(base + ".support");
    }

    @Test
    void identify_serviceHoldsKey_requiresAClientToken() {
        Tenancy tenancy = new Tenancy(perCredential(null, false), HOLDING_KEY, new ClientAuthConfig(List.of("tok-1")));

        assertThat(tenancy.identify(headers())).isInstanceOfSatisfying(Tenancy.Identity.Denied.class, d -> assertThat(
                        d.error().status())
                .isEqualTo(401));
        assertThat(tenancy.identify(headers("Authorization", "Bearer wrong")))
                .isInstanceOfSatisfying(
                        Tenancy.Identity.Denied.class,
                        d -> assertThat(d.error().code()).isEqualTo("invalid_api_key"));
        assertThat(tenancy.identify(headers("Authorization", "Bearer tok-1")))
                .isInstanceOf(Tenancy.Identity.Allowed.class);
    }

    @Test
    void new_serviceHoldsKeyWithoutClientTokens_refusesToStart() {
        assertThatThrownBy(() -> new Tenancy(perCredential(null, false), HOLDING_KEY, new ClientAuthConfig(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEMCACHE_CLIENT_TOKENS");
    }
}
