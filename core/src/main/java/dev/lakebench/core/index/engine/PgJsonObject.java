package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PostgreSQL's {@code json_object(text[])} and {@code json_object(keys text[], values text[])} (and their jsonb
 * forms): an object built from a text array, read here as the engine's JSON of that array. The one-array form
 * takes alternating keys and values, or a two-column 2-D array of pairs. Values are strings (or null); a key may
 * not be null. The errors are PostgreSQL's.
 */
final class PgJsonObject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PgJsonObject() {}

    /** {@code json_object(array)}, laid out as {@code style} ({@code json} or {@code jsonb}) prints. */
    static String ofArray(String arrayJson, String style) {
        JsonNode a = read(arrayJson);
        ObjectNode out = JSON.createObjectNode();
        boolean pairs = !a.isEmpty() && a.get(0).isArray();
        if (pairs) {
            for (JsonNode pair : a) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new EngineFunctionError("array must have two columns", HINT);
                }
                if (pair.get(0).isArray()) {
                    throw new EngineFunctionError("wrong number of array subscripts", HINT);
                }
                put(out, pair.get(0), pair.get(1));
            }
        } else {
            if (a.size() % 2 != 0) {
                throw new EngineFunctionError("array must have even number of elements", HINT);
            }
            for (int i = 0; i < a.size(); i += 2) {
                put(out, a.get(i), a.get(i + 1));
            }
        }
        return PgJsonText.format(out.toString(), style);
    }

    /** {@code json_object(keys, values)}: two 1-D arrays of the same length. */
    static String ofPairs(String keysJson, String valuesJson, String style) {
        JsonNode keys = read(keysJson);
        JsonNode values = read(valuesJson);
        if (!keys.isEmpty() && keys.get(0).isArray()
                || !values.isEmpty() && values.get(0).isArray()) {
            throw new EngineFunctionError("wrong number of array subscripts", HINT);
        }
        if (keys.size() != values.size()) {
            throw new EngineFunctionError("mismatched array dimensions", HINT);
        }
        ObjectNode out = JSON.createObjectNode();
        for (int i = 0; i < keys.size(); i++) {
            put(out, keys.get(i), values.get(i));
        }
        return PgJsonText.format(out.toString(), style);
    }

    private static final String HINT =
            "Give json_object a text array of keys and values ('{a, 1, b, 2}'), of pairs ('{{a, 1}, {b, 2}}'), or"
                    + " two text arrays of keys and of values";

    private static void put(ObjectNode out, JsonNode key, JsonNode value) {
        if (key.isNull()) {
            throw new EngineFunctionError("null value not allowed for object key", HINT);
        }
        if (value.isNull()) {
            out.putNull(key.asText());
        } else {
            out.put(key.asText(), value.isTextual() ? value.asText() : value.toString());
        }
    }

    private static JsonNode read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (!n.isArray()) {
                throw new EngineFunctionError("json_object takes a text array, not " + json, HINT);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new EngineFunctionError("json_object takes a text array, not " + json, HINT);
        }
    }
}
