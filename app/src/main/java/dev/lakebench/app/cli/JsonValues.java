package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.json.JsonTrees;
import dev.lakebench.core.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between result values and JSON as the CLI contract says: bytes as base64 strings, vectors as arrays
 * of numbers, NULL as null; and parses JSON parameter literals and column files into Java values.
 *
 * <p>Output goes through jackson-core's generator ({@link JsonTrees#write}), not an {@code ObjectMapper}: building a
 * mapper loads its serializer machinery (some 350 classes), which a command printing JSON would pay at every start,
 * and which the start-up cache, trained on those commands, would load at the start of every other command too.
 */
public final class JsonValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonValues() {}

    /** The mapper for reading column files with a mapper's options (duplicate keys refused), made on first use. */
    public static ObjectMapper mapper() {
        return Reader.MAPPER;
    }

    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** An empty JSON array, to fill and {@link #toJson write}. */
    public static ArrayNode array() {
        return F.arrayNode();
    }

    /** An empty JSON object, to fill and {@link #toJson write}. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    public static ObjectNode row(Row row) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < row.width(); i++) {
            o.set(row.columns().get(i), value(row.get(i)));
        }
        return o;
    }

    /** The value as JSON, spelled as everywhere else ({@link JsonValue}). */
    public static JsonNode value(Object v) {
        return JsonValue.of(v);
    }

    /** A JSON literal as a parameter value: strings, integers (Long), decimals (Double), booleans, null, number arrays (float[]). */
    public static Object parameter(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        try {
            return fromJson(JsonTrees.read(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string is read without I/O
        }
    }

    public static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            boolean numbers = n.size() > 0;
            boolean arrays = n.size() > 0;
            for (JsonNode e : n) {
                numbers &= e.isNumber();
                arrays &= e.isArray();
            }
            if (numbers) {
                float[] f = new float[n.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) n.get(i).doubleValue();
                }
                return f;
            }
            List<Object> out = new ArrayList<>();
            for (JsonNode e : n) {
                out.add(fromJson(e));
            }
            if (arrays && out.stream().allMatch(o -> o instanceof float[])) {
                return out.toArray(new float[0][]);
            }
            return out;
        }
        return JsonTrees.toJson(n);
    }
}
