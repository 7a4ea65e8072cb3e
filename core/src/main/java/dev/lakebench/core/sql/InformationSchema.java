package dev.lakebench.core.sql;

import dev.lakebench.core.schema.ColumnType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code information_schema.tables} and {@code information_schema.columns} as PostgreSQL shows the workspace: the
 * user's tables, those of the engine's {@code main} in {@code public}; the data and catalog schemas behind
 * Lakebench tables ({@code lb_data}, {@code lb_meta}) hidden; a Lakebench table (a view over its data table in the
 * engine) a {@code BASE TABLE}; and a column's {@code data_type}, {@code udt_name}, {@code domain_name} and
 * character lengths in PostgreSQL's words, from the catalog where the engine's type says less (jsonb, character
 * varying(n) and character(n), pg_deeplake's EMBEDDING and media domains) and from the data table for
 * nullability and defaults. Each reference in FROM is replaced by a
 * query over the engine's view with the same columns, so {@code *} and every filter keep working.
 */
final class InformationSchema implements StatementPass {

    private static final String HIDDEN = "('lb_data', 'lb_meta')";

    /** The engine's type names and PostgreSQL's {@code data_type} and {@code udt_name} for them. */
    private static final Map<String, List<String>> TYPES = Map.ofEntries(
            Map.entry("BOOLEAN", List.of("boolean", "bool")),
            Map.entry("TINYINT", List.of("smallint", "int2")),
            Map.entry("SMALLINT", List.of("smallint", "int2")),
            Map.entry("INTEGER", List.of("integer", "int4")),
            Map.entry("BIGINT", List.of("bigint", "int8")),
            Map.entry("HUGEINT", List.of("numeric", "numeric")),
            Map.entry("FLOAT", List.of("real", "float4")),
            Map.entry("DOUBLE", List.of("double precision", "float8")),
            Map.entry("VARCHAR", List.of("text", "text")),
            Map.entry("BLOB", List.of("bytea", "bytea")),
            Map.entry("DATE", List.of("date", "date")),
            Map.entry("TIME", List.of("time without time zone", "time")),
            Map.entry("TIME WITH TIME ZONE", List.of("time with time zone", "timetz")),
            Map.entry("TIMESTAMP", List.of("timestamp without time zone", "timestamp")),
            Map.entry("TIMESTAMP WITH TIME ZONE", List.of("timestamp with time zone", "timestamptz")),
            Map.entry("INTERVAL", List.of("interval", "interval")),
            Map.entry("UUID", List.of("uuid", "uuid")),
            Map.entry("JSON", List.of("json", "json")));

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        TextEdits edits = null;
        for (int i = 0; i + 2 < sig.size(); i++) {
            if (!sig.get(i).isWord("information_schema")
                    || !sig.get(i + 1).is(".")
                    || i > 0 && sig.get(i - 1).is(".")
                    || i + 3 < sig.size()
                            && (sig.get(i + 3).is(".") || sig.get(i + 3).is("("))) {
                continue;
            }
            Token view = sig.get(i + 2);
            String name = view.kind() == Token.Kind.WORD || view.kind() == Token.Kind.QUOTED_IDENTIFIER
                    ? view.identifier().toLowerCase(Locale.ROOT)
                    : "";
            String query = switch (name) {
                case "tables" -> tables();
                case "columns" -> columns();
                default -> null;
            };
            if (query == null) {
                continue;
            }
            Token next = i + 3 < sig.size() ? sig.get(i + 3) : null;
            boolean aliased = next != null
                    && (next.isWord("AS")
                            || QualifiedName.isName(next)
                                    && !FunctionSpellings.NOT_ALIASES.contains(
                                            next.text().toUpperCase(Locale.ROOT)));
            if (edits == null) {
                edits = new TextEdits(st.text(), sig);
            }
            edits.replace(i, i + 2, "(" + query + ")" + (aliased ? "" : " AS " + name));
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    private static String tables() {
        String lakebench = "table_schema = 'main' AND lower(table_name) IN (SELECT lower(name) FROM lb_meta.tables)";
        return "SELECT * REPLACE (" + schema("table_schema") + " AS table_schema, CASE WHEN " + lakebench
                + " THEN 'BASE TABLE' ELSE table_type END AS table_type, CASE WHEN " + lakebench
                + " THEN 'YES' ELSE is_insertable_into END AS is_insertable_into)"
                + " FROM information_schema.tables WHERE table_schema NOT IN " + HIDDEN;
    }

    private static String columns() {
        String vectors = typeList(t -> t.isVector());
        String media = typeList(t -> t.isBytes() && t != ColumnType.BINARY);
        String declared = "upper(lb_m.engine_type)";
        String varying = "lb_m.type = 'TEXT' AND " + declared + " LIKE 'VARCHAR%'";
        String blankPadded = "lb_m.type = 'TEXT' AND " + declared + " LIKE 'CHAR(%'";
        String length = "CASE WHEN (" + varying + " OR " + blankPadded + ") AND " + declared
                + " LIKE '%)' THEN CAST(regexp_extract(" + declared + ", '\\((\\d+)\\)', 1) AS INTEGER) END";
        String text = "c.data_type = 'VARCHAR' AND (lb_m.type IS NULL OR lb_m.type = 'TEXT' AND coalesce(" + declared
                + ", '') NOT IN ('JSON', 'JSONB'))";
        return "SELECT c.* REPLACE (" + schema("c.table_schema") + " AS table_schema,"
                + " coalesce(lb_d.column_default, c.column_default) AS column_default,"
                + " coalesce(lb_d.is_nullable, c.is_nullable) AS is_nullable,"
                + " CASE WHEN lb_m.type IN " + vectors + " THEN 'ARRAY' WHEN lb_m.type IN " + media
                + " THEN 'bytea' WHEN " + declared + " = 'JSONB' THEN 'jsonb' WHEN " + varying
                + " THEN 'character varying' WHEN " + blankPadded + " THEN 'character' ELSE " + dataType("c.data_type")
                + " END AS data_type,"
                + " CASE WHEN lb_m.type IN " + vectors + " THEN '_float4' WHEN lb_m.type IN " + media
                + " THEN 'bytea' WHEN " + declared + " = 'JSONB' THEN 'jsonb' WHEN " + varying
                + " THEN 'varchar' WHEN " + blankPadded + " THEN 'bpchar' ELSE " + udtName("c.data_type")
                + " END AS udt_name,"
                + " CASE WHEN lb_m.type IN " + vectors + " OR lb_m.type IN " + media
                + " THEN lower(lb_m.type) ELSE c.domain_name END AS domain_name,"
                // as PostgreSQL: the declared length, and at most 4 bytes a character (1 GB for text)
                + " coalesce(" + length + ", c.character_maximum_length) AS character_maximum_length,"
                + " CASE WHEN " + text + " THEN coalesce(" + length
                + " * 4, 1073741824) ELSE c.character_octet_length END AS character_octet_length)"
                + " FROM information_schema.columns c"
                + " LEFT JOIN lb_meta.columns lb_m ON c.table_schema = 'main'"
                + " AND lower(lb_m.table_name) = lower(c.table_name) AND lb_m.name = c.column_name"
                + " LEFT JOIN information_schema.columns lb_d ON lb_m.name IS NOT NULL AND lb_d.table_schema = 'lb_data'"
                + " AND lb_d.table_name = c.table_name AND lb_d.column_name = c.column_name"
                + " WHERE c.table_schema NOT IN " + HIDDEN;
    }

    /** PostgreSQL's {@code data_type} of an engine type: {@code ARRAY} for lists, {@code numeric} for decimals. */
    private static String dataType(String t) {
        return "CASE WHEN " + t + " LIKE '%[]' THEN 'ARRAY' WHEN " + t + " LIKE 'DECIMAL(%' THEN 'numeric' ELSE "
                + byName(t, 0) + " END";
    }

    /** PostgreSQL's {@code udt_name}: an array's is its element's with a leading underscore. */
    private static String udtName(String t) {
        String element = "regexp_replace(" + t + ", '(\\[\\])+$', '')";
        return "CASE WHEN " + t + " LIKE '%[]' THEN '_' || " + udt(element) + " ELSE " + udt(t) + " END";
    }

    private static String udt(String t) {
        return "CASE WHEN " + t + " LIKE 'DECIMAL(%' THEN 'numeric' ELSE " + byName(t, 1) + " END";
    }

    /** A CASE over the engine type names of {@link #TYPES}; a type it does not list is its engine name, lower case. */
    private static String byName(String t, int which) {
        return TYPES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> " WHEN '" + e.getKey() + "' THEN '" + e.getValue().get(which) + "'")
                .collect(Collectors.joining("", "CASE " + t, " ELSE lower(" + t + ") END"));
    }

    private static String schema(String col) {
        return "CASE " + col + " WHEN 'main' THEN 'public' ELSE " + col + " END";
    }

    private static String typeList(java.util.function.Predicate<ColumnType> test) {
        return Arrays.stream(ColumnType.values())
                .filter(test)
                .map(t -> "'" + t.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
