package dev.lakebench.core.sql;

import java.util.Map;

/**
 * Type names users write in casts that the engine does not know: the Lakebench domain types (bytes with a
 * meaning, vectors) and PostgreSQL spellings. Everything else is left to the engine.
 */
final class DomainTypes {

    private DomainTypes() {}

    private static final Map<String, String> ENGINE = Map.ofEntries(
            Map.entry("IMAGE", "BLOB"),
            Map.entry("VIDEO", "BLOB"),
            Map.entry("SEGMENT_MASK", "BLOB"),
            Map.entry("BINARY_MASK", "BLOB"),
            Map.entry("MESH", "BLOB"),
            Map.entry("MEDICAL", "BLOB"),
            Map.entry("POLYGON", "BLOB"),
            Map.entry("FILE", "BLOB"),
            Map.entry("BINARY", "BLOB"),
            Map.entry("FILE_ID", "UUID"),
            Map.entry("EMBEDDING", "FLOAT[]"),
            Map.entry("EMBEDDING_2D", "FLOAT[][]"),
            Map.entry("BOUNDING_BOX", "FLOAT[]"),
            Map.entry("POINT", "FLOAT[]"),
            Map.entry("CLASS_LABEL", "INTEGER"),
            Map.entry("INT32", "INTEGER"),
            Map.entry("INT64", "BIGINT"),
            Map.entry("FLOAT32", "FLOAT"),
            Map.entry("FLOAT64", "DOUBLE"),
            Map.entry("BOOL", "BOOLEAN"),
            Map.entry("JSONB", "JSON"));

    /** The engine type for a cast target written as {@code type} (upper case, no spaces), or null to keep it. */
    static String engineType(String type) {
        return ENGINE.get(type);
    }
}
