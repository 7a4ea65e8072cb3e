package dev.lakebench.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Java values as JSON text: maps (keys as strings, in the map's order), lists and other iterables, arrays,
 * strings, numbers, booleans, {@link JsonNode}s and null. What a caller hands to a JSON column without writing the
 * text itself. Written through the generator, without a mapper (see {@link JsonTrees} for why).
 */
public final class JavaJson {

    private JavaJson() {}

    /** Thrown for a value JSON cannot hold; the message names it (its class, or the number). */
    public static final class NotJson extends IllegalArgumentException {
        NotJson(String message) {
            super(message);
        }
    }

    /** The value's JSON text. */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTrees.generator(text)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case CharSequence s -> g.writeString(s.toString());
            case Boolean b -> g.writeBoolean(b);
            case Character c -> g.writeString(c.toString());
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Short s -> g.writeNumber(s);
            case Byte b -> g.writeNumber(b);
            case BigInteger i -> g.writeNumber(i);
            case BigDecimal d -> g.writeNumber(d);
            case Double d -> g.writeNumber(finite(d));
            case Float f -> g.writeNumber((float) finite(f));
            case JsonNode n -> JsonTrees.write(g, n);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getKey() == null) {
                        throw new NotJson("a map key that is null (JSON object keys are strings)");
                    }
                    g.writeFieldName(e.getKey().toString());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Iterable<?> items -> {
                g.writeStartArray();
                for (Object item : items) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            default -> {
                if (!v.getClass().isArray() || v instanceof byte[]) {
                    throw new NotJson("a " + v.getClass().getName());
                }
                g.writeStartArray();
                for (int i = 0, n = Array.getLength(v); i < n; i++) {
                    write(g, Array.get(v, i));
                }
                g.writeEndArray();
            }
        }
    }

    private static double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NotJson("the number " + d + " (JSON has no NaN or infinity)");
        }
        return d;
    }
}
