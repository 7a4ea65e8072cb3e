package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.schema.ColumnType;
import java.util.Locale;

/** Lakebench column types for the engine types {@code read_parquet} reports. */
final class EngineColumnTypes {

    private EngineColumnTypes() {}

    /** The type of a scalar engine type, or null when it is not a plain scalar. */
    static ColumnType scalar(String engineType) {
        return switch (engineType.toUpperCase(Locale.ROOT)) {
            case "BOOLEAN" -> ColumnType.BOOL;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> ColumnType.INT32;
            case "BIGINT", "UINTEGER", "HUGEINT", "UBIGINT" -> ColumnType.INT64;
            case "FLOAT" -> ColumnType.FLOAT32;
            case "DOUBLE" -> ColumnType.FLOAT64;
            case "VARCHAR" -> ColumnType.TEXT;
            case "BLOB" -> ColumnType.BINARY;
            default -> null;
        };
    }

    /** The element type of a list or array type ({@code FLOAT[]}, {@code FLOAT[26]}), or null. */
    static String element(String engineType) {
        int open = engineType.lastIndexOf('[');
        if (open <= 0 || !engineType.endsWith("]")) {
            return null;
        }
        String inner = engineType.substring(open + 1, engineType.length() - 1);
        return inner.isEmpty() || inner.chars().allMatch(Character::isDigit) ? engineType.substring(0, open) : null;
    }
}
