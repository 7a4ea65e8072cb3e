package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.Catalog;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Points INSERT, UPDATE, DELETE and TRUNCATE at a Lakebench table's data table. Users address the view
 * {@code main.t}; rows live in {@code lb_data.t} next to the row key and version columns, so the rewrite
 * (1) replaces the target name, (2) gives an INSERT without a column list the table's columns, (3) makes UPDATE
 * bump the row version so indexes see the change, and (4) keeps RETURNING * to the user's columns, read as the
 * table's view reads them.
 */
public final class DmlRewriter {

    /** A rewritten statement and the table it writes. */
    public record Rewrite(String sql, TableDef table) {}

    private DmlRewriter() {}

    public static Optional<Rewrite> rewrite(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        SqlEdits edits = new SqlEdits();
        return edit(st, tables, edits).map(def -> new Rewrite(edits.apply(st.text()), def));
    }

    /** Adds the retargeting edits of a DML statement to {@code edits}; returns the table written, if any. */
    public static Optional<TableDef> edit(
            SqlStatement st, Function<String, Optional<TableDef>> tables, SqlEdits edits) {
        return switch (st.kind()) {
            case INSERT -> insert(st, tables, edits);
            case UPDATE -> update(st, tables, edits);
            case DELETE -> target(st, tables, indexOfWord(st, "FROM", 0) + 1, edits);
            case TRUNCATE -> {
                int at = 1;
                if (at < st.significant().size() && st.significant().get(at).isWord("TABLE")) {
                    at++;
                }
                yield target(st, tables, at, edits);
            }
            default -> Optional.empty();
        };
    }

    private static Optional<TableDef> target(
            SqlStatement st, Function<String, Optional<TableDef>> tables, int at, SqlEdits edits) {
        Located loc = locate(st, tables, at);
        if (loc == null) {
            return Optional.empty();
        }
        replaceName(st, loc, edits);
        restrictReturning(st, loc.def, edits);
        return Optional.of(loc.def);
    }

    private static Optional<TableDef> insert(
            SqlStatement st, Function<String, Optional<TableDef>> tables, SqlEdits edits) {
        List<Token> sig = st.significant();
        int into = indexOfWord(st, "INTO", 0);
        if (into < 0) {
            return Optional.empty();
        }
        Located loc = locate(st, tables, into + 1);
        if (loc == null) {
            return Optional.empty();
        }
        replaceName(st, loc, edits);
        int after = loc.name().lastToken() + 1;
        int nameEnd = loc.name().lastToken();
        if (after < sig.size() && sig.get(after).isWord("AS")) {
            nameEnd = after + 1;
            after += 2;
        }
        boolean byName = after + 1 < sig.size()
                && sig.get(after).isWord("BY")
                && sig.get(after + 1).isWord("NAME");
        boolean defaults = after < sig.size() && sig.get(after).isWord("DEFAULT");
        boolean hasColumnList = after + 1 < sig.size()
                && sig.get(after).is("(")
                && !(sig.get(after + 1).isWord("SELECT")
                        || sig.get(after + 1).isWord("WITH")
                        || sig.get(after + 1).isWord("VALUES"));
        if (!byName && !defaults && !hasColumnList) {
            // as PostgreSQL: VALUES rows shorter than the table fill its first columns, the rest take defaults
            int given = valuesWidth(sig, after);
            edits.insert(sig.get(nameEnd).end(), " (" + columnList(loc.def, given) + ")");
        }
        restrictReturning(st, loc.def, edits);
        return Optional.of(loc.def);
    }

    private static Optional<TableDef> update(
            SqlStatement st, Function<String, Optional<TableDef>> tables, SqlEdits edits) {
        List<Token> sig = st.significant();
        Located loc = locate(st, tables, 1);
        if (loc == null) {
            return Optional.empty();
        }
        replaceName(st, loc, edits);
        int set = st.findTopLevel(loc.name().lastToken() + 1, "SET");
        if (set < 0) {
            return Optional.empty();
        }
        int end = st.findTopLevel(set + 1, "FROM", "WHERE", "RETURNING");
        String bump = ", " + TableDef.VERSION_COLUMN + " = nextval('"
                + loc.def.sequence().replace("'", "''") + "')";
        if (end < 0) {
            edits.insert(sig.get(sig.size() - 1).end(), bump);
        } else {
            edits.insert(sig.get(end - 1).end(), bump);
        }
        restrictReturning(st, loc.def, edits);
        return Optional.of(loc.def);
    }

    private record Located(QualifiedName name, TableDef def) {}

    private static Located locate(SqlStatement st, Function<String, Optional<TableDef>> tables, int at) {
        if (at <= 0) {
            return null;
        }
        QualifiedName name = QualifiedName.read(st.significant(), at);
        if (name == null
                || name.parts().size() > 2
                || name.schema() != null && !name.schema().equalsIgnoreCase("main")) {
            return null;
        }
        return tables.apply(name.name()).map(def -> new Located(name, def)).orElse(null);
    }

    private static void replaceName(SqlStatement st, Located loc, SqlEdits edits) {
        List<Token> sig = st.significant();
        edits.replace(sig.get(loc.name().firstToken()), sig.get(loc.name().lastToken()), loc.def.dataTable());
    }

    private static void restrictReturning(SqlStatement st, TableDef def, SqlEdits edits) {
        int ret = st.findTopLevel(0, "RETURNING");
        List<Token> sig = st.significant();
        if (ret >= 0 && ret + 1 < sig.size() && sig.get(ret + 1).is("*") && ret + 2 == sig.size()) {
            StringBuilder sb = new StringBuilder();
            for (Column c : def.schema().columns()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(Catalog.viewColumn(c));
            }
            edits.replace(sig.get(ret + 1), sig.get(ret + 1), sb.toString());
        }
    }

    /** The number of values in the first row of {@code VALUES (..)} at {@code at}, or -1 for another source. */
    static int valuesWidth(List<Token> sig, int at) {
        if (at + 1 >= sig.size()
                || !sig.get(at).isWord("VALUES")
                || !sig.get(at + 1).is("(")) {
            return -1;
        }
        int[] match = Brackets.match(sig);
        int close = match[at + 1];
        if (close <= at + 2) {
            return -1;
        }
        int width = 1;
        for (int i = at + 2; i < close; i++) {
            if (sig.get(i).is("(") || sig.get(i).is("[")) {
                i = Math.max(i, match[i]);
            } else if (sig.get(i).is(",")) {
                width++;
            }
        }
        return width;
    }

    /** The table's columns, or its first {@code width} when that is fewer. */
    private static String columnList(TableDef def, int width) {
        StringBuilder sb = new StringBuilder();
        List<Column> columns = def.schema().columns();
        if (width > 0 && width < columns.size()) {
            columns = columns.subList(0, width);
        }
        for (Column c : columns) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(c.name()));
        }
        return sb.toString();
    }

    private static int indexOfWord(SqlStatement st, String word, int from) {
        List<Token> sig = st.significant();
        for (int i = from; i < sig.size(); i++) {
            if (sig.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }
}
