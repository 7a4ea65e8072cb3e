package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the body of {@code POST /workspaces/{ws}/tables/query} — {@code {"query", "params"?, "timeout_ms"?}} —
 * straight to bytes. Ingest batches carry megabytes of vector parameters, so values are streamed instead of
 * built as a JSON tree first; the encoding is that of {@link JsonValues#param}.
 */
final class QueryBody {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private QueryBody() {}

    static byte[] write(String sql, List<Object> params, Duration serverTimeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + sql.length() + params.size() * 16);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("query", sql);
            if (!params.isEmpty()) {
                g.writeArrayFieldStart("params");
                for (int i = 0; i < params.size(); i++) {
                    value(g, params.get(i), i + 1);
                }
                g.writeEndArray();
            }
            if (serverTimeout != null) {
                g.writeNumberField("timeout_ms", serverTimeout.toMillis());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator g, Object v, int index) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer n -> g.writeNumber(n);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case Boolean b -> g.writeBoolean(b);
            case float[] f -> floats(g, f);
            case float[][] m -> {
                g.writeStartArray();
                for (float[] r : m) {
                    floats(g, r);
                }
                g.writeEndArray();
            }
            case byte[] b -> g.writeString("\\x" + HEX.formatHex(b));
            default -> g.writeTree(JsonValues.param(v, index));
        }
    }

    private static void floats(JsonGenerator g, float[] f) throws IOException {
        g.writeStartArray();
        for (float x : f) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }
}
