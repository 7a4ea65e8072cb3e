package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code jsonb_set(target, path, new_value, create_if_missing)}: the value at the path replaced, or
 * added when only the last step is missing and {@code create_if_missing} is true (an array index past the end
 * appends, one before the start prepends; a negative index counts from the end). A path through a scalar or a
 * missing intermediate step leaves the target as it is, as in PostgreSQL. The result is jsonb text.
 */
final class PgJsonSet {

    /** Decimals exactly as written: PostgreSQL keeps {@code 2.50} inside a jsonb value. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private PgJsonSet() {}

    static String set(String target, String path, String value, String createIfMissing) {
        JsonNode root = read(target, "jsonb_set() target");
        JsonNode replacement = read(value, "jsonb_set() new value");
        boolean create = !createIfMissing.equalsIgnoreCase("false") && !createIfMissing.equalsIgnoreCase("f");
        if (!root.isContainerNode()) {
            throw new EngineFunctionError(
                    "cannot set path in scalar", "jsonb_set() changes a value inside an object or an array");
        }
        List<String> steps = path(path);
        if (steps.isEmpty()) {
            return PgJsonText.jsonb(root);
        }
        set(root, steps, 0, replacement, create);
        return PgJsonText.jsonb(root);
    }

    private static void set(JsonNode node, List<String> steps, int at, JsonNode value, boolean create) {
        String step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (node instanceof ObjectNode o) {
            JsonNode child = o.get(step);
            if (last) {
                if (child != null || create) {
                    o.set(step, value);
                }
            } else if (child != null) {
                set(child, steps, at + 1, value, create);
            }
        } else if (node instanceof ArrayNode a) {
            int index;
            try {
                index = Integer.parseInt(step.strip());
            } catch (NumberFormatException e) {
                throw new EngineFunctionError(
                        "path element at position " + (at + 1) + " is not an integer: \"" + step + "\"",
                        "An array in the path is stepped into by its position, e.g. '{items,0,name}'");
            }
            if (index < 0) {
                index += a.size();
            }
            if (index >= 0 && index < a.size()) {
                if (last) {
                    a.set(index, value);
                } else {
                    set(a.get(index), steps, at + 1, value, create);
                }
            } else if (last && create) {
                if (index < 0) {
                    a.insert(0, value);
                } else {
                    a.add(value);
                }
            }
        }
        // a scalar on the way: nothing to set, as in PostgreSQL
    }

    private static JsonNode read(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EngineFunctionError(
                    "invalid input syntax for type json in " + what + ": " + text,
                    "Write the value as JSON text, e.g. '\"text\"' for a string or '[1, 2]' for an array");
        }
    }

    /**
     * The steps of a path: PostgreSQL's text array ({@code {a,0,"b c"}}) or the engine's text of a list
     * ({@code [a, 0, b c]}).
     */
    static List<String> path(String text) {
        String t = text.strip();
        List<String> out = new ArrayList<>();
        if (t.startsWith("[") && t.endsWith("]")) {
            String body = t.substring(1, t.length() - 1);
            if (!body.isBlank()) {
                for (String s : body.split(", ", -1)) {
                    out.add(s);
                }
            }
            return out;
        }
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw new EngineFunctionError(
                    "malformed array literal: \"" + text + "\"",
                    "Write the path as a text array, e.g. '{address,city}' or ARRAY['address', 'city']");
        }
        String body = t.substring(1, t.length() - 1);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < body.length()) {
                    cur.append(body.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                out.add(any ? cur.toString() : cur.toString().strip());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (!body.isBlank()) {
            out.add(any ? cur.toString() : cur.toString().strip());
        }
        return out;
    }
}
