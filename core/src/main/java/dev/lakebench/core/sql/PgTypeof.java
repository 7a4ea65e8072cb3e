package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code pg_typeof(x)} says PostgreSQL's name of x's type. The engine answers with its own names ({@code varchar},
 * {@code decimal(2,1)}, {@code double}, {@code blob}, {@code integer[][]}), so its answer goes through
 * {@code lb_meta.lb_pg_type}, which renames them ({@code text}, {@code numeric}, {@code double precision},
 * {@code bytea}, {@code integer[]}: PostgreSQL's array types have no dimensions). What the engine cannot tell is
 * read from the written form: an untyped string constant is {@code unknown}, a cast to or a column declared
 * character varying / character is that, a pg_deeplake domain column is its domain, and a jsonb value
 * ({@link JsonbForms}: the engine types json and jsonb alike) is jsonb. Runs before the passes that rewrite the
 * jsonb forms.
 */
final class PgTypeof implements StatementPass {

    /** The engine macros the rewritten statement calls (see {@link StatementPasses#MACROS}). */
    static final List<String> MACROS = List.of(
            "CREATE OR REPLACE MACRO lb_meta.lb_pg_type_name(t) AS CASE"
                    + " WHEN t LIKE 'decimal(%' OR t IN ('hugeint', 'uhugeint', 'ubigint', 'bignum', 'varint')"
                    + " THEN 'numeric'"
                    + " WHEN t = 'varchar' THEN 'text'"
                    + " WHEN t = 'double' THEN 'double precision'"
                    + " WHEN t = 'float' THEN 'real'"
                    + " WHEN t IN ('tinyint', 'utinyint') THEN 'smallint'"
                    + " WHEN t = 'usmallint' THEN 'integer'"
                    + " WHEN t = 'uinteger' THEN 'bigint'"
                    + " WHEN t IN ('timestamp', 'timestamp_s', 'timestamp_ms', 'timestamp_ns')"
                    + " THEN 'timestamp without time zone'"
                    + " WHEN t = 'time' THEN 'time without time zone'"
                    + " WHEN t = 'blob' THEN 'bytea'"
                    + " WHEN t = '\"null\"' THEN 'unknown'"
                    + " WHEN t LIKE 'tuple(%' OR t LIKE 'struct(%' THEN 'record'"
                    + " ELSE t END",
            // an array is its element type's name and one [] whatever its dimensions or fixed size
            "CREATE OR REPLACE MACRO lb_meta.lb_pg_type(t) AS"
                    + " lb_meta.lb_pg_type_name(regexp_replace(t, '(\\[\\d*\\])+$', ''))"
                    + " || CASE WHEN ends_with(t, ']') THEN '[]' ELSE '' END");

    private static final Pattern VARYING = Pattern.compile("(VARCHAR|CHARACTERVARYING)(\\(\\d+\\))?");
    private static final Pattern BLANK_PADDED = Pattern.compile("(CHAR|CHARACTER|BPCHAR)(\\(\\d+\\))?");

    /** pg_deeplake's domains, which PostgreSQL names as the column's type. */
    private static final Map<ColumnType, String> DOMAINS = Map.of(
            ColumnType.EMBEDDING, "embedding",
            ColumnType.EMBEDDING_2D, "embedding_2d",
            ColumnType.IMAGE, "image",
            ColumnType.VIDEO, "video");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(t -> t.isWord("PG_TYPEOF"))) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() != Expr.Kind.CALL
                    || !e.simpleName().equals("pg_typeof")
                    || e.name().size() != 1
                    || e.children().size() != 1
                    || edits.isCovered(e.first())
                    || renamed(e, sig)) {
                continue;
            }
            String written = JsonbForms.isJsonb(e.child(0), sig, tables)
                    ? "jsonb"
                    : written(e.child(0).unwrap(), tables);
            changed |= written != null
                    ? edits.replace(e.first(), e.last(), "'" + written + "'")
                    : edits.replace(
                            e.first(), e.last(), "lb_meta.lb_pg_type(" + edits.original(e.first(), e.last()) + ")");
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** Already inside {@code lb_pg_type(..)}: the query of CREATE TABLE .. AS goes through the passes twice. */
    private static boolean renamed(Expr call, List<Token> sig) {
        return call.first() >= 2
                && sig.get(call.first() - 1).is("(")
                && sig.get(call.first() - 2).isWord("LB_PG_TYPE");
    }

    /** PostgreSQL's type name where the written form tells what the engine's type does not, else null. */
    private static String written(Expr e, NamedTables tables) {
        return switch (e.kind()) {
            case STRING -> "unknown";
            case CAST -> character(e.type().replace(" ", ""));
            case COLUMN -> tables.column(e).map(PgTypeof::declared).orElse(null);
            default -> null;
        };
    }

    private static String character(String type) {
        return VARYING.matcher(type).matches()
                ? "character varying"
                : BLANK_PADDED.matcher(type).matches() ? "character" : null;
    }

    private static String declared(Column c) {
        if (c.isCharacter()) {
            return c.isBlankPadded() ? "character" : "character varying";
        }
        return DOMAINS.get(c.type());
    }
}
