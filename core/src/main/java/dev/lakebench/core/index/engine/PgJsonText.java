package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text laid out as PostgreSQL prints it: {@code jsonb} as {@code {"a": 1, "b": [1, 2]}} with keys in
 * jsonb's order (shorter keys first, then by bytes; a repeated key keeps its last value), {@code json} built by
 * {@code json_build_object} as {@code {"a" : 1}}. Numbers keep their written digits. Text that is not JSON is
 * returned unchanged.
 */
final class PgJsonText {

    /** Decimals exactly as written ({@code 2.50} stays {@code 2.50}, as jsonb keeps it). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    /** jsonb's key order: by length in bytes, then bytewise. */
    private static final Comparator<String> JSONB_KEYS = Comparator.comparingInt((String k) -> bytes(k).length)
            .thenComparing((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b)));

    private PgJsonText() {}

    /** {@code style}: {@code jsonb} or {@code json}. */
    static String format(String json, String style) {
        boolean jsonb = "jsonb".equals(style);
        try {
            StringBuilder sb = new StringBuilder(json.length() + 16);
            write(JSON.readTree(json), jsonb, sb);
            return sb.toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    /** A parsed value as jsonb prints it. */
    static String jsonb(JsonNode n) {
        try {
            StringBuilder sb = new StringBuilder();
            write(n, true, sb);
            return sb.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code jsonb_pretty}: jsonb's order, one value a line, indented by four spaces. */
    static String pretty(String json) {
        try {
            StringBuilder sb = new StringBuilder(json.length() * 2);
            pretty(JSON.readTree(json), "", sb);
            return sb.toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    /** {@code jsonb_strip_nulls}: object fields whose value is null removed, at every depth (array nulls stay). */
    static String stripNulls(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            strip(n);
            StringBuilder sb = new StringBuilder(json.length());
            write(n, true, sb);
            return sb.toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static void strip(JsonNode n) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                }
            });
            o.remove(nulls);
        }
        n.forEach(PgJsonText::strip);
    }

    private static void pretty(JsonNode n, String indent, StringBuilder sb) throws JsonProcessingException {
        String inner = indent + "    ";
        if (n.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            n.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            List<String> keys = new ArrayList<>(fields.keySet());
            keys.sort(JSONB_KEYS);
            sb.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                sb.append(inner).append(JSON.writeValueAsString(keys.get(i))).append(": ");
                pretty(fields.get(keys.get(i)), inner, sb);
                sb.append(i < keys.size() - 1 ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (n.isArray()) {
            sb.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                sb.append(inner);
                pretty(n.get(i), inner, sb);
                sb.append(i < n.size() - 1 ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else {
            write(n, true, sb);
        }
    }

    private static void write(JsonNode n, boolean jsonb, StringBuilder sb) throws JsonProcessingException {
        if (n.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            n.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            List<String> keys = new ArrayList<>(fields.keySet());
            if (jsonb) {
                keys.sort(JSONB_KEYS);
            }
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(JSON.writeValueAsString(keys.get(i)));
                sb.append(jsonb ? ": " : " : ");
                write(fields.get(keys.get(i)), jsonb, sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                write(n.get(i), jsonb, sb);
            }
            sb.append(']');
        } else if (n.isBigDecimal()) {
            sb.append(n.decimalValue().toPlainString());
        } else {
            sb.append(JSON.writeValueAsString(n));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
