package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a value is jsonb by its written form: the engine has one JSON type for json and jsonb, so the passes
 * that print, compare or name jsonb ({@link PgTypeof}, {@link JsonbPaths}, {@link JsonbFunctions}, CREATE TABLE ..
 * AS) read it from there. jsonb forms: a jsonb column of a table the statement names, a cast to jsonb, a
 * {@code jsonb_..} function or {@code to_jsonb}, and {@code ->}, {@code #>}, {@code ||}, {@code -}, {@code #-} on
 * one of them (and a value an earlier pass laid out as jsonb).
 */
final class JsonbForms {

    private static final Set<String> JSONB_FUNCTIONS = Set.of(
            "to_jsonb",
            "jsonb_build_object",
            "jsonb_build_array",
            "jsonb_agg",
            "jsonb_object_agg",
            "jsonb_set",
            "jsonb_insert",
            "jsonb_strip_nulls",
            "jsonb_extract_path",
            "jsonb_array_elements",
            "jsonb_path_query",
            "jsonb_path_query_array",
            "jsonb_path_query_first");

    private static final Set<String> JSONB_OPERATORS = Set.of("->", "#>", "||", "-", "#-");

    private JsonbForms() {}

    static boolean isJsonb(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case CAST -> u.type().equals("JSONB") || laidOutAsJsonb(u, sig);
            case OTHER ->
                u.last() == u.first() + 1
                        && sig.get(u.first()).isWord("JSONB")
                        && sig.get(u.last()).kind() == Token.Kind.STRING;
            case COLUMN -> tables.everyColumn(u, Column::isJsonb);
            case CALL -> JSONB_FUNCTIONS.contains(u.simpleName());
            case BINARY -> JSONB_OPERATORS.contains(u.op()) && isJsonb(u.child(0), sig, tables);
            default -> false;
        };
    }

    /** {@code CAST(lb_pg_json(x, 'jsonb') AS JSON)}: a value an earlier pass laid out as jsonb. */
    private static boolean laidOutAsJsonb(Expr cast, List<Token> sig) {
        Expr call = cast.child(0).unwrap();
        return cast.type().equals("JSON")
                && call.kind() == Expr.Kind.CALL
                && call.simpleName().equals("lb_pg_json")
                && call.children().size() == 2
                && call.child(1).unwrap().kind() == Expr.Kind.STRING
                && Literals.string(sig.get(call.child(1).unwrap().first())).equals("jsonb");
    }

    /**
     * The result columns of a query that are jsonb by its written form, by the name the engine gives them (lower
     * case): an item that is jsonb, and {@code *} / {@code t.*} over a named table's jsonb columns. The engine
     * types both json and jsonb as its JSON, so CREATE TABLE .. AS reads the declaration from here.
     */
    static Set<String> jsonbColumns(String query, PassContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        QueryOutput output = QueryOutput.of(query, ctx).orElse(null);
        if (output == null) {
            return out;
        }
        NamedTables tables = output.tables();
        for (QueryBlock.Item item : output.items()) {
            Expr e = item.expr().unwrap();
            if (QueryOutput.isStar(e)) {
                tables.columns(Column::isJsonb).stream()
                        .filter(c -> tables.everyColumn(c, Column::isJsonb))
                        .forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
            } else if (isJsonb(e, output.significant(), tables)) {
                out.add(output.name(item, e));
            }
        }
        return out;
    }
}
