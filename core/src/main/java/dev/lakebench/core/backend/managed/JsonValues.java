package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Java values to JSON parameters and JSON result values back to the plain Java values rows hold (the same as
 * the local backend's: Long, Double, String, Boolean, byte[], float[], float[][], List, Map).
 */
final class JsonValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private JsonValues() {}

    /** A {@code $n} parameter as JSON: byte[] as PostgreSQL's hex text ({@code \x89504e...}), vectors as arrays. */
    static JsonNode param(Object v, int index) {
        return switch (v) {
            case null -> F.nullNode();
            case String s -> F.textNode(s);
            case Long l -> F.numberNode(l);
            case Integer i -> F.numberNode(i);
            case Short s -> F.numberNode(s);
            case Byte b -> F.numberNode(b);
            case Double d -> F.numberNode(d);
            case Float f -> F.numberNode(f);
            case Boolean b -> F.booleanNode(b);
            case BigDecimal d -> F.numberNode(d);
            case BigInteger b -> F.numberNode(b);
            case byte[] b -> F.textNode("\\x" + HEX.formatHex(b));
            case UUID u -> F.textNode(u.toString());
            case Temporal t -> F.textNode(t.toString());
            case float[][] m -> {
                ArrayNode a = F.arrayNode(m.length);
                for (float[] r : m) {
                    a.add(floats(r));
                }
                yield a;
            }
            default -> {
                float[] f = Values.toFloats(v);
                if (f == null) {
                    throw new QueryError(
                            ErrorCode.QUERY_PARAMETER,
                            "Parameter $" + index + " has a type that cannot be bound: "
                                    + v.getClass().getName(),
                            "Pass a string, number, boolean, byte[], float[] or null");
                }
                yield floats(f);
            }
        };
    }

    static ArrayNode floats(float[] f) {
        ArrayNode a = F.arrayNode(f.length);
        for (float x : f) {
            a.add(x);
        }
        return a;
    }

    /** A result value, typed by the column's known type when there is one ({@code null} = infer from JSON). */
    static Object value(JsonNode n, ColumnType known) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (known != null && n.isTextual()) {
            Object typed = TextForms.parse(n.asText(), known.storage());
            if (typed != null) {
                return typed;
            }
        }
        if (known != null) {
            switch (known.storage()) {
                case BYTES -> {
                    if (n.isTextual()) {
                        byte[] b = bytes(n.asText());
                        if (b != null) {
                            return b;
                        }
                    }
                }
                case VECTOR, FLOAT_LIST -> {
                    if (n.isArray()) {
                        float[] f = floatArray(n);
                        if (f != null) {
                            return f;
                        }
                    }
                }
                case MULTI_VECTOR -> {
                    if (n.isArray()) {
                        float[][] m = matrix(n);
                        if (m != null) {
                            return m;
                        }
                    }
                }
                case FLOAT32, FLOAT64 -> {
                    if (n.isNumber()) {
                        return n.doubleValue();
                    }
                }
                default -> {
                    // inferred below
                }
            }
        }
        return infer(n);
    }

    private static Object infer(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isArray()) {
            float[] f = floatArray(n);
            if (f != null) {
                return f;
            }
            float[][] m = matrix(n);
            if (m != null) {
                return m;
            }
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                out.add(infer(e));
            }
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            n.properties().forEach(e -> out.put(e.getKey(), infer(e.getValue())));
            return out;
        }
        return n.asText();
    }

    /** A non-empty array of numbers, as float[]; null otherwise. */
    static float[] floatArray(JsonNode n) {
        if (n.isEmpty()) {
            return null;
        }
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber()) {
                return null;
            }
            f[i] = e.floatValue();
        }
        return f;
    }

    private static float[][] matrix(JsonNode n) {
        if (n.isEmpty()) {
            return null;
        }
        float[][] m = new float[n.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode r = n.get(i);
            m[i] = r.isArray() ? floatArray(r) : null;
            if (m[i] == null) {
                return null;
            }
        }
        return m;
    }

    /** Bytes from PostgreSQL hex text ({@code \x...}) or base64; null when the text is neither. */
    static byte[] bytes(String s) {
        if (s.startsWith("\\x")) {
            try {
                return HEX.parseHex(s.substring(2));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(s.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Lakebench type a JSON value suggests, for result columns of no known table column. */
    static ColumnType inferredType(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> ColumnType.INT64;
            case Double d -> ColumnType.FLOAT64;
            case Boolean b -> ColumnType.BOOL;
            case String s -> ColumnType.TEXT;
            case byte[] b -> ColumnType.BINARY;
            case float[] f -> ColumnType.EMBEDDING;
            case float[][] f -> ColumnType.EMBEDDING_2D;
            default -> ColumnType.OTHER;
        };
    }
}
