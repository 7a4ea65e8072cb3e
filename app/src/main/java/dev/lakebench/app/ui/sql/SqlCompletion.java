package dev.lakebench.app.ui.sql;

import dev.lakebench.core.schema.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Completion at the caret: tables after FROM/JOIN/INTO/UPDATE; columns of the tables the statement names anywhere
 * (also after the caret, so {@code SELECT |} before an existing FROM), of {@code alias.}, or of the table selected
 * in the browser when the statement names none yet; then functions and keywords, filtered by the word being typed.
 */
public final class SqlCompletion {

    /** What a suggestion is. */
    public enum Kind {
        COLUMN,
        TABLE,
        FUNCTION,
        KEYWORD
    }

    /** One suggestion: the text to insert, its kind and a detail (column type, table). */
    public record Suggestion(String text, Kind kind, String detail) {}

    /** Suggestions replacing the range [from, to) of the text. */
    public record Result(int from, int to, List<Suggestion> suggestions) {}

    static final List<String> FUNCTIONS = List.of(
            "count",
            "sum",
            "avg",
            "min",
            "max",
            "contains",
            "deeplake_hybrid_record",
            "length",
            "lower",
            "upper",
            "coalesce",
            "round",
            "abs",
            "substr",
            "replace",
            "trim",
            "concat",
            "string_agg",
            "list",
            "unnest",
            "regexp_matches",
            "strftime",
            "date_trunc",
            "now",
            "decode",
            "encode",
            "octet_length",
            "array_length",
            "cardinality",
            "row_number",
            "rank",
            "first",
            "last",
            "any_value",
            "median",
            "quantile_cont",
            "stddev",
            "greatest",
            "least",
            "nullif",
            "random",
            "md5",
            "hash");

    private static final Set<String> TABLE_CONTEXT = Set.of("from", "join", "into", "update", "table");

    private SqlCompletion() {}

    public static Result complete(String text, int caret, SchemaCatalog catalog) {
        return complete(text, caret, catalog, null);
    }

    /**
     * Completion at the caret; {@code selectedTable} (the table selected in the browser, may be null) supplies
     * the columns while the statement names no table yet ({@code SELECT |} before FROM is typed).
     */
    public static Result complete(String text, int caret, SchemaCatalog catalog, String selectedTable) {
        int from = caret;
        while (from > 0 && isWord(text.charAt(from - 1))) {
            from--;
        }
        String prefix = text.substring(from, caret).toLowerCase(Locale.ROOT);
        SqlScript.Statement st = SqlScript.statementAt(text, caret);
        String stmt =
                st == null ? "" : text.substring(st.start(), Math.max(st.start(), Math.min(st.end(), text.length())));
        Map<String, String> aliases = aliases(stmt, catalog);
        if (aliases.isEmpty() && selectedTable != null) {
            catalog.canonical(selectedTable).ifPresent(t -> aliases.put(t.toLowerCase(Locale.ROOT), t));
        }
        List<Suggestion> out = new ArrayList<>();
        if (from > 0 && text.charAt(from - 1) == '.') {
            int q = from - 1;
            int qs = q;
            while (qs > 0 && (isWord(text.charAt(qs - 1)) || text.charAt(qs - 1) == '"')) {
                qs--;
            }
            String qualifier = text.substring(qs, q).replace("\"", "").toLowerCase(Locale.ROOT);
            String table = aliases.getOrDefault(qualifier, qualifier);
            catalog.columns(table).ifPresent(cols -> {
                for (Column c : cols) {
                    out.add(new Suggestion(c.name(), Kind.COLUMN, c.typeName()));
                }
            });
            return new Result(from, caret, filter(out, prefix));
        }
        String previous = previousWord(text, from);
        if (TABLE_CONTEXT.contains(previous)) {
            for (String t : catalog.tableNames()) {
                out.add(new Suggestion(t, Kind.TABLE, "table"));
            }
            return new Result(from, caret, filter(out, prefix));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String table : new LinkedHashSet<>(aliases.values())) {
            catalog.columns(table).ifPresent(cols -> {
                for (Column c : cols) {
                    if (seen.add(c.name().toLowerCase(Locale.ROOT))) {
                        out.add(new Suggestion(c.name(), Kind.COLUMN, c.typeName() + " · " + table));
                    }
                }
            });
        }
        for (String t : catalog.tableNames()) {
            out.add(new Suggestion(t, Kind.TABLE, "table"));
        }
        for (String f : FUNCTIONS) {
            out.add(new Suggestion(f, Kind.FUNCTION, "function"));
        }
        for (String k : SqlTokens.KEYWORDS) {
            out.add(new Suggestion(k.toUpperCase(Locale.ROOT), Kind.KEYWORD, "keyword"));
        }
        return new Result(from, caret, filter(out, prefix));
    }

