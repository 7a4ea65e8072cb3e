package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.EngineTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text of a one-dimensional array ({@code {a,"b c",NULL}}) read by the engine at run time, for text
 * that arrives with the rows (a file COPY FROM reads) rather than in the statement ({@link ArrayLiteral} reads
 * that). Elements may be double-quoted, a backslash escapes the next character, whitespace around an element
 * is dropped and an unquoted NULL is the null element; text that does not start and end with braces fails with
 * PostgreSQL's message.
 */
final class PgArrayText {

    /** One element: a quoted one with the whitespace around it, or an unquoted run up to the next comma. */
    private static final String ELEMENT = "\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*|(?:[^,\"\\\\]|\\\\.)+";

    private PgArrayText() {}

    /** Whether a column made by SQL holds a one-dimensional array ({@code text[]}, {@code int[]}). */
    static boolean isListColumn(Column c) {
        if (c.type() != ColumnType.OTHER || c.engineType() == null) {
            return false;
        }
        String t = c.engineType().strip();
        return t.endsWith("[]") && !t.substring(0, t.length() - 2).strip().endsWith("]");
    }

    /** The engine expression that reads the text value {@code text} (an identifier) as {@code type}. */
    static String read(String text, String type) {
        String t = "trim(" + text + ")";
        String body = "trim(substr(" + t + ", 2, length(" + t + ") - 2))";
        String unescape = "regexp_replace(%s, '\\\\(.)', '\\1', 'g')";
        String element = "CASE WHEN trim(e) ILIKE 'null' THEN NULL WHEN trim(e) LIKE '\"%' THEN "
                + unescape.formatted("substr(trim(e), 2, length(trim(e)) - 2)") + " ELSE "
                + unescape.formatted("trim(e)") + " END";
        return "CAST(CASE WHEN " + t + " NOT LIKE '{%}' THEN error('malformed array literal: \"' || " + text
                + " || '\"') ELSE list_transform(regexp_extract_all(" + body + ", '" + ELEMENT + "'), lambda e: "
                + element + ") END AS " + type + ")";
    }

    /**
     * The select list that reads the columns of a file (named {@code lb_copy_1..n} by position) into
     * {@code targets}, array text read by {@link #read}; null when no target is an array.
     */
    static String selectList(List<Column> targets) {
        if (targets.stream().noneMatch(PgArrayText::isListColumn)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            String name = fileColumn(i);
            Column c = targets.get(i);
            out.add(isListColumn(c) ? read(name, EngineTypes.of(c)) : name);
        }
        return String.join(", ", out);
    }

    /** The names {@link #selectList} reads the file's first {@code n} columns by. */
    static String fileColumns(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(fileColumn(i));
        }
        return String.join(", ", out);
    }

    private static String fileColumn(int i) {
        return "lb_copy_" + (i + 1);
    }
}
