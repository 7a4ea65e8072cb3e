package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY t [(cols)] FROM 'file' [WITH] (FORMAT csv|text, HEADER, DELIMITER 'c', NULL 's', QUOTE 'c', ESCAPE
 * 'c')} (and the older {@code WITH CSV HEADER} spelling) into a Lakebench table becomes {@code INSERT INTO t [(cols)]
 * SELECT * FROM read_csv('file', ...)}: the table is a view the engine cannot copy into, and the INSERT takes the
 * table's own write path (vectors, indexes, constraints). The file is read by the engine, so the SQL sandbox
 * applies: only files under a directory opened with {@code --allow-files} are readable. Columns are matched by
 * position and converted from text, as PostgreSQL does; array columns read PostgreSQL's array text
 * ({@link PgArrayText}).
 */
final class CopyFrom implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.size() < 4 || !sig.get(0).isWord("COPY")) {
            return st;
        }
        int i = 1;
        int nameFirst = i;
        while (i + 2 < sig.size() && sig.get(i + 1).is(".")) {
            i += 2;
        }
        int nameLast = i;
        String table = sig.get(nameLast).identifier();
        Optional<TableDef> def = ctx.tables().apply(table);
        if (def.isEmpty()) {
            return st;
        }
        i++;
        String columns = "";
        List<Column> targets = def.get().schema().columns();
        if (i < sig.size() && sig.get(i).is("(")) {
            int close = Brackets.match(sig)[i];
            columns =
                    " " + st.text().substring(sig.get(i).start(), sig.get(close).end());
            targets = new ArrayList<>();
            for (int c = i + 1; c < close; c++) {
                def.get().schema().column(sig.get(c).identifier()).ifPresent(targets::add);
            }
            i = close + 1;
        }
        if (i + 1 >= sig.size() || !sig.get(i).isWord("FROM") || sig.get(i + 1).kind() != Token.Kind.STRING) {
            if (i < sig.size() && sig.get(i).isWord("FROM")) {
                throw new dev.lakebench.core.client.QueryError(
                        dev.lakebench.core.client.ErrorCode.QUERY_INVALID,
                        "COPY ... FROM "
                                + sig.get(i + 1 < sig.size() ? i + 1 : i).text()
                                + " is not supported by the local engine",
                        "Copy from a file: COPY " + table + " FROM '/path/file.csv' WITH (FORMAT csv, HEADER)");
            }
            return st;
        }
        String file = sig.get(i + 1).text();
        List<String> opts = options(sig, i + 2);
        String source = "read_csv(" + file + ", " + String.join(", ", opts) + ")";
        // array columns hold PostgreSQL's array text, which the engine's cast does not read
        String arrays = PgArrayText.selectList(targets);
        String sql = "INSERT INTO "
                + st.text()
                        .substring(sig.get(nameFirst).start(), sig.get(nameLast).end()) + columns
                + (arrays == null
                        ? " SELECT * FROM " + source
                        : " SELECT " + arrays + " FROM " + source + " AS lb_copy("
                                + PgArrayText.fileColumns(targets.size()) + ")");
        return new SqlStatement(sql);
    }

    /** read_csv's options for PostgreSQL's COPY options starting at token {@code from}. */
    private static List<String> options(List<Token> sig, int from) {
        boolean csv = false;
        boolean header = false;
        String delimiter = null;
        String nullText = null;
        String quote = null;
        String escape = null;
        for (int i = from; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() != Token.Kind.WORD) {
                continue;
            }
            String next = i + 1 < sig.size() ? sig.get(i + 1).text() : "";
            switch (t.upper()) {
                case "FORMAT" -> {
                    csv = next.equalsIgnoreCase("csv") || next.equalsIgnoreCase("'csv'");
                    i++;
                }
                case "CSV" -> csv = true;
                case "HEADER" ->
                    header = !(next.equalsIgnoreCase("false") || next.equals("0") || next.equalsIgnoreCase("off"));
                case "DELIMITER" -> delimiter = next;
                case "NULL" -> nullText = next;
                case "QUOTE" -> quote = next;
                case "ESCAPE" -> escape = next;
                default -> {
                    // WITH, true, and the values read above
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("header = " + header);
        out.add("delim = " + (delimiter != null ? delimiter : csv ? "','" : "'\t'"));
        out.add("nullstr = " + (nullText != null ? nullText : csv ? "''" : "'\\N'"));
        out.add("quote = " + (quote != null ? quote : csv ? "'\"'" : "''"));
        if (escape != null) {
            out.add("escape = " + escape);
        } else if (csv) {
            out.add("escape = " + (quote != null ? quote : "'\"'"));
        }
        out.add("all_varchar = true");
        return out;
    }
}
