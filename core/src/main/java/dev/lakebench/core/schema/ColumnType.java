package dev.lakebench.core.schema;

import java.util.Locale;
import java.util.Optional;

/** The column types of a Lakebench table (docs/spec/column-types.md). */
public enum ColumnType {
    TEXT(Storage.TEXT),
    INT32(Storage.INT32),
    INT64(Storage.INT64),
    FLOAT32(Storage.FLOAT32),
    FLOAT64(Storage.FLOAT64),
    BOOL(Storage.BOOL),
    BINARY(Storage.BYTES),
    IMAGE(Storage.BYTES),
    VIDEO(Storage.BYTES),
    SEGMENT_MASK(Storage.BYTES),
    BINARY_MASK(Storage.BYTES),
    MESH(Storage.BYTES),
    MEDICAL(Storage.BYTES),
    POLYGON(Storage.BYTES),
    /** 1-D float32 vector, fixed size per column. */
    EMBEDDING(Storage.VECTOR),
    /** Multi-vector: a variable number of float32 rows of a fixed size per column. */
    EMBEDDING_2D(Storage.MULTI_VECTOR),
    BOUNDING_BOX(Storage.FLOAT_LIST),
    POINT(Storage.FLOAT_LIST),
    CLASS_LABEL(Storage.INT32),
    /** Not stored: a directive saying the column holds paths of files to ingest. */
    FILE(Storage.NONE),
    /** A column created by SQL with an engine type outside docs/spec/column-types.md (DATE, TIMESTAMP, DECIMAL, ...). */
    OTHER(Storage.OTHER);

    /** How values of a type are kept. */
    public enum Storage {
        TEXT,
        INT32,
        INT64,
        FLOAT32,
        FLOAT64,
        BOOL,
        BYTES,
        VECTOR,
        MULTI_VECTOR,
        FLOAT_LIST,
        NONE,
        OTHER
    }

    private final Storage storage;

    ColumnType(Storage storage) {
        this.storage = storage;
    }

    public Storage storage() {
        return storage;
    }

    /** Bytes with a semantic domain or plain bytes. */
    public boolean isBytes() {
        return storage == Storage.BYTES;
    }

    public boolean isVector() {
        return storage == Storage.VECTOR || storage == Storage.MULTI_VECTOR;
    }

    public boolean isNumeric() {
        return switch (storage) {
            case INT32, INT64, FLOAT32, FLOAT64 -> true;
            default -> false;
        };
    }

    /**
     * Parses a type name as users write it: Lakebench type names in any case, plus the Postgres spellings pg_deeplake
     * accepts ({@code text}, {@code bytea}, {@code float4[]}, {@code int8}, ...).
     */
    public static Optional<ColumnType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        try {
            return Optional.of(valueOf(n));
        } catch (IllegalArgumentException e) {
            // fall through to aliases
        }
        return Optional.ofNullable(
                switch (n) {
                    case "VARCHAR", "STRING", "CHARACTER VARYING", "JSON", "JSONB" -> TEXT;
                    case "INT", "INTEGER", "INT4" -> INT32;
                    case "BIGINT", "INT8", "LONG", "SERIAL", "BIGSERIAL" -> INT64;
                    case "REAL", "FLOAT4", "FLOAT" -> FLOAT32;
                    case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> FLOAT64;
                    case "BOOLEAN" -> BOOL;
                    case "BYTEA", "BLOB", "BYTES" -> BINARY;
                    case "FLOAT4[]", "REAL[]", "FLOAT[]", "VECTOR" -> EMBEDDING;
                    case "FLOAT4[][]", "REAL[][]", "FLOAT[][]" -> EMBEDDING_2D;
                    default -> null;
                });
    }

    /** The accepted type names, for error messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ColumnType t : values()) {
            if (t == OTHER) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(t.name());
        }
        return sb.toString();
    }
}
