package dev.semcache.cache.stats;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.semcache.SemcacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * List prices of models in US dollars per one million input and output tokens, to turn saved tokens into saved money.
 *
 * <p>The bundled table, {@code dev/semcache/cache/prices.json}, holds the public list prices of common OpenAI,
 * Anthropic, Google, DeepSeek and Qwen models at the date in {@link #asOf()}. Providers change prices: override or
 * extend it with {@link Builder#load(Path)} and {@link Builder#put(String, ModelPrice)}.
 *
 * <p>A JSON price file looks like this (input and output in USD per one million tokens):
 *
 * <pre>{@code
 * {
 *   "source": "our negotiated prices",
 *   "asOf": "2025-11-20",
 *   "models": {
 *     "gpt-4.1": {"input": 2.00, "output": 8.00},
 *     "my-finetune": {"input": 3.00, "output": 12.00}
 *   }
 * }
 * }</pre>
 *
 * <p><b>Model name matching</b> ({@link #price(String)}), case-insensitive, first match wins: the exact name; then the
 * name without a provider prefix ({@code openai/gpt-4o} becomes {@code gpt-4o}); then either with dated suffixes
 * removed ({@code gpt-4o-2024-08-06} and {@code claude-sonnet-4-5-20250929} become {@code gpt-4o} and {@code
 * claude-sonnet-4-5}). A model that still matches nothing has no price: callers count its tokens but report its
 * dollars as unknown, never as zero.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PriceTable {
    /** The class-path location of the bundled table. */
    public static final String DEFAULT_RESOURCE = "/dev/semcache/cache/prices.json";

    private static final Pattern DATED_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|\\d{2}-\\d{2})$");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static volatile @Nullable PriceTable defaults;

    private final SortedMap<String, ModelPrice> prices;
    private final String source;
    private final String asOf;

    private PriceTable(SortedMap<String, ModelPrice> prices, String source, String asOf) {
        this.prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        this.source = source;
        this.asOf = asOf;
    }

    /**
     * Returns the bundled price table.
     *
     * @return the table, loaded once
     * @throws SemcacheException if the bundled resource is missing or malformed (a packaging error)
     */
    public static PriceTable defaults() {
        PriceTable table = defaults;
        if (table == null) {
            table = builder().loadDefaults().build();
            defaults = table;
        }
        return table;
    }

    /**
     * Returns an empty table: every model has an unknown price.
     *
     * @return the table
     */
    public static PriceTable empty() {
        return builder().build();
    }

    /**
     * Returns a new, empty builder; call {@link Builder#loadDefaults()} to start from the bundled prices.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder filled with this table's prices.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prices.putAll(prices);
        b.source = source;
        b.asOf = asOf;
        return b;
    }

    /**
     * Finds the price of a model, matching its name as the class description explains.
     *
     * @param model the model name as a request or response gave it
     * @return the price, or empty when the table does not know the model
     */
    public Optional<ModelPrice> price(String model) {
        requireNonNull(model, "model");
        for (String candidate : candidates(model)) {
            ModelPrice price = prices.get(candidate);
            if (price != null) {
                return Optional.of(price);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns every price by lower-case model name.
     *
     * @return an unmodifiable map sorted by name
     */
    public SortedMap<String, ModelPrice> prices() {
        return prices;
    }

    /**
     * Returns where the prices come from, as the loaded file said.
     *
     * @return the source note, empty when none was given
     */
    public String source() {
        return source;
    }

    /**
     * Returns the date the prices were checked, as the loaded file said.
     *
     * @return the date (ISO 8601), empty when none was given
     */
    public String asOf() {
        return asOf;
    }

    private static Set<String> candidates(String model) {
        String lower = model.strip().toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        names.add(lower);
        int slash = lower.lastIndexOf('/');
        if (slash >= 0 && slash < lower.length() - 1) {
            names.add(lower.substring(slash + 1));
        }
        Set<String> result = new LinkedHashSet<>(names);
        for (String name : names) {
            String stripped = name;
            while (true) {
                String next = DATED_SUFFIX.matcher(stripped).replaceFirst("");
                if (next.equals(stripped) || next.isEmpty()) {
                    break;
                }
                stripped = next;
                result.add(stripped);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "PriceTable[models=" + prices.size() + ", asOf=" + asOf + "]";
    }

    /**
     * Fills a {@link PriceTable}. Later entries replace earlier ones of the same (lower-cased) model name; the source
     * and date are those of the last loaded file. Not thread-safe.
     */
    public static final class Builder {
        private final SortedMap<String, ModelPrice> prices = new TreeMap<>();
        private String source = "";
        private String asOf = "";

        private Builder() {}

        /**
         * Adds the bundled prices.
         *
         * @return this builder
         * @throws SemcacheException if the bundled resource is missing or malformed
         */
        public Builder loadDefaults() {
            try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new SemcacheException("bundled price table " + DEFAULT_RESOURCE + " is missing");
                }
                return load(in, DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new SemcacheException("cannot read bundled price table " + DEFAULT_RESOURCE, e);
            }
        }

        /**
         * Adds the prices of a JSON price file, replacing those of the same models.
         *
         * @param file the file, in the format the class description shows
         * @return this builder
         * @throws UncheckedIOException if the file cannot be read
         * @throws IllegalArgumentException if the file is not a valid price table, naming the problem
         */
        public Builder load(Path file) {
            requireNonNull(file, "file");
            try (InputStream in = Files.newInputStream(file)) {
                return load(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read price table " + file, e);
            }
        }

        /**
         * Adds the prices of a JSON price table given as text.
         *
         * @param json the table, in the format the class description shows
         * @return this builder
         * @throws IllegalArgumentException if the text is not a valid price table, naming the problem
         */
        public Builder loadJson(String json) {
            requireNonNull(json, "json");
            try {
                return apply(MAPPER.readTree(json), "price table");
            } catch (IOException e) {
                throw new IllegalArgumentException("price table is not valid JSON: " + e.getMessage(), e);
            }
        }

        private Builder load(InputStream in, String name) throws IOException {
            JsonNode root;
            try {
                root = MAPPER.readTree(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(name + " is not valid JSON: " + e.getMessage(), e);
            }
            return apply(root, name);
        }

        private Builder apply(JsonNode root, String name) {
            if (root == null || !root.isObject() || !root.path("models").isObject()) {
                throw new IllegalArgumentException(name + " must be a JSON object with a \"models\" object");
            }
            SortedMap<String, ModelPrice> loaded = new TreeMap<>();
            for (Map.Entry<String, JsonNode> model : root.get("models").properties()) {
                JsonNode input = model.getValue().get("input");
                JsonNode output = model.getValue().get("output");
                if (input == null || !input.isNumber() || output == null || !output.isNumber()) {
                    throw new IllegalArgumentException(name + ": model '" + model.getKey()
                            + "' needs numeric \"input\" and \"output\" prices (USD per 1M tokens)");
                }
                loaded.put(key(model.getKey()), new ModelPrice(input.decimalValue(), output.decimalValue()));
            }
            prices.putAll(loaded);
            source = root.path("source").asText("");
            asOf = root.path("asOf").asText("");
            return this;
        }

        /**
         * Sets the price of one model.
         *
         * @param model the model name; matched case-insensitively
         * @param price its price
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder put(String model, ModelPrice price) {
            prices.put(key(model), requireNonNull(price, "price"));
            return this;
        }

        /**
         * Sets the prices of several models.
         *
         * @param modelPrices model name to price
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder putAll(Map<String, ModelPrice> modelPrices) {
            requireNonNull(modelPrices, "modelPrices").forEach(this::put);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         */
        public PriceTable build() {
            return new PriceTable(prices, source, asOf);
        }

        private static String key(String model) {
            requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank");
            }
            return model.strip().toLowerCase(Locale.ROOT);
        }
    }
}
