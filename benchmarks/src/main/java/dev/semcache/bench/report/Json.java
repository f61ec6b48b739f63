package dev.semcache.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semcache.bench.eval.Confusion;

/**
 * The JSON the commands print and write: one shared mapper and the fields of a {@link Confusion}.
 *
 * @since 0.1.0
 */
public final class Json {

    /** The mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /**
     * Returns a new empty object.
     *
     * @return the object
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Writes counts and rates into an object: {@code rows}, {@code hits}, {@code tp}, {@code fp}, {@code tn},
     * {@code fn}, {@code precision}, {@code recall}, {@code f1}, {@code falseHitRate}, {@code hitRate}.
     *
     * @param node the object to fill
     * @param counts the counts
     * @return the object
     */
    public static ObjectNode put(ObjectNode node, Confusion counts) {
        node.put("rows", counts.rows());
        node.put("hits", counts.hits());
        node.put("tp", counts.tp());
        node.put("fp", counts.fp());
        node.put("tn", counts.tn());
        node.put("fn", counts.fn());
        node.put("precision", round(counts.precision()));
        node.put("recall", round(counts.recall()));
        node.put("f1", round(counts.f1()));
        node.put("falseHitRate", round(counts.falseHitRate()));
        node.put("hitRate", round(counts.hitRate()));
        return node;
    }

    /**
     * Rounds to six decimals, enough for rates over millions of rows and short to read.
     *
     * @param value the value
     * @return the rounded value
     */
    public static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value;
    }

    /**
     * Writes a node on one line.
     *
     * @param node the node
     * @return its JSON text
     */
    public static String line(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
