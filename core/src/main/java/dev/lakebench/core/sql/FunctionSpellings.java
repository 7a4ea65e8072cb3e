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
 *       {@code json[b]_build_array} and {@code json[b]_agg} (laid out as PostgreSQL prints the type);</li>
 *   <li>{@code div}, {@code width_bucket}, {@code num_nulls} / {@code num_nonnulls}, {@code array_lower} /
 *       {@code array_upper} and {@code array_length} (of a dimension written as a number), {@code array_ndims}, {@code array_positions},
 *       {@code array_remove}, {@code array_replace}, {@code array_to_string} with a NULL text, {@code make_interval} (by position or name), {@code justify_days} / {@code _hours} /
 *       {@code _interval}, {@code round} of a double cast (half to even), {@code jsonb_pretty}, {@code jsonb_strip_nulls}, {@code jsonb_set},
 *       {@code json[b]_object_keys} (rows), {@code json[b]_object_agg}, {@code setseed} (void, not NULL),
 *       {@code generate_series} over numerics ({@code 0.5}), {@code jsonb_path_query_array} / {@code _first} and
 *       {@code jsonb_path_exists} (a subset of paths, see {@code PgJsonPath}), and
 *       {@code octet_length} of a string literal, written with the engine's functions;</li>
 *   <li>{@code length}, {@code char_length} and {@code character_length} of a cast to char(n) do not count its
 *       trailing spaces.</li>
 * </ul>
 * Calls the engine does not know otherwise keep failing with the unsupported-function message.
 */
final class FunctionSpellings implements StatementPass {

    /** Functions that return int4 in PostgreSQL where the engine returns BIGINT: the call is cast to INTEGER. */
    private static final Set<String> INT4 = Set.of(
            "length",
            "char_length",
            "character_length",
            "octet_length",
            "bit_length",
            "strpos",
            "array_length",
            "cardinality",
            "position",
            "json_array_length",
            "ntile",
            "grouping");

    /** Length functions that do not count the trailing spaces of a char(n) value. */
    private static final Set<String> CHAR_LENGTHS = Set.of("length", "char_length", "character_length");

    /** A cast to char(n) / character(n) / bpchar (char alone is char(1)), as written after normalising. */
    private static final java.util.regex.Pattern CHAR_N =
            java.util.regex.Pattern.compile("(CHAR|CHARACTER|BPCHAR)(?:\\((\\d+)\\))?");

    /** Functions that return float8 in PostgreSQL where the engine returns BIGINT: the call is cast to DOUBLE. */
    private static final Set<String> FLOAT8 = Set.of("date_part");

