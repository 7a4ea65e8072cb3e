package dev.lakebench.core.store;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Locale;

/**
 * How each Lakebench type is stored in the engine. Vector columns hold a reference into their vector log,
 * wrapped in a one-field struct whose field name marks the column as a vector in any query result.
 */
public final class EngineTypes {

    /** Field of the struct that holds a 1-D vector reference. */
    public static final String VECTOR_FIELD = "lb_vec";
    /** Field of the struct that holds a multi-vector reference. */
    public static final String MULTI_VECTOR_FIELD = "lb_mvec";

    public static final String VECTOR_TYPE = "STRUCT(" + VECTOR_FIELD + " BIGINT)";
    public static final String MULTI_VECTOR_TYPE = "STRUCT(" + MULTI_VECTOR_FIELD + " BIGINT)";

    private EngineTypes() {}

    public static String of(Column c) {
        ColumnType t = c.type();
        return switch (t.storage()) {
            case TEXT -> c.isJson() ? "JSON" : "VARCHAR";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "FLOAT";
            case FLOAT64 -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case BYTES -> "BLOB";
            case VECTOR -> VECTOR_TYPE;
            case MULTI_VECTOR -> MULTI_VECTOR_TYPE;
            case FLOAT_LIST -> "FLOAT[]";
            case OTHER -> c.engineType();
            case NONE -> throw new IllegalArgumentException("column \"" + c.name() + "\" of type FILE is not stored");
        };
    }

    /** The Lakebench type of an engine column type (for tables made by SQL), OTHER when there is none. */
    public static ColumnType fromEngine(String engineType) {
        String t = engineType.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "VARCHAR" -> ColumnType.TEXT;
            case "INTEGER", "SMALLINT", "TINYINT" -> ColumnType.INT32;
            case "BIGINT" -> ColumnType.INT64;
            case "FLOAT" -> ColumnType.FLOAT32;
            case "DOUBLE" -> ColumnType.FLOAT64;
            case "BOOLEAN" -> ColumnType.BOOL;
            case "BLOB" -> ColumnType.BINARY;
            default -> {
                if (t.equals(VECTOR_TYPE.toUpperCase(Locale.ROOT))) {
                    yield ColumnType.EMBEDDING;
                }
                if (t.equals(MULTI_VECTOR_TYPE.toUpperCase(Locale.ROOT))) {
                    yield ColumnType.EMBEDDING_2D;
                }
                yield ColumnType.OTHER;
            }
        };
    }
}
