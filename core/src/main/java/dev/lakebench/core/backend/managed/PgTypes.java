package dev.lakebench.core.backend.managed;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Locale;

/**
 * Lakebench column types on a pg_deeplake server: the typed placeholder an INSERT uses for each type, and the
 * type a column reported by {@code information_schema.columns} stands for (its domain when it has one, e.g.
 * IMAGE, else its base type: {@code _float4} is an EMBEDDING, {@code bytea} BINARY).
 */
final class PgTypes {

    private PgTypes() {}

    /** The SQL expression that binds parameter {@code $n} as a value of the column (bytes travel as hex text). */
    static String placeholder(Column c, int n) {
        return cast(c, "$" + n);
    }

    /** The SQL expression that turns {@code value} (a placeholder or a literal) into a value of the column. */
    static String cast(Column c, String value) {
        String p = value;
        ColumnType t = c.type();
        if (c.isJson()) {
            return p + "::" + c.engineType(); // text does not convert to json or jsonb on assignment
        }
        return switch (t.storage()) {
            case TEXT -> p + "::TEXT";
            case INT32 -> p + "::INT4";
            case INT64 -> p + "::INT8";
            case FLOAT32 -> p + "::FLOAT4";
            case FLOAT64 -> p + "::FLOAT8";
            case BOOL -> p + "::BOOL";
            case BYTES -> t == ColumnType.BINARY ? "decode(" + p + ", 'hex')" : "decode(" + p + ", 'hex')::" + t.name();
            case VECTOR, FLOAT_LIST -> p + "::FLOAT4[]";
            case MULTI_VECTOR -> p + "::FLOAT4[][]";
            case OTHER, NONE -> p;
        };
    }

    /** JSON or JSONB for a server column of that base type (a text column of JSON documents), else null. */
    static String jsonType(String udt) {
        return "json".equalsIgnoreCase(udt) || "jsonb".equalsIgnoreCase(udt) ? udt.toUpperCase(Locale.ROOT) : null;
    }

    /** The Lakebench type of a server column from its domain name (may be null) and base type name. */
    static ColumnType fromServer(String domain, String udt) {
        if (domain != null && !domain.isBlank()) {
            var d = ColumnType.parse(domain);
            if (d.isPresent() && d.get() != ColumnType.FILE) {
                return d.get();
            }
        }
        String u = udt == null ? "" : udt.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "text", "varchar", "bpchar", "name", "json", "jsonb", "uuid" -> ColumnType.TEXT;
            case "int2", "int4" -> ColumnType.INT32;
            case "int8" -> ColumnType.INT64;
            case "float4" -> ColumnType.FLOAT32;
            case "float8" -> ColumnType.FLOAT64;
            case "bool" -> ColumnType.BOOL;
            case "bytea" -> ColumnType.BINARY;
            case "_float4", "_float8" -> ColumnType.EMBEDDING;
            default -> ColumnType.OTHER;
        };
    }
}