    private static List<Suggestion> filter(List<Suggestion> all, String prefix) {
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : all) {
            String t = s.text().toLowerCase(Locale.ROOT);
            if (t.startsWith(prefix) && !(t.equals(prefix) && s.kind() == Kind.KEYWORD)) {
                out.add(s);
            }
        }
        if (prefix.isEmpty()) {
            out.removeIf(s -> s.kind() == Kind.KEYWORD);
        }
        out.sort(Comparator.comparing(Suggestion::kind)
                .thenComparing(s -> s.text().toLowerCase(Locale.ROOT)));
        return out.size() > 200 ? out.subList(0, 200) : out;
    }

    /**
     * Tables a statement names after FROM/JOIN/UPDATE/INTO, keyed by their alias and by their own name
     * (lower case), so that {@code i.} and {@code images.} both find the columns of {@code images}.
     */
    static Map<String, String> aliases(String stmt, SchemaCatalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
        List<SqlTokens.Tok> toks = new ArrayList<>();
        for (SqlTokens.Tok t : SqlTokens.scan(stmt)) {
            if (t.significant()) {
                toks.add(t);
            }
        }
        for (int i = 0; i + 1 < toks.size(); i++) {
            String w = toks.get(i).text(stmt).toLowerCase(Locale.ROOT);
            boolean listStart = TABLE_CONTEXT.contains(w);
            boolean comma = w.equals(",") && inFromList(toks, stmt, i);
            if (!listStart && !comma) {
                continue;
            }
            SqlTokens.Tok name = toks.get(i + 1);
            if (name.kind() != SqlTokens.Kind.IDENT
                    && name.kind() != SqlTokens.Kind.QUOTED_IDENT
                    && name.kind() != SqlTokens.Kind.FUNCTION) {
                continue;
            }
            String table = name.text(stmt).replace("\"", "");
            String canonical = catalog.canonical(table).orElse(table);
            out.put(table.toLowerCase(Locale.ROOT), canonical);
            int j = i + 2;
            if (j < toks.size() && toks.get(j).text(stmt).equalsIgnoreCase("as")) {
                j++;
            }
            if (j < toks.size() && toks.get(j).kind() == SqlTokens.Kind.IDENT) {
                out.put(toks.get(j).text(stmt).toLowerCase(Locale.ROOT), canonical);
            }
        }
        return out;
    }

    private static boolean inFromList(List<SqlTokens.Tok> toks, String stmt, int comma) {
        for (int i = comma - 1; i >= 0; i--) {
            String w = toks.get(i).text(stmt).toLowerCase(Locale.ROOT);
            if (w.equals("from")) {
                return true;
            }
            if (toks.get(i).kind() == SqlTokens.Kind.KEYWORD && !w.equals("as")) {
                return false;
            }
        }
        return false;
    }

    private static String previousWord(String text, int from) {
        int i = from - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        int end = i + 1;
        while (i >= 0 && isWord(text.charAt(i))) {
            i--;
        }
        return text.substring(i + 1, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Groups suggestions by kind (for tests and the popup's sections). */
    static Map<Kind, List<String>> byKind(List<Suggestion> s) {
        Map<Kind, List<String>> m = new HashMap<>();
        for (Suggestion x : s) {
            m.computeIfAbsent(x.kind(), k -> new ArrayList<>()).add(x.text());
        }
        return m;
    }
}
