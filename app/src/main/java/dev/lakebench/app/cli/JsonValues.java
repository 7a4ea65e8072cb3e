package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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

    public static JsonNode value(Object v) {
        return switch (v) {
            case null -> F.nullNode();
            case String s -> F.textNode(s);
            case Long l -> F.numberNode(l);
            case Integer n -> F.numberNode(n);
            case Double d -> d.isNaN() || d.isInfinite() ? F.textNode(d.toString()) : F.numberNode(d);
            case Float f -> F.numberNode(f);
            case Boolean b -> F.booleanNode(b);
            case BigDecimal d -> F.numberNode(d);
            case BigInteger b -> F.numberNode(b);
            case byte[] b -> F.textNode(Base64.getEncoder().encodeToString(b));
            case float[] f -> floats(f);
            case float[][] m -> {
                ArrayNode a = F.arrayNode();
                for (float[] r : m) {
                    a.add(floats(r));
                }
                yield a;
            }
            case List<?> list -> {
                ArrayNode a = F.arrayNode();
                for (Object o : list) {
                    a.add(value(o));
                }
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = F.objectNode();
                map.forEach((k, val) -> o.set(String.valueOf(k), value(val)));
                yield o;
            }
            default -> F.textNode(v.toString());
        };
    }

    private static ArrayNode floats(float[] f) {
        ArrayNode a = F.arrayNode(f.length);
        for (float x : f) {
            a.add(x);
        }
        return a;
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
