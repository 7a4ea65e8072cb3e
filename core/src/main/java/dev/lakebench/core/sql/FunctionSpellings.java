package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL functions the engine has under another name or with another default, rewritten call by call:
 * <ul>
 *   <li>{@code length}, {@code octet_length}, {@code strpos}, {@code array_length}, {@code cardinality} and the
 *       like return {@code integer}, as in PostgreSQL (the engine's return BIGINT);</li>
 *   <li>{@code generate_series(..)} in an expression returns rows as in PostgreSQL (the engine's returns one
 *       list), so it becomes {@code unnest(generate_series(..))}; in FROM it is already a table function;</li>
 *   <li>{@code btrim}, {@code every}, {@code convert_to(t, 'UTF8')}, {@code to_hex} (lower-case digits),
 *       {@code lpad} / {@code rpad} without a fill (a space), {@code jsonb_array_length},
 *       {@code jsonb_typeof} / {@code json_typeof} (PostgreSQL's type words), {@code to_jsonb},
 *       {@code json[b]_build_array} and {@code json[b]_agg} (laid out as PostgreSQL prints the type).</li>
 * </ul>
 * Calls the engine does not know otherwise keep failing with the unsupported-function message.
 */
final class FunctionSpellings implements StatementPass {

    /** Functions that return int4 in PostgreSQL where the engine returns BIGINT. */
    private static final Set<String> INT4 = Set.of(
            "length",
            "char_length",
            "character_length",
            "octet_length",
            "bit_length",
            "strpos",
            "array_length",
            "cardinality");

    /** Every function this pass may rewrite: a statement naming none of them is left as it is. */
    private static final Set<String> NAMES = Stream.concat(
                    INT4.stream(),
                    Stream.of(
                            "generate_series",
                            "btrim",
                            "every",
                            "convert_to",
                            "to_hex",
                            "lpad",
                            "rpad",
                            "jsonb_array_length",
                            "jsonb_typeof",
                            "json_typeof",
                            "to_jsonb",
                            "json_build_array",
                            "jsonb_build_array",
                            "json_agg",
                            "jsonb_agg"))
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        boolean mayApply = false;
        for (Token t : sig) {
            mayApply |= t.kind() == Token.Kind.WORD && NAMES.contains(t.text().toLowerCase(Locale.ROOT));
        }
        if (!mayApply) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.CALL && e.name().size() == 1 && !edits.isCovered(e.first())) {
                changed |= rewrite(e, sig, edits);
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean rewrite(Expr e, List<Token> sig, TextEdits edits) {
        int n = e.children().size();
        String args =
                n == 0 ? "" : edits.original(e.child(0).first(), e.child(n - 1).last());
        String arg0 =
                n == 0 ? "" : edits.original(e.child(0).first(), e.child(0).last());
        return switch (e.simpleName()) {
            case "generate_series" -> edits.replace(e.first(), e.last(), "unnest(generate_series(" + args + "))");
            case "btrim" -> n >= 1 && n <= 2 && edits.replace(e.first(), e.first(), "trim");
            case "every" -> n == 1 && edits.replace(e.first(), e.first(), "bool_and");
            case "to_hex" -> n == 1 && edits.replace(e.first(), e.last(), "lower(to_hex(" + args + "))");
            case "lpad", "rpad" -> n == 2 && edits.replace(e.first(), e.last(), e.simpleName() + "(" + args + ", ' ')");
            case "convert_to" ->
                n == 2 && utf8(e.child(1), sig) && edits.replace(e.first(), e.last(), "encode(" + arg0 + ")");
            case "jsonb_array_length" ->
                n == 1
                        && edits.replace(
                                e.first(), e.last(), "CAST(json_array_length(CAST(" + arg0 + " AS JSON)) AS INTEGER)");
            case "jsonb_typeof", "json_typeof" -> {
                if (n != 1) {
                    yield false;
                }
                String t = "json_type(CAST(" + arg0 + " AS JSON))";
                yield edits.replace(
                        e.first(),
                        e.last(),
                        "(CASE " + t + " WHEN 'VARCHAR' THEN 'string' WHEN 'BIGINT' THEN 'number'"
                                + " WHEN 'UBIGINT' THEN 'number' WHEN 'DOUBLE' THEN 'number'"
                                + " WHEN 'BOOLEAN' THEN 'boolean' ELSE lower(" + t + ") END)");
            }
            case "to_jsonb" -> n == 1 && edits.replace(e.first(), e.last(), pgJson("to_json(" + args + ")", "jsonb"));
            case "json_build_array", "jsonb_build_array" ->
                edits.replace(
                        e.first(),
                        e.last(),
                        pgJson("json_array(" + args + ")", e.simpleName().startsWith("jsonb") ? "jsonb" : "json"));
            case "json_agg", "jsonb_agg" -> {
                // list(x [ORDER BY ..]) keeps the call's own clauses
                String style = e.simpleName().startsWith("jsonb") ? "jsonb" : "json";
                edits.insertAfter(e.last(), ") AS VARCHAR), '" + style + "') AS JSON)");
                yield edits.replace(e.first(), e.first(), "CAST(lb_pg_json(CAST(to_json(list");
            }
            default -> false;
        };
    }

    private static String pgJson(String json, String style) {
        return "CAST(lb_pg_json(CAST(" + json + " AS VARCHAR), '" + style + "') AS JSON)";
    }

    private static boolean utf8(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.STRING
                && Literals.string(sig.get(u.first())).replace("-", "").equalsIgnoreCase("utf8");
    }
}
