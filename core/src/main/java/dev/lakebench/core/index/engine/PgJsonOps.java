package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * jsonb's {@code ||} and {@code -} as PostgreSQL computes them; the engine's {@code ||} joins the two texts and it
 * has no {@code -} on JSON. Results are jsonb text.
 */
final class PgJsonOps {

    /** Decimals exactly as written: PostgreSQL keeps {@code 2.50} inside a jsonb value. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private PgJsonOps() {}

    /**
     * {@code a || b}: two objects merge (the right side's value wins for a key both have, nothing nested is
     * merged); otherwise both sides are read as arrays (a non-array is an array of one) and joined.
     */
    static String concat(String left, String right) {
        JsonNode a = read(left);
        JsonNode b = read(right);
        if (a.isObject() && b.isObject()) {
            ObjectNode out = ((ObjectNode) a).deepCopy();
            out.setAll((ObjectNode) b);
            return PgJsonText.jsonb(out);
        }
        ArrayNode out = JSON.createArrayNode();
        addAll(out, a);
        addAll(out, b);
        return PgJsonText.jsonb(out);
    }

    /**
     * {@code a - key} ({@code kind} 'text'): the object without that key, or the array without the strings equal
     * to it; {@code a - n} ({@code kind} 'int'): the array without its element n (negative counts from the end).
     */
    static String delete(String target, String key, String kind) {
        JsonNode a = read(target);
        if (!a.isContainerNode()) {
            throw new EngineFunctionError(
                    "cannot delete from scalar", "- removes a key of an object or an element of an array");
        }
        if (kind.equals("int")) {
            if (a.isObject()) {
                throw new EngineFunctionError(
                        "cannot delete from object using integer index", "Remove a key of an object with - 'key'");
            }
            ArrayNode arr = (ArrayNode) a;
            int n = Integer.parseInt(key.strip());
            int at = n < 0 ? arr.size() + n : n;
            if (at >= 0 && at < arr.size()) {
                arr.remove(at);
            }
            return PgJsonText.jsonb(arr);
        }
        if (a instanceof ObjectNode o) {
            o.remove(key);
            return PgJsonText.jsonb(o);
        }
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode e : a) {
            if (!e.isTextual() || !e.textValue().equals(key)) {
                out.add(e);
            }
        }
        return PgJsonText.jsonb(out);
    }

    private static void addAll(ArrayNode out, JsonNode n) {
        if (n.isArray()) {
            out.addAll((ArrayNode) n);
        } else {
            out.add(n);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EngineFunctionError(
                    "invalid input syntax for type json: " + text, "Write the value as JSON text, e.g. '{\"a\": 1}'");
        }
    }
}
