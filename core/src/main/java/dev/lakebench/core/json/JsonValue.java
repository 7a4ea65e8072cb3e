package dev.lakebench.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A result value as JSON: bytes as base64 strings, vectors as arrays of numbers, lists as arrays, structs as
 * objects, NULL as null. The one spelling of a value as JSON, shared by JSON output and by the nested values of CSV.
 */
public final class JsonValue {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonValue() {}

    public static JsonNode of(Object v) {
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
                    a.add(of(o));
                }
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = F.objectNode();
                map.forEach((k, val) -> o.set(String.valueOf(k), of(val)));
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
}
