package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL functions, operators and literals the engine spells differently, rewritten to the engine's form:
 * {@code '\x..'::bytea} literals, array literals ({@code '{1,2}'::int[]}), boolean spellings
 * ({@code 'off'::boolean}), {@code encode}/{@code convert_from} on bytea, {@code json_build_object} (keys of any type),
 * {@code json_object} / {@code jsonb_object} of text arrays, and the JSON operators {@code #>}, {@code #>>}, {@code ?} and {@code @>} with
 * a JSON literal. Each rule reads the written form only (no types), so it applies where the form says what it is.
 */
final class PostgresFunctions implements StatementPass {

    private static final java.util.regex.Pattern VARCHAR_N =
            java.util.regex.Pattern.compile("(?i)(?:varchar|character\\s+varying)\\s*\\(\\s*(\\d+)\\s*\\)");
    /** char(n), character(n), bpchar(n); char and character alone are char(1), bpchar alone has no length. */
    private static final java.util.regex.Pattern CHAR_N =
            java.util.regex.Pattern.compile("(?i)(char|character|bpchar)(?:\\s*\\(\\s*(\\d+)\\s*\\))?");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (!mayApply(sig)) {
            return st;
        }
        int[] match = Brackets.match(sig);
        BlockParser parser = new BlockParser(sig, match);
        ExprParser exprs = parser.expressions();
        QueryBlock root = new QueryBlock(0, sig.size(), null);
        int q = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).is("(") || sig.get(i).is("[") || sig.get(i).is("{")) {
                i = match[i];
            } else if (Keywords.startsQuery(sig.get(i)) && !sig.get(i).isWord("TABLE")) {
                q = i;
                break;
            }
        }
        root.expressions.addAll(exprs.parts(0, q < 0 ? sig.size() : q));
        parser.subqueries(root);
        if (q >= 0) {
            parser.query(q, sig.size(), root);
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        List<Expr> all = new ArrayList<>();
        collect(root, all);
        boolean changed = false;
        for (Expr e : all) {
            changed |= rewrite(e, sig, edits);
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean mayApply(List<Token> sig) {
        for (Token t : sig) {
            if (t.kind() == Token.Kind.OPERATOR
                    && (t.text().equals("#>")
                            || t.text().equals("#>>")
                            || t.text().equals("?")
                            || t.text().equals("?|")
                            || t.text().equals("?&")
                            || t.text().equals("@>")
                            || t.text().equals("<@"))) {
                return true;
            }
            if (ArrayLiteral.writtenAsOne(t)) {
                return true; // perhaps an array literal
            }
            if (t.kind() == Token.Kind.WORD) {
                switch (t.upper()) {
                    case "BYTEA",
                            "BOOLEAN",
                            "BOOL",
                            "VARCHAR",
                            "VARYING",
                            "CHAR",
                            "CHARACTER",
                            "BPCHAR",
                            "ENCODE",
                            "CONVERT_FROM",
                            "JSON_BUILD_OBJECT",
                            "JSONB_BUILD_OBJECT",
                            "JSON_OBJECT",
                            "JSONB_OBJECT" -> {
                        return true;
                    }
                    default -> {
                        // not a trigger
                    }
                }
            }
        }
        return false;
    }

    private static void collect(QueryBlock b, List<Expr> out) {
        List<Expr> pending = new ArrayList<>(b.expressions);
        while (!pending.isEmpty()) {
            Expr e = pending.remove(pending.size() - 1);
            out.add(e);
            pending.addAll(e.children());
        }
        for (QueryBlock c : b.children()) {
            collect(c, out);
        }
    }

    /** Outer expressions come first in {@code all}, and an edit covers its range, so the outermost rule wins. */
    private static boolean rewrite(Expr e, List<Token> sig, TextEdits edits) {
        if (edits.isCovered(e.first())) {
            return false;
        }
        switch (e.kind()) {
            case CAST -> {
                Expr v = e.child(0).unwrap();
                if (e.type().equals("BYTEA")
                        && v.kind() == Expr.Kind.STRING
                        && Literals.string(sig.get(v.first())).startsWith("\\x")) {
                    String hex = Literals.string(sig.get(v.first())).substring(2);
                    return edits.replace(e.first(), e.last(), "unhex('" + hex.replace("'", "''") + "')");
                }
                if (e instanceof Expr.Cast c) {
                    // an explicit cast to varchar(n) cuts the text to n characters in PostgreSQL
                    java.util.regex.Matcher n = VARCHAR_N.matcher(edits.original(c.typeFirst(), c.typeLast()));
                    if (n.matches()) {
                        return edits.replace(
                                e.first(),
                                e.last(),
                                "left(CAST("
                                        + edits.original(
                                                e.child(0).first(), e.child(0).last()) + " AS VARCHAR), " + n.group(1)
                                        + ")");
                    }
                    // and one to char(n) too; its trailing spaces are padding, which the engine does not keep
                    // (a char(n) column stores its values without them, see CharacterWrites)
                    java.util.regex.Matcher c1 = CHAR_N.matcher(edits.original(c.typeFirst(), c.typeLast()));
                    if (c1.matches()) {
                        String length =
                                c1.group(2) != null ? c1.group(2) : c1.group(1).equalsIgnoreCase("bpchar") ? null : "1";
                        String text = "CAST("
                                + edits.original(e.child(0).first(), e.child(0).last()) + " AS VARCHAR)";
                        return edits.replace(
                                e.first(),
                                e.last(),
                                "rtrim(" + (length == null ? text : "left(" + text + ", " + length + ")") + ", ' ')");
                    }
                }
                if (v.kind() == Expr.Kind.STRING && e instanceof Expr.Cast c) {
                    String text = Literals.string(sig.get(v.first()));
                    if ((e.type().equals("BOOLEAN") || e.type().equals("BOOL")) && PgLiterals.bool(text) != null) {
                        return edits.replace(v.first(), v.last(), "'" + PgLiterals.bool(text) + "'");
                    }
                    // text in the engine's list form ('[1,2]', a vector) stays the engine's to read
                    if (e.type().endsWith("[]") && ArrayLiteral.looksLikeOne(text)) {
                        return edits.replace(
                                e.first(),
                                e.last(),
                                ArrayLiteral.parse(text).cast(edits.original(c.typeFirst(), c.typeLast())));
                    }
                }
            }
            case CALL -> {
                return call(e, sig, edits);
            }
            case BINARY -> {
                return operator(e, sig, edits);
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    private static boolean call(Expr e, List<Token> sig, TextEdits edits) {
        String name = e.simpleName();
        int nameToken = e.first() + (e.name().size() - 1) * 2;
        switch (name) {
            case "json_build_object", "jsonb_build_object" -> {
                // the engine builds the object; the text is laid out as PostgreSQL prints the type. PostgreSQL
                // takes keys of any type as their text, the engine text only
                for (int i = 0; i < e.children().size(); i += 2) {
                    Expr key = e.child(i);
                    if (!isString(key, sig)) {
                        edits.insertBefore(key.first(), "CAST(");
                        edits.insertAfter(key.last(), " AS VARCHAR)");
                    }
                }
                String style = name.equals("jsonb_build_object") ? "jsonb" : "json";
                edits.insertAfter(e.last(), " AS VARCHAR), '" + style + "') AS JSON)");
                return edits.replace(e.first(), nameToken, "CAST(lb_pg_json(CAST(json_object");
            }
            case "json_object", "jsonb_object" -> {
                // PostgreSQL's forms take text arrays; two other arguments are the engine's json_object(k, v)
                int n = e.children().size();
                if (n == 1 || n == 2 && isArray(e.child(0), sig) && isArray(e.child(1), sig)) {
                    String style = name.equals("jsonb_object") ? "jsonb" : "json";
                    StringBuilder call = new StringBuilder(n == 1 ? "lb_json_object(" : "lb_json_object_pairs(");
                    for (Expr a : e.children()) {
                        call.append("CAST(to_json(")
                                .append(textArray(a, sig, edits))
                                .append(") AS VARCHAR), ");
                    }
                    return edits.replace(e.first(), e.last(), "CAST(" + call + "'" + style + "') AS JSON)");
                }
            }
            case "convert_from" -> {
                if (e.children().size() == 2
                        && isString(e.child(1), sig)
                        && Literals.string(sig.get(e.child(1).first()))
                                .replace("-", "")
                                .equalsIgnoreCase("utf8")) {
                    return edits.replace(
                            e.first(),
                            e.last(),
                            "decode("
                                    + edits.original(
                                            e.child(0).first(), e.child(0).last()) + ")");
                }
            }
            case "encode" -> {
                if (e.children().size() == 2 && isString(e.child(1), sig)) {
                    String arg = edits.original(e.child(0).first(), e.child(0).last());
                    String format = Literals.string(sig.get(e.child(1).first())).toLowerCase(Locale.ROOT);
                    if (format.equals("hex")) {
                        return edits.replace(e.first(), e.last(), "lower(hex(" + arg + "))");
                    }
                    if (format.equals("base64")) {
                        return edits.replace(e.first(), e.last(), "to_base64(" + arg + ")");
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    private static boolean operator(Expr e, List<Token> sig, TextEdits edits) {
        String left = edits.original(e.child(0).first(), e.child(0).last());
        Expr r = e.child(1).unwrap();
        switch (e.op()) {
            case "#>", "#>>" -> {
                if (isString(r, sig)) {
                    String path = jsonPath(Literals.string(sig.get(r.first())));
                    if (path != null) {
                        return edits.replace(
                                e.first(),
                                e.last(),
                                (e.op().equals("#>") ? "json_extract(" : "json_extract_string(") + left + ", '"
                                        + path.replace("'", "''") + "')");
                    }
                }
            }
            case "?" -> {
                if (isString(r, sig)) {
                    return edits.replace(e.first(), e.last(), hasKey(left, edits.original(r.first(), r.last())));
                }
            }
            case "?|", "?&" -> {
                if (isJson(e.child(0))) {
                    return edits.replace(
                            e.first(),
                            e.last(),
                            (e.op().equals("?|") ? "list_has_any(" : "list_has_all(") + keys(left) + ", "
                                    + edits.original(r.first(), r.last()) + ")");
                }
            }
            case "<@" -> {
                if (isJson(e.child(0)) && isJson(r)) {
                    return edits.replace(
                            e.first(),
                            e.last(),
                            "json_contains(" + edits.original(r.first(), r.last()) + ", " + left + ")");
                }
            }
            case "@>" -> {
                if (isJson(e.child(0)) && isJson(r)) {
                    return edits.replace(
                            e.first(),
                            e.last(),
                            "json_contains(" + left + ", " + edits.original(r.first(), r.last()) + ")");
                }
                if (isString(r, sig)) {
                    String v = Literals.string(sig.get(r.first())).strip();
                    if (v.startsWith("{") || v.startsWith("[")) {
                        return edits.replace(
                                e.first(),
                                e.last(),
                                "json_contains(" + left + ", " + edits.original(r.first(), r.last()) + ")");
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    /** An argument written as an array: {@code ARRAY[..]}, a cast to an array type or an array literal's text. */
    private static boolean isArray(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.ARRAY
                || u.kind() == Expr.Kind.CAST && u.type().endsWith("[]")
                || isString(u, sig)
                        && Literals.string(sig.get(u.first())).strip().startsWith("{");
    }

    /** A text[] argument as the engine's list: an array literal's text is read as PostgreSQL reads it. */
    private static String textArray(Expr e, List<Token> sig, TextEdits edits) {
        Expr u = e.unwrap();
        if (isString(u, sig)) {
            return ArrayLiteral.parse(Literals.string(sig.get(u.first()))).cast("VARCHAR");
        }
        return edits.original(e.first(), e.last());
    }

    /** A value the written form says is JSON: a cast to json or jsonb. */
    private static boolean isJson(Expr e) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.CAST
                && (u.type().equals("JSON") || u.type().equals("JSONB"));
    }

    /**
     * The strings {@code ?|} and {@code ?&} look for in a JSON value: an object's keys, an array's elements, a
     * scalar itself.
     */
    /**
     * PostgreSQL's {@code jsonb ? text}: the string is a key of an object, a string element of an array, or the
     * string itself; never a key further down or a number that reads the same.
     */
    private static String hasKey(String json, String key) {
        return "list_contains(" + keys(json) + ", " + key + ")";
    }

    /** What PostgreSQL's key operators ({@code ? ?| ?&}) look among: see {@link #hasKey}. */
    private static String keys(String json) {
        return "(CASE json_type(" + json + ") WHEN 'OBJECT' THEN json_keys(" + json + ") WHEN 'ARRAY' THEN"
                + " list_transform(list_filter(json_extract(" + json + ", '$[*]'), lambda e: json_type(e) ="
                + " 'VARCHAR'), lambda e: json_extract_string(e, '$')) WHEN 'VARCHAR' THEN [json_extract_string("
                + json + ", '$')] ELSE CAST([] AS VARCHAR[]) END)";
    }

    private static boolean isString(Expr e, List<Token> sig) {
        return e.unwrap().kind() == Expr.Kind.STRING;
    }

    /** A PostgreSQL text path ({@code {pos,x}} or {@code {tags,0}}) as a JSON path ({@code $.pos.x}, {@code $.tags[0]}). */
    static String jsonPath(String pgPath) {
        String p = pgPath.strip();
        if (!p.startsWith("{") || !p.endsWith("}")) {
            return null;
        }
        StringBuilder sb = new StringBuilder("$");
        String body = p.substring(1, p.length() - 1).strip();
        if (body.isEmpty()) {
            return sb.toString();
        }
        for (String part : body.split(",")) {
            String k = part.strip();
            if (k.matches("-?\\d+")) {
                sb.append('[').append(k).append(']');
            } else {
                sb.append('.').append(quoteKey(k));
            }
        }
        return sb.toString();
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
