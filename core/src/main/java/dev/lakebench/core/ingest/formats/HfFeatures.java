package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.schema.ColumnType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one column of a Hugging Face parquet file becomes table columns, from the engine type and the
 * {@code datasets} feature recorded in the file's {@code huggingface} metadata: Image → IMAGE (the struct's bytes),
 * Audio → BINARY (the bytes of the encoded file), ClassLabel → CLASS_LABEL plus {@code <name>_name} holding the
 * label's name, fixed-length numeric sequences → EMBEDDING, plain values → their type, anything nested → JSON text.
 */
final class HfFeatures {

    /** How a value is taken from the result. */
    enum Read {
        OBJECT,
        BYTES,
        VECTOR,
        LABEL_NAME,
        SPLIT
    }

    /** One output column; {@code source} is the output it is derived from (LABEL_NAME), else -1. */
    record Output(String name, ColumnType type, String expression, Read read, List<String> labels, int source) {}

    private HfFeatures() {}

    static List<Output> plan(Map<String, String> engineTypes, JsonNode features) {
        ColumnNames names = new ColumnNames();
        engineTypes.keySet().forEach(names::unique);
        names.unique("split");
        List<Output> out = new ArrayList<>();
        for (var e : engineTypes.entrySet()) {
            String col = e.getKey();
            String type = e.getValue();
            JsonNode feature = features.path(col);
            String kind = feature.path("_type").asText("");
            String q = ParquetScan.quote(col);
            boolean struct = type.startsWith("STRUCT(") && type.contains("bytes BLOB");
            if (kind.equals("Image") && (struct || type.equals("BLOB"))) {
                out.add(new Output(col, ColumnType.IMAGE, struct ? q + ".bytes" : q, Read.BYTES, null, -1));
            } else if (kind.equals("Audio") && (struct || type.equals("BLOB"))) {
                out.add(new Output(col, ColumnType.BINARY, struct ? q + ".bytes" : q, Read.BYTES, null, -1));
            } else if (kind.equals("ClassLabel")
                    && EngineColumnTypes.scalar(type) != null
                    && EngineColumnTypes.scalar(type).isNumeric()) {
                List<String> labels = new ArrayList<>();
                feature.path("names").forEach(n -> labels.add(n.asText()));
                int source = out.size();
                out.add(new Output(col, ColumnType.CLASS_LABEL, q, Read.OBJECT, null, -1));
                if (!labels.isEmpty()) {
                    out.add(new Output(
                            names.unique(col + "_name"), ColumnType.TEXT, null, Read.LABEL_NAME, labels, source));
                }
            } else if (isVector(type, feature)) {
                out.add(new Output(col, ColumnType.EMBEDDING, q, Read.VECTOR, null, -1));
            } else if (EngineColumnTypes.scalar(type) != null) {
                ColumnType t = EngineColumnTypes.scalar(type);
                out.add(new Output(col, t, q, t == ColumnType.BINARY ? Read.BYTES : Read.OBJECT, null, -1));
            } else if (type.startsWith("STRUCT") || type.endsWith("]") || type.startsWith("MAP")) {
                out.add(new Output(col, ColumnType.TEXT, "to_json(" + q + ")::VARCHAR", Read.OBJECT, null, -1));
            } else {
                out.add(new Output(col, ColumnType.TEXT, "CAST(" + q + " AS VARCHAR)", Read.OBJECT, null, -1));
            }
        }
        out.add(new Output("split", ColumnType.TEXT, null, Read.SPLIT, null, -1));
        return out;
    }

    /** A numeric sequence of one declared length (or a fixed-size array): an embedding. */
    private static boolean isVector(String type, JsonNode feature) {
        String element = EngineColumnTypes.element(type);
        if (element == null
                || EngineColumnTypes.scalar(element) == null
                || !EngineColumnTypes.scalar(element).isNumeric()) {
            return false;
        }
        boolean fixedArray = !type.endsWith("[]");
        return fixedArray || feature.path("length").asInt(-1) > 0;
    }

    /** The {@code info.features} of a file's {@code huggingface} metadata (empty when absent or unreadable). */
    static JsonNode features(String metadata) {
        if (metadata == null) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(metadata);
            JsonNode f = n.path("info").path("features");
            return f.isObject() ? f : Json.MAPPER.createObjectNode();
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
