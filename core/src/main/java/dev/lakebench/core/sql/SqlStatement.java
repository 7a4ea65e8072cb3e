package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SQL statement: its text, its tokens, and what kind of statement it is (by its leading keywords).
 */
public final class SqlStatement {

    /** Statement classes the dialect treats differently. */
    public enum Kind {
        SELECT,
        INSERT,
        UPDATE,
        DELETE,
        TRUNCATE,
        CREATE_TABLE,
        CREATE_INDEX,
        DROP_TABLE,
        DROP_INDEX,
        ALTER_TABLE,
        EXPLAIN,
        OTHER_DDL,
        TRANSACTION,
        OTHER
    }

    private final String text;
    private final List<Token> tokens;
    private final List<Token> significant;
    private final Kind kind;

    public SqlStatement(String text) {
        this.text = text;
        this.tokens = SqlLexer.tokenize(text);
        this.significant = new ArrayList<>();
        for (Token t : tokens) {
            if (!t.isTrivia()) {
                significant.add(t);
            }
        }
        this.kind = classify(significant);
    }

    /** Splits a script at top-level semicolons; empty statements are dropped. */
    public static List<SqlStatement> split(String script) {
        List<SqlStatement> out = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (Token t : SqlLexer.tokenize(script)) {
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (t.is(";") && depth <= 0) {
                add(out, script.substring(start, t.start()));
                start = t.end();
            }
        }
        add(out, script.substring(start));
        return out;
    }

    private static void add(List<SqlStatement> out, String text) {
        SqlStatement s = new SqlStatement(text);
        if (!s.significant.isEmpty()) {
            out.add(s);
        }
    }

    private static Kind classify(List<Token> sig) {
        if (sig.isEmpty()) {
            return Kind.OTHER;
        }
        String first = sig.get(0).upper();
        String second = sig.size() > 1 ? sig.get(1).upper() : "";
        return switch (first) {
            case "SELECT", "WITH", "VALUES", "FROM", "TABLE", "SHOW", "DESCRIBE", "SUMMARIZE", "PRAGMA" -> Kind.SELECT;
            case "(" -> Kind.SELECT;
            case "INSERT" -> Kind.INSERT;
            case "UPDATE" -> Kind.UPDATE;
            case "DELETE" -> Kind.DELETE;
            case "TRUNCATE" -> Kind.TRUNCATE;
            case "EXPLAIN" -> Kind.EXPLAIN;
            case "BEGIN", "COMMIT", "ROLLBACK", "START", "END", "ABORT" -> Kind.TRANSACTION;
            case "ALTER" -> second.equals("TABLE") ? Kind.ALTER_TABLE : Kind.OTHER_DDL;
            case "DROP" ->
                second.equals("TABLE") ? Kind.DROP_TABLE : second.equals("INDEX") ? Kind.DROP_INDEX : Kind.OTHER_DDL;
            case "CREATE" -> classifyCreate(sig);
            default -> Kind.OTHER;
        };
    }

    private static Kind classifyCreate(List<Token> sig) {
        for (int i = 1; i < Math.min(sig.size(), 5); i++) {
            String w = sig.get(i).upper();
            if (w.equals("TABLE")) {
                return Kind.CREATE_TABLE;
            }
            if (w.equals("INDEX")) {
                return Kind.CREATE_INDEX;
            }
            if (!(w.equals("OR")
                    || w.equals("REPLACE")
                    || w.equals("TEMP")
                    || w.equals("TEMPORARY")
                    || w.equals("UNIQUE")
                    || w.equals("UNLOGGED"))) {
                break;
            }
        }
        return Kind.OTHER_DDL;
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Tokens without trivia. */
    public List<Token> significant() {
        return significant;
    }

    /** Whether the statement has one of {@code words} as a word: a pass's cheap test before it parses expressions. */
    public boolean hasWord(String... words) {
        for (Token t : significant) {
            for (String w : words) {
                if (t.isWord(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    /** Highest $N used, 0 when none. */
    public int maxParameter() {
        int max = 0;
        for (Token t : significant) {
            if (t.kind() == Token.Kind.PARAMETER) {
                max = Math.max(max, t.parameterIndex());
            }
        }
        return max;
    }

    /** Index in {@link #significant()} of the first top-level WORD equal to one of {@code words}, from {@code from}. */
    public int findTopLevel(int from, String... words) {
        int depth = 0;
        for (int i = from; i < significant.size(); i++) {
            Token t = significant.get(i);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            } else if (depth == 0 && t.kind() == Token.Kind.WORD) {
                for (String w : words) {
                    if (t.text().equalsIgnoreCase(w)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return kind + ": " + text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
