package dev.semcache.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semcache.service.config.AdminConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

final class AdminTokenTest {
    private static final String TOKEN = "s3cret-admin";

    private final AdminToken guarded = new AdminToken(new AdminConfig(TOKEN));
    private final AdminToken open = new AdminToken(new AdminConfig(null));

    @Test
    void check_noTokenConfigured_isOpenForEveryRequest() {
        assertThat(open.check(HttpRequest.GET("/stats"), false)).isEqualTo(AdminToken.Check.OPEN);
        assertThat(new AdminToken(new AdminConfig("  ")).check(HttpRequest.GET("/stats"), false))
                .isEqualTo(AdminToken.Check.OPEN);
    }

    @Test
    void check_bearerOrAdminHeader_isAdmitted() {
        assertThat(guarded.check(HttpRequest.GET("/stats").bearerAuth(TOKEN), false))
                .isEqualTo(AdminToken.Check.ADMITTED);
        assertThat(guarded.check(HttpRequest.GET("/stats").header("X-Admin-Token", TOKEN), false))
                .isEqualTo(AdminToken.Check.ADMITTED);
    }

    @Test
    void check_noToken_isMissing() {
        assertThat(guarded.check(HttpRequest.GET("/stats"), false)).isEqualTo(AdminToken.Check.MISSING);
        assertThat(guarded.check(HttpRequest.GET("/stats").header("Authorization", "Basic dXNlcjpwdw=="), false))
                .isEqualTo(AdminToken.Check.MISSING);
    }

    @Test
    void check_otherToken_isWrong() {
        assertThat(guarded.check(HttpRequest.GET("/stats").bearerAuth("s3cret-admin2"), false))
                .isEqualTo(AdminToken.Check.WRONG);
        assertThat(guarded.check(HttpRequest.GET("/stats").bearerAuth("s3cret"), false))
                .isEqualTo(AdminToken.Check.WRONG);
    }

    @Test
    void check_queryParameter_countsOnlyWhereAllowed() {
        HttpRequest<?> request = HttpRequest.GET("/dashboard?token=" + TOKEN);

        assertThat(guarded.check(request, true)).isEqualTo(AdminToken.Check.ADMITTED);
        assertThat(guarded.check(request, false)).isEqualTo(AdminToken.Check.MISSING);
    }

    @Test
    void guard_missingToken_answers401WithAnOpenAiErrorAndChallenge() {
        HttpResponse<?> response = new StatsGuardFilter(guarded).guard(HttpRequest.GET("/stats"));

        assertThat(response).isNotNull();
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
        assertThat(new String((byte[]) response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"code\":\"missing_admin_token\"");
    }

    @Test
    void guard_wrongToken_answers403() {
        HttpResponse<?> response =
                new StatsGuardFilter(guarded).guard(HttpRequest.GET("/stats").bearerAuth("nope"));

        assertThat(response).isNotNull();
        assertThat(response.code()).isEqualTo(403);
    }

    @Test
    void guard_rightTokenOrNoneConfigured_letsTheRequestThrough() {
        assertThat(new StatsGuardFilter(guarded).guard(HttpRequest.GET("/stats").bearerAuth(TOKEN)))
                .isNull();
        assertThat(new StatsGuardFilter(open).guard(HttpRequest.GET("/stats"))).isNull();
    }
}
