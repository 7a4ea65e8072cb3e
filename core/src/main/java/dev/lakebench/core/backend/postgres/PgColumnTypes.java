package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Lakebench column types live in PostgreSQL, following pg_deeplake: vectors as {@code real[]} (cast to
 * pgvector's {@code vector(d)} where searched), media as domains over {@code bytea} in the {@code lakebench}
 * schema ({@code IMAGE}, {@code VIDEO}, ...). Every column Lakebench creates carries a comment
 * {@code lakebench:TYPE[(dim)]}, so types and vector sizes survive a round trip through the catalog; columns
 * created by plain SQL are typed from their PostgreSQL type.
 */
final class PgColumnTypes {

    static final String HELPER_SCHEMA = "lakebench";
    private static final Pattern COMMENT = Pattern.compile("lakebench:([A-Z_0-9]+)(?:\\((\\d+)\\))?");

    private static final Pattern CHARACTER = Pattern.compile("character( varying)?(?:\\((\\d+)\\))?");

    private PgColumnTypes() {}

    /** The column's SQL type in CREATE TABLE. */
    static String sqlType(Column c) {
        return switch (c.type()) {
            case TEXT -> c.isJson() || c.isCharacter() ? c.engineType().toLowerCase(Locale.ROOT) : "text";
            case INT32, CLASS_LABEL -> "integer";
            case INT64 -> "bigint";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case BOOL -> "boolean";
            case BINARY -> "bytea";
            case IMAGE, VIDEO, SEGMENT_MASK, BINARY_MASK, MESH, MEDICAL, POLYGON ->
                HELPER_SCHEMA + "." + c.type().name().toLowerCase(Locale.ROOT);
            case EMBEDDING, BOUNDING_BOX, POINT -> "real[]";
            case EMBEDDING_2D -> "real[][]";
            case OTHER -> c.engineType() == null ? "text" : c.engineType();
            case FILE -> throw new IllegalArgumentException("FILE columns are not stored");
        };
    }

    /** The comment recording the Lakebench type of a column Lakebench created. */
    static String comment(Column c) {
        return "lakebench:" + c.type().name()
                + (c.type().isVector() || c.dimension() > 0 ? "(" + c.dimension() + ")" : "");
    }

    /** The media domains, created once per database. */
    static String domainsDdl() {
        StringBuilder sb = new StringBuilder("DO $$ BEGIN ");
        for (ColumnType t : ColumnType.values()) {
            if (t.isBytes() && t != ColumnType.BINARY) {
                String n = t.name().toLowerCase(Locale.ROOT);
                sb.append(
                                "IF NOT EXISTS (SELECT 1 FROM pg_type ty JOIN pg_namespace ns ON ns.oid = ty.typnamespace WHERE ns.nspname = '")
                        .append(HELPER_SCHEMA)
                        .append("' AND ty.typname = '")
                        .append(n)
                        .append("') THEN CREATE DOMAIN ")
                        .append(HELPER_SCHEMA)
                        .append('.')
                        .append(n)
                        .append(" AS bytea; END IF; ");
            }
        }
        return sb.append("END $$").toString();
    }

    /**
     * A column read from the catalog: {@code comment} (Lakebench's record, may be null) wins; else the domain or
     * base type names it ({@code typname} of the column's type, {@code formatted} as format_type prints it).
     */
    static Column fromCatalog(String name, String formatted, String typname, String comment) {
        boolean json = formatted.equalsIgnoreCase("json") || formatted.equalsIgnoreCase("jsonb");
        String character = character(formatted);
        if (comment != null) {
            Matcher m = COMMENT.matcher(comment);
            if (m.find()) {
                Optional<ColumnType> t = ColumnType.parse(m.group(1));
                if (t.isPresent() && t.get() != ColumnType.OTHER) {
                    int dim = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    String declared = json ? formatted.toUpperCase(Locale.ROOT) : character;
                    return new Column(name, t.get(), dim, t.get() == ColumnType.TEXT ? declared : null);
                }
            }
        }
        Optional<ColumnType> byName = ColumnType.parse(typname);
        if (byName.isPresent() && byName.get().isBytes()) {
            return Column.of(name, byName.get());
        }
        if (character != null) {
            return new Column(name, ColumnType.TEXT, 0, character);
        }
        ColumnType t = switch (formatted.toLowerCase(Locale.ROOT)) {
            case "text", "character varying", "json", "jsonb" -> ColumnType.TEXT;
            case "integer", "smallint" -> ColumnType.INT32;
            case "bigint" -> ColumnType.INT64;
            case "real" -> ColumnType.FLOAT32;
            case "double precision" -> ColumnType.FLOAT64;
            case "boolean" -> ColumnType.BOOL;
            case "bytea" -> ColumnType.BINARY;
            case "real[]" -> ColumnType.EMBEDDING;
            default ->
                formatted.toLowerCase(Locale.ROOT).startsWith("vector(") ? ColumnType.EMBEDDING : ColumnType.OTHER;
        };
        int dim = 0;
        Matcher v = Pattern.compile("vector\\((\\d+)\\)").matcher(formatted);
        if (t == ColumnType.EMBEDDING && v.matches()) {
            dim = Integer.parseInt(v.group(1));
        }
        return new Column(name, t, dim, t == ColumnType.OTHER || json ? formatted.toUpperCase(Locale.ROOT) : null);
    }

    /**
     * A character type as format_type prints it ({@code character varying(3)}, {@code character(4)},
     * {@code character varying}), in the declared form a text column keeps ({@code VARCHAR(3)}, {@code CHAR(4)},
     * {@code VARCHAR}); null for any other type.
     */
    static String character(String formatted) {
        Matcher m = CHARACTER.matcher(formatted.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        boolean varying = m.group(1) != null;
        if (m.group(2) == null) {
            return varying ? "VARCHAR" : null;
        }
        return (varying ? "VARCHAR(" : "CHAR(") + m.group(2) + ")";
    }

    /**
     * The Lakebench type of a result column, from the driver's type name (domains arrive as their base type; a
     * column filled by a sequence arrives as {@code serial} / {@code bigserial}, its integer type).
     */
    static ColumnType resultType(String pgType) {
        return switch (pgType == null ? "" : pgType.toLowerCase(Locale.ROOT)) {
            case "text", "varchar", "bpchar", "name", "json", "jsonb" -> ColumnType.TEXT;
            case "int4", "int2", "serial", "smallserial" -> ColumnType.INT32;
            case "int8", "bigserial" -> ColumnType.INT64;
            case "float4" -> ColumnType.FLOAT32;
            case "float8" -> ColumnType.FLOAT64;
            case "bool" -> ColumnType.BOOL;
            case "bytea" -> ColumnType.BINARY;
            case "_float4", "_float8", "vector" -> ColumnType.EMBEDDING;
            default -> ColumnType.OTHER;
        };
    }
}
