package dev.semcache.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CacheControlTest {

    @Test
    void parse_directivesInAnyCaseAndHeader_areFound() {
        assertThat(CacheControl.parse(List.of("max-age=0, No-Cache", "no-store")))
                .isEqualTo(new CacheControl(true, true));
    }

    @Test
    void parse_absent_isNeither() {
        assertThat(CacheControl.parse(List.of())).isEqualTo(new CacheControl(false, false));
        assertThat(CacheControl.parse(List.of("max-age=60"))).isEqualTo(new CacheControl(false, false));
    }
}
