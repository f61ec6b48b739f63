package dev.semcache.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The shared Jackson mapper and canonical JSON: object keys sorted at every level, no insignificant whitespace. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** Parses JSON text, naming the setting in the error. */
    static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses and canonicalises a JSON value of any type. */
    static String canonical(String json, String what) {
        return write(canonical(parse(json, what)));
    }

    /** Parses and canonicalises a JSON array. */
    static String canonicalArray(String json, String what) {
        JsonNode node = parse(json, what);
        if (!node.isArray()) {
            throw new IllegalArgumentException(what + " must be a JSON array, was " + node.getNodeType());
        }
        return write(canonical(node));
    }

    /** Parses and canonicalises a JSON object. */
    static String canonicalObject(String json, String what) {
        JsonNode node = parse(json, what);
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, was " + node.getNodeType());
        }
        return write(canonical(node));
    }

    /** Returns a copy of the node with the keys of every object sorted. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            fields.addAll(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                sorted.set(field.getKey(), canonical(field.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode element : node) {
                copy.add(canonical(element));
            }
            return copy;
        }
        if (node.isBigDecimal()) {
            // 1.0 and 1.00 mean the same number; strip the scale so they hash the same.
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    /** Writes a node as compact JSON. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // Writing a tree never fails for lack of input; only a bug gets here.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static List<String> unmodifiableCopy(List<String> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