    /** Every function this pass may rewrite: a statement naming none of them is left as it is. */
    private static final Set<String> NAMES = Stream.concat(
                    Stream.concat(INT4.stream(), FLOAT8.stream()),
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
                            "jsonb_agg",
                            "div",
                            "width_bucket",
                            "num_nulls",
                            "num_nonnulls",
                            "array_lower",
                            "array_upper",
                            "array_ndims",
                            "array_positions",
                            "array_remove",
                            "array_replace",
                            "array_to_string",
                            "make_interval",
                            "round",
                            "justify_days",
                            "justify_hours",
                            "justify_interval",
                            "jsonb_pretty",
                            "jsonb_strip_nulls",
                            "jsonb_set",
                            "json_strip_nulls",
                            "json_object_keys",
                            "jsonb_object_keys",
                            "json_object_agg",
                            "jsonb_object_agg",
                            "setseed",
                            "jsonb_path_query_array",
                            "jsonb_path_query_first",
                            "jsonb_path_exists"))
            .collect(Collectors.toUnmodifiableSet());

    /** Words that may follow a FROM item and are not its alias. */
    static final Set<String> NOT_ALIASES = Set.of(
            "ON",
            "USING",
            "JOIN",
            "LEFT",
            "RIGHT",
            "FULL",
            "INNER",
            "CROSS",
            "NATURAL",
            "WITH",
            "WHERE",
            "GROUP",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "UNION",
            "EXCEPT",
            "INTERSECT",
            "WINDOW",
            "HAVING",
            "FETCH",
            "QUALIFY");

    /** The widest series of integer constants read as PostgreSQL's integer rows (the engine builds a list first). */
    private static final long MAX_SERIES = 1_000_000;

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        // the named tables are read only for json_agg, whose elements keep jsonb's text when they are jsonb
        NamedTables[] tables = {null};
        return integerSeries(CallRewrites.apply(
                st,
                NAMES,
                e -> true,
                (e, sig, edits) -> rewrite(e, sig, edits, () -> {
                    if (tables[0] == null) {
                        tables[0] = NamedTables.of(sig, ctx);
                    }
                    return tables[0];
                })));
    }

    /**
     * {@code generate_series} of integer constants as a FROM item gives PostgreSQL's integer column (the engine's
     * table function gives BIGINT, which also cannot be added to a date): it becomes the unnest of the series cast
     * to INTEGER[], named {@code generate_series} unless the statement names it (with ORDINALITY, its columns
     * are {@code generate_series} and {@code ordinality}).
     */
    static SqlStatement integerSeries(SqlStatement st) {
        List<Token> sig = st.significant();
        TextEdits edits = null;
        int[] match = null;
        for (int i = 1; i + 1 < sig.size(); i++) {
            Token before = sig.get(i - 1);
            if (!sig.get(i).isWord("generate_series")
                    || !sig.get(i + 1).is("(")
                    || !(before.isWord("FROM") || before.isWord("JOIN") || before.isWord("LATERAL"))) {
                continue;
            }
            if (match == null) {
                match = Brackets.match(sig);
            }
            int close = match[i + 1];
            boolean integers = integerSeries(sig, i + 2, close);
            if (!integers && !numericSeries(sig, i + 2, close)) {
                continue;
            }
            int after = close + 1;
            boolean ordinality = after + 1 < sig.size()
                    && sig.get(after).isWord("WITH")
                    && sig.get(after + 1).isWord("ORDINALITY");
            if (ordinality) {
                after += 2;
            }
            Token next = after < sig.size() ? sig.get(after) : null;
            boolean named = next != null
                    && (next.isWord("AS")
                            || QualifiedName.isName(next)
                                    && !NOT_ALIASES.contains(next.text().toUpperCase(java.util.Locale.ROOT)));
            if (edits == null) {
                edits = new TextEdits(st.text(), sig);
            }
            edits.replace(
                    i,
                    close,
                    (integers
                                    ? "unnest(CAST(" + edits.original(i, close) + " AS INTEGER[]))"
                                    : numericSeries(
                                            edits.original(i + 2, close - 1),
                                            Brackets.items(sig, match, i + 1, close)
                                                            .size()
                                                    == 3))
                            + (named || ordinality ? "" : " AS generate_series"));
            if (ordinality && !named) {
                // PostgreSQL names the two columns generate_series and ordinality
                edits.insertAfter(after - 1, " AS generate_series(generate_series, ordinality)");
            }
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    /**
     * Whether the arguments {@code [from, to)} make a series of numerics: one is a decimal constant ({@code 0.5})
     * or a cast to numeric, and none is a date, time or interval. The engine's generate_series has no decimal form.
     */
    private static boolean numericSeries(List<Token> sig, int from, int to) {
        boolean numeric = false;
        for (int i = from; i < to; i++) {
            Token t = sig.get(i);
            if (t.kind() == Token.Kind.NUMBER
                            && (t.text().contains(".") || t.text().matches(".*[eE].*"))
                    || t.isWord("NUMERIC")
                    || t.isWord("DECIMAL")) {
                numeric = true;
            } else if (t.kind() == Token.Kind.STRING
                    || t.isWord("INTERVAL")
                    || t.isWord("TIMESTAMP")
                    || t.isWord("DATE")
                    || t.isWord("TIMESTAMPTZ")) {
                return false;
            }
        }
        return numeric;
    }

    /** The rows of a numeric series (a macro of {@link PostgresMacros}; the step is 1 unless given). */
    private static String numericSeries(String args, boolean stepped) {
        return "unnest(lb_meta.numeric_series(" + args + (stepped ? "" : ", 1") + "))";
    }

    /**
     * Whether the arguments {@code [from, to)} are two or three int4 constants of a series short enough to be read
     * as PostgreSQL's integer rows.
     */
    private static boolean integerSeries(List<Token> sig, int from, int to) {
        List<Long> args = integerArguments(sig, from, to);
        if (args == null || args.size() < 2 || args.size() > 3) {
            return false;
        }
        long step = args.size() == 3 ? args.get(2) : 1;
        return step != 0 && Math.abs((args.get(1) - args.get(0)) / step) <= MAX_SERIES;
    }

    /** The int4 constants of an argument list {@code [from, to)}, or null when it holds anything else. */
    private static List<Long> integerArguments(List<Token> sig, int from, int to) {
        List<Long> out = new java.util.ArrayList<>();
        int i = from;
        while (i < to) {
            boolean negative = false;
            if (sig.get(i).kind() == Token.Kind.OPERATOR && sig.get(i).text().equals("-")) {
                negative = true;
                i++;
            }
            if (i >= to
                    || sig.get(i).kind() != Token.Kind.NUMBER
                    || !sig.get(i).text().matches("\\d{1,10}")) {
                return null;
            }
            long v = Long.parseLong(sig.get(i).text()) * (negative ? -1 : 1);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return null;
            }
            out.add(v);
            i++;
            if (i < to) {
                if (!sig.get(i).is(",")) {
                    return null;
                }
                i++;
            }
        }
        return out;
    }

    private static boolean rewrite(
            Expr e, List<Token> sig, TextEdits edits, java.util.function.Supplier<NamedTables> tables) {
        int n = e.children().size();
        String args =
                n == 0 ? "" : edits.original(e.child(0).first(), e.child(n - 1).last());
        String arg0 =
                n == 0 ? "" : edits.original(e.child(0).first(), e.child(0).last());
        if (e.simpleName().equals("octet_length")
                && n == 1
                && e.child(0).unwrap().kind() == Expr.Kind.STRING) {
            return edits.replace(e.first(), e.last(), "CAST(strlen(" + arg0 + ") AS INTEGER)");
        }
        Integer lengthDim = n == 2 && e.simpleName().equals("array_length") ? dimension(e.child(1), sig) : null;
        if (lengthDim != null && lengthDim > 1) {
            // the engine's array_length reads the first dimension only
            return edits.replace(
                    e.first(),
                    e.last(),
                    "CAST(nullif(len((" + arg0 + ")" + "[1]".repeat(lengthDim - 1) + "), 0) AS INTEGER)");
        }
        if (CHAR_LENGTHS.contains(e.simpleName()) && n == 1) {
            padded(e.child(0), edits);
        }
        if (INT4.contains(e.simpleName()) || FLOAT8.contains(e.simpleName())) {
            // the call stays as written (its arguments may still be rewritten); only its result is cast
            edits.insertAfter(e.last(), INT4.contains(e.simpleName()) ? " AS INTEGER)" : " AS DOUBLE)");
            return edits.replace(
                    e.first(), e.first(), "CAST(" + sig.get(e.first()).text());
        }
        return switch (e.simpleName()) {
            case "generate_series" ->
                edits.replace(
                        e.first(),
                        e.last(),
                        integerSeries(sig, e.first() + 2, e.last())
                                ? "unnest(CAST(generate_series(" + args + ") AS INTEGER[]))"
                                : numericSeries(sig, e.first() + 2, e.last())
                                        ? numericSeries(args, n == 3)
                                        : "unnest(generate_series(" + args + "))");
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
                // list(x [ORDER BY ..]) keeps the call's own clauses; json_agg of jsonb values prints each one as
                // jsonb does, and its own brackets and commas are the same in both layouts
                String style = e.simpleName().startsWith("jsonb")
                                || n > 0 && JsonbForms.isJsonb(aggregated(e.child(0), sig), sig, tables.get())
                        ? "jsonb"
                        : "json";
                edits.insertAfter(e.last(), ") AS VARCHAR), '" + style + "') AS JSON)");
                yield edits.replace(e.first(), e.first(), "CAST(lb_pg_json(CAST(to_json(list");
            }
            case "div" ->
                n == 2
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "CAST(trunc((" + arg0 + ") / (" + arg(e, 1, edits) + ")) AS DECIMAL(38,10))");
            case "width_bucket" -> n == 4 && edits.replace(e.first(), e.last(), widthBucket(e, edits));
            case "num_nulls", "num_nonnulls" -> {
                if (n == 0) {
                    yield false;
                }
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? " + " : "")
                            .append("CAST((")
                            .append(arg(e, i, edits))
                            .append(e.simpleName().equals("num_nulls") ? ") IS NULL" : ") IS NOT NULL")
                            .append(" AS INTEGER)");
                }
                yield edits.replace(e.first(), e.last(), sb.append(')').toString());
            }
            case "array_lower", "array_upper" -> {
                Integer dim = n == 2 ? dimension(e.child(1), sig) : null;
                if (dim == null) {
                    yield false;
                }
                String length = "len((" + arg0 + ")" + "[1]".repeat(dim - 1) + ")";
                yield edits.replace(
                        e.first(),
                        e.last(),
                        e.simpleName().equals("array_upper")
                                ? "CAST(nullif(" + length + ", 0) AS INTEGER)"
                                : "(CASE WHEN " + length + " > 0 THEN 1 END)");
            }
            case "array_ndims" ->
                n == 1
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "CAST(nullif(len(regexp_extract_all(typeof(" + arg0 + "), '\\[\\]')), 0) AS INTEGER)");
            case "array_positions" ->
                n == 2
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "CAST(list_filter(range(1, len(" + arg0 + ") + 1), lambda lb_i: (" + arg0
                                        + ")[lb_i] IS NOT DISTINCT FROM (" + arg(e, 1, edits) + ")) AS INTEGER[])");
            case "array_remove" ->
                n == 2
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "list_filter(" + arg0 + ", lambda lb_e: lb_e IS DISTINCT FROM (" + arg(e, 1, edits)
                                        + "))");
            case "array_replace" ->
                n == 3
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "list_transform(" + arg0 + ", lambda lb_e: CASE WHEN lb_e IS NOT DISTINCT FROM ("
                                        + arg(e, 1, edits) + ") THEN (" + arg(e, 2, edits) + ") ELSE lb_e END)");
            case "array_to_string" ->
                n == 3
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "array_to_string(list_transform(" + arg0 + ", lambda lb_e: coalesce(CAST(lb_e AS"
                                        + " VARCHAR), " + arg(e, 2, edits) + ")), " + arg(e, 1, edits) + ")");
            case "make_interval" -> edits.replace(e.first(), e.last(), makeInterval(e, edits));
            // PostgreSQL rounds a double half to even (as the C library does), a numeric half away from zero
            case "round" ->
                n == 1 && isDouble(e.child(0)) && edits.replace(e.first(), e.last(), "round_even(" + arg0 + ", 0)");
            case "justify_days", "justify_hours", "justify_interval" ->
                n == 1
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "CAST(lb_justify(CAST(" + arg0 + " AS VARCHAR), '"
                                        + e.simpleName().substring(8) + "') AS INTERVAL)");
            case "jsonb_pretty" ->
                n == 1 && edits.replace(e.first(), e.last(), "lb_jsonb_pretty(CAST(" + arg0 + " AS VARCHAR))");
            case "jsonb_strip_nulls", "json_strip_nulls" ->
                n == 1
                        && edits.replace(
                                e.first(),
                                e.last(),
                                "CAST(lb_jsonb_strip_nulls(CAST(" + arg0 + " AS VARCHAR)) AS JSON)");
            case "jsonb_set" -> {
                // PostgreSQL's create_if_missing defaults to true; the engine function takes every argument
                if (n < 3 || n > 4) {
                    yield false;
                }
                String create = n == 4
                        ? "CAST("
                                + edits.original(e.child(3).first(), e.child(3).last()) + " AS VARCHAR)"
                        : "'true'";
                StringBuilder call = new StringBuilder("CAST(lb_jsonb_set(");
                for (int i = 0; i < 3; i++) {
                    call.append("CAST(")
                            .append(edits.original(
                                    e.child(i).first(), e.child(i).last()))
                            .append(" AS VARCHAR), ");
                }
                yield edits.replace(e.first(), e.last(), call + create + ") AS JSON)");
            }
            case "json_object_keys", "jsonb_object_keys" ->
                n == 1 && edits.replace(e.first(), e.last(), "unnest(json_keys(CAST(" + arg0 + " AS JSON)))");
            case "json_object_agg", "jsonb_object_agg" -> {
                // json_group_object(k, v [ORDER BY ..]) keeps the call's own clauses
                String style = e.simpleName().startsWith("jsonb") ? "jsonb" : "json";
                edits.insertAfter(e.last(), " AS VARCHAR), '" + style + "') AS JSON)");
                yield edits.replace(e.first(), e.first(), "CAST(lb_pg_json(CAST(json_group_object");
            }
            // PostgreSQL's setseed returns void, which is not NULL (its text is empty); the engine's returns NULL
            case "setseed" ->
                n == 1 && edits.replace(e.first(), e.last(), "coalesce(CAST(setseed(" + arg0 + ") AS VARCHAR), '')");
            // a subset of SQL/JSON paths, computed in Java; the optional vars and silent arguments are not
            case "jsonb_path_query_array", "jsonb_path_query_first", "jsonb_path_exists" -> {
                if (n != 2) {
                    yield false;
                }
                String mode = e.simpleName().endsWith("exists")
                        ? "exists"
                        : e.simpleName().endsWith("first") ? "first" : "array";
                String call = "lb_jsonb_path(CAST(" + arg0 + " AS VARCHAR), CAST(" + arg(e, 1, edits)
                        + " AS VARCHAR), '" + mode + "')";
                yield edits.replace(
                        e.first(), e.last(), "CAST(" + call + (mode.equals("exists") ? " AS BOOLEAN)" : " AS JSON)"));
            }
            default -> false;
        };
    }

    /** PostgreSQL's parameters of make_interval, in order (each may also be given by name: days => 10). */
    private static final List<String> INTERVAL_PARTS =
            List.of("years", "months", "weeks", "days", "hours", "mins", "secs");

    /** {@code make_interval(..)} as the interval text of its parts (0 where not given), cast to INTERVAL. */
    private static String makeInterval(Expr e, TextEdits edits) {
        String[] parts = new String[INTERVAL_PARTS.size()];
        for (int i = 0; i < e.children().size(); i++) {
            Expr c = e.child(i);
            int at = i;
            Expr value = c;
            if (c.kind() == Expr.Kind.BINARY
                    && c.op().equals("=>")
                    && c.child(0).kind() == Expr.Kind.COLUMN) {
                at = INTERVAL_PARTS.indexOf(c.child(0).name().get(0).toLowerCase(Locale.ROOT));
                value = c.child(1);
            }
            if (at < 0 || at >= parts.length) {
                throw new dev.lakebench.core.client.QueryError(
                        dev.lakebench.core.client.ErrorCode.QUERY_INVALID,
                        "make_interval() has no parameter " + edits.original(c.first(), c.last()),
                        "Give years, months, weeks, days, hours, mins and secs, by position or by name (days => 10)");
            }
            parts[at] = edits.original(value.first(), value.last());
        }
        String[] units = {" years ", " months ", " weeks ", " days ", " hours ", " minutes ", " seconds"};
        StringBuilder sb = new StringBuilder("CAST(concat(");
        for (int i = 0; i < parts.length; i++) {
            sb.append(i > 0 ? ", " : "")
                    .append(parts[i] == null ? "'0'" : "CAST((" + parts[i] + ") AS VARCHAR)")
                    .append(", '")
                    .append(units[i])
                    .append('\'');
        }
        return sb.append(") AS INTERVAL)").toString();
    }

    /**
     * A char(n) value's trailing spaces are padding in PostgreSQL, which its length functions do not count; the
     * engine's CHAR(n) is VARCHAR and keeps them. A cast to char(n) given to such a function becomes the text cut
     * to n characters (as the cast does in PostgreSQL) without trailing spaces.
     */
    private static void padded(Expr arg, TextEdits edits) {
        Expr u = arg.unwrap();
        java.util.regex.Matcher m = u.kind() == Expr.Kind.CAST ? CHAR_N.matcher(u.type()) : null;
        if (m == null || !m.matches()) {
            return;
        }
        String n = m.group(2) != null ? m.group(2) : m.group(1).equals("BPCHAR") ? null : "1";
        String text = "CAST(" + edits.original(u.child(0).first(), u.child(0).last()) + " AS VARCHAR)";
        edits.replace(u.first(), u.last(), "rtrim(" + (n == null ? text : "left(" + text + ", " + n + ")") + ")");
    }

    /** A value the written form says is a double: a cast to float8 / double precision, maybe signed. */
    private static boolean isDouble(Expr e) {
        Expr u = e.unwrap();
        if (u.kind() == Expr.Kind.UNARY && (u.op().equals("-") || u.op().equals("+"))) {
            return isDouble(u.child(0));
        }
        return u.kind() == Expr.Kind.CAST
                && Set.of("FLOAT8", "DOUBLE", "DOUBLE PRECISION", "FLOAT").contains(u.type());
    }

    private static String arg(Expr e, int i, TextEdits edits) {
        return edits.original(e.child(i).first(), e.child(i).last());
    }

    /** A dimension written as a positive integer literal, or null. */
    private static Integer dimension(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        String t = u.kind() == Expr.Kind.NUMBER ? sig.get(u.first()).text() : "";
        return t.matches("[1-9]") ? Integer.valueOf(t) : null;
    }

    /** PostgreSQL's bucket of equal width: 0 below the range, count + 1 above it; the bounds may be reversed. */
    private static String widthBucket(Expr e, TextEdits edits) {
        String x = "(" + arg(e, 0, edits) + ")";
        String lo = "(" + arg(e, 1, edits) + ")";
        String hi = "(" + arg(e, 2, edits) + ")";
        String count = "(" + arg(e, 3, edits) + ")";
        return "CAST(CASE WHEN " + lo + " < " + hi + " THEN (CASE WHEN " + x + " < " + lo + " THEN 0 WHEN " + x
                + " >= " + hi + " THEN " + count + " + 1 ELSE floor((" + x + " - " + lo + ") * " + count + " / ("
                + hi + " - " + lo + ")) + 1 END) ELSE (CASE WHEN " + x + " > " + lo + " THEN 0 WHEN " + x + " <= "
                + hi + " THEN " + count + " + 1 ELSE floor((" + lo + " - " + x + ") * " + count + " / (" + lo
                + " - " + hi + ")) + 1 END) END AS INTEGER)";
    }

    /** The value of an aggregate's argument written {@code x ORDER BY ..}: x (the argument itself otherwise). */
    private static Expr aggregated(Expr arg, List<Token> sig) {
        if (arg.kind() == Expr.Kind.OTHER && !arg.children().isEmpty()) {
            Expr x = arg.child(0);
            if (x.first() == arg.first()
                    && x.last() < arg.last()
                    && sig.get(x.last() + 1).isWord("ORDER")) {
                return x;
            }
        }
        return arg;
    }

    /** {@code json} as PostgreSQL prints the type {@code style} ({@code jsonb} or {@code json}), still JSON. */
    static String pgJson(String json, String style) {
        return "CAST(lb_pg_json(CAST(" + json + " AS VARCHAR), '" + style + "') AS JSON)";
    }

    private static boolean utf8(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.STRING
                && Literals.string(sig.get(u.first())).replace("-", "").equalsIgnoreCase("utf8");
    }
}
