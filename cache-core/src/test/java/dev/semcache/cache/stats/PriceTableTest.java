package dev.semcache.cache.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PriceTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gpt-4.1, 2.00, 8.00",
        "gpt-4.1-mini, 0.40, 1.60",
        "gpt-4.1-nano, 0.10, 0.40",
        "gpt-4o, 2.50, 10.00",
        "gpt-4o-mini, 0.15, 0.60",
        "claude-sonnet-4-5, 3.00, 15.00",
        "gemini-2.5-flash, 0.30, 2.50",
        "gemini-2.5-pro, 1.25, 10.00",
        "deepseek-chat, 0.28, 0.42",
        "qwen-plus, 0.40, 1.20",
        "qwen-max, 1.60, 6.40"
    })
    void defaults_listedModel_listPricePerMillion(String model, String input, String output) {
        ModelPrice price = PriceTable.defaults().price(model).orElseThrow();

        assertThat(price.inputPerMillion()).isEqualByComparingTo(input);
        assertThat(price.outputPerMillion()).isEqualByComparingTo(output);
    }

    @Test
    void defaults_sourceAndDate_present() {
        assertThat(PriceTable.defaults().source()).contains("OpenAI");
        assertThat(PriceTable.defaults().asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gpt-4o-2024-08-06, gpt-4o",
        "GPT-4o-Mini-2024-07-18, gpt-4o-mini",
        "claude-sonnet-4-5-20250929, claude-sonnet-4-5",
        "openai/gpt-4.1-mini, gpt-4.1-mini",
        "qwen-plus-2025-07-28, qwen-plus"
    })
    void price_datedOrPrefixedName_matchesBaseModel(String name, String base) {
        PriceTable table = PriceTable.defaults();

        assertThat(table.price(name)).isEqualTo(table.price(base)).isPresent();
    }

    @Test
    void price_unknownModel_empty() {
        assertThat(PriceTable.defaults().price("my-local-llama")).isEmpty();
        assertThat(PriceTable.empty().price("gpt-4o")).isEmpty();
    }

    @Test
    void builder_fileAndPut_overrideDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file,
                "{\"source\":\"contract\",\"asOf\":\"2025-12-01\",\"models\":{"
                        + "\"GPT-4o\":{\"input\":1.00,\"output\":4.00},\"my-model\":{\"input\":0.5,\"output\":1}}}");

        PriceTable table = PriceTable.builder()
                .loadDefaults()
                .load(file)
                .put("gpt-4o-mini", ModelPrice.perMillion("0.10", "0.50"))
                .build();

        assertThat(table.price("gpt-4o").orElseThrow()).isEqualTo(ModelPrice.perMillion("1.00", "4.00"));
        assertThat(table.price("my-model")).isPresent();
        assertThat(table.price("gpt-4o-mini").orElseThrow().outputPerMillion()).isEqualByComparingTo("0.50");
        assertThat(table.price("gpt-4.1")).isPresent();
        assertThat(table.source()).isEqualTo("contract");
    }

    @Test
    void builder_malformedTable_namedProblem() {
        assertThatThrownBy(() -> PriceTable.builder().loadJson("{\"models\":{\"m\":{\"input\":1}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'm' needs numeric \"input\" and \"output\"");
        assertThatThrownBy(() -> PriceTable.builder().loadJson("[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"models\"");
        assertThatThrownBy(() -> ModelPrice.perMillion("-1", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void nanoUsd_tokens_exactAndSaturated() {
        ModelPrice price = ModelPrice.perMillion("0.15", "0.60");

        assertThat(price.nanoUsd(1000, 500)).isEqualTo(450_000);
        assertThat(price.nanoUsd(1, 0)).isEqualTo(150);
        assertThat(new ModelPrice(new BigDecimal("1000000"), BigDecimal.ZERO).nanoUsd(Long.MAX_VALUE, 0))
                .isEqualTo(Long.MAX_VALUE);
    }
}
