package dev.lakebench.app.ui.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds statements in the editor's text: the one under the caret is what Ctrl+Enter runs without a selection. */
public final class SqlScript {

    /** A statement's range in the text and its text (trimmed). */
    public record Statement(int start, int end, String sql) {}

    private SqlScript() {}

    /** The statements of a script, split at top-level semicolons; blank ones are dropped. */
    public static List<Statement> statements(String text) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (SqlTokens.Tok t : SqlTokens.scan(text)) {
            if (t.kind() != SqlTokens.Kind.PUNCT) {
                continue;
            }
            char c = text.charAt(t.start());
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0) {
                add(out, text, start, t.start());
                start = t.end();
            }
        }
        add(out, text, start, text.length());
        return out;
    }

    private static void add(List<Statement> out, String text, int start, int end) {
        String sql = text.substring(start, end);
        boolean significant = SqlTokens.scan(sql).stream().anyMatch(SqlTokens.Tok::significant);
        if (significant) {
            out.add(new Statement(start, end, sql.strip()));
        }
    }

    /**
     * The statement the caret is in; between statements (or after the last one) the one before the caret, and
     * before the first one the first.
     */
    public static Statement statementAt(String text, int caret) {
        List<Statement> all = statements(text);
        if (all.isEmpty()) {
            return null;
        }
        Statement before = all.get(0);
        for (Statement s : all) {
            if (caret >= s.start() && caret <= s.end()) {
                return s;
            }
            if (s.end() <= caret) {
                before = s;
            }
        }
        return before;
    }

    /** The highest $N in a statement (0 when none). */
    public static int maxParameter(String sql) {
        return SqlHighlighter.compute(sql).maxParameter();
    }

    /** Whether a statement returns rows (streamed into the grid) rather than a change count. */
    public static boolean returnsRows(String sql) {
        for (SqlTokens.Tok t : SqlTokens.scan(sql)) {
            if (!t.significant()) {
                continue;
            }
            String w = t.text(sql).toLowerCase(Locale.ROOT);
            return switch (w) {
                case "select",
                        "with",
                        "values",
                        "from",
                        "table",
                        "show",
                        "describe",
                        "summarize",
                        "pragma",
                        "explain",
                        "(" -> true;
                default -> false;
            };
        }
        return false;
    }
}
