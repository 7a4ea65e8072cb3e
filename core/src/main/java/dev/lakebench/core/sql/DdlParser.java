package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDL the dialect handles itself: {@code CREATE TABLE} (column definitions or {@code AS query}) as Lakebench
 * tables, {@code CREATE INDEX .. USING deeplake_index} and {@code DROP INDEX}. Statements it does not take
 * (temporary tables, other schemas, constraints a Lakebench table cannot keep when {@code USING deeplake} is
 * absent) return null and go to the engine unchanged.
 */
final class DdlParser {

    private static final Set<String> CONSTRAINT_WORDS = Set.of(
            "NOT",
            "NULL",
            "DEFAULT",
            "PRIMARY",
            "UNIQUE",
            "CHECK",
            "REFERENCES",
            "COLLATE",
            "GENERATED",
            "CONSTRAINT",
            "AS");
    private static final Set<String> TABLE_CONSTRAINTS =
            Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE");
    private static final Pattern SIZED_ARRAY = Pattern.compile("(.*?)\\[(\\d+)\\](\\[\\d*\\])?");
    private static final Pattern PAREN_SIZE = Pattern.compile("(VECTOR|EMBEDDING|EMBEDDING_2D)\\((\\d+)\\)");
    private static final Pattern CHARACTER =
            Pattern.compile("(VARCHAR|CHARACTER VARYING|CHAR|CHARACTER|BPCHAR)(?:\\((\\d+)\\))?");
    /** PostgreSQL's largest n of varchar(n) and char(n). */
    private static final int MAX_LENGTH = 10_485_760;

    private DdlParser() {}

    // ---- CREATE TABLE ----

    /** The query of CREATE TABLE .. AS as written, or {@code rewritten} when it cannot be found. */
    private static String writtenQuery(SqlStatement written, String rewritten) {
        int as = written.findTopLevel(0, "AS");
        return as < 0 || as + 1 >= written.significant().size()
                ? rewritten
                : written.text().substring(written.significant().get(as + 1).start());
    }

    /**
     * {@code st} after the statement passes; {@code written} as the user wrote it, where CREATE TABLE .. AS reads
     * the casts to varchar(n) / char(n) the passes rewrite.
     */
    static Translation createTable(SqlStatement st, SqlStatement written, Function<String, Optional<TableDef>> tables) {
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        int at = 1;
        boolean orReplace = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("OR") && sig.get(at + 1).isWord("REPLACE")) {
            orReplace = true;
            at += 2;
        }
        if (sig.get(at).isWord("TEMP")
                || sig.get(at).isWord("TEMPORARY")
                || sig.get(at).isWord("UNLOGGED")) {
            return null;
        }
        if (!sig.get(at).isWord("TABLE")) {
            return null;
        }
        at++;
        boolean ifNotExists = false;
        if (at + 2 < sig.size()
                && sig.get(at).isWord("IF")
                && sig.get(at + 1).isWord("NOT")
                && sig.get(at + 2).isWord("EXISTS")) {
            ifNotExists = true;
            at += 3;
        }
        QualifiedName name = QualifiedName.read(sig, at);
        if (name == null
                || name.parts().size() > 2
                || name.schema() != null && !name.schema().equalsIgnoreCase("main")) {
            return null;
        }
        at = name.lastToken() + 1;
        boolean deeplake = false;
        List<Translation.ColumnDef> columns = null;
        if (at < sig.size() && sig.get(at).is("(")) {
            int close = match[at];
            columns = columns(st, sig, match, at + 1, close);
            at = close + 1;
        }
        while (at < sig.size() && !sig.get(at).isWord("AS")) {
            if (sig.get(at).isWord("USING") && at + 1 < sig.size()) {
                String method = sig.get(at + 1).identifier().toLowerCase(Locale.ROOT);
                if (!method.equals("deeplake")) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Table access method \"" + method + "\" is not available",
                            "Write CREATE TABLE ... USING deeplake, or leave USING out");
                }
                deeplake = true;
                at += 2;
            } else if (sig.get(at).isWord("WITH")
                    && at + 1 < sig.size()
                    && sig.get(at + 1).is("(")) {
                at = match[at + 1] + 1; // storage parameters mean nothing here
            } else {
                return deeplake ? unsupported(st, sig.get(at)) : null;
            }
        }
        if (!deeplake && !lakebenchName(name.name())) {
            // a name Lakebench tables cannot have (e.g. the reserved _lb_ prefix): an engine table, as written
            return null;
        }
        if (at < sig.size() && sig.get(at).isWord("AS")) {
            if (columns != null) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "CREATE TABLE ... (columns) AS query is not supported",
                        "Name the columns in the query instead: CREATE TABLE t AS SELECT a AS x, b AS y FROM s");
            }
            String query = st.text().substring(sig.get(at + 1).start());
            return new Translation.CreateTableAs(
                    name.name(),
                    Dialect.nestedQuery(query, tables),
                    ifNotExists,
                    orReplace,
                    JsonbForms.jsonbColumns(query, new PassContext(tables)),
                    CharacterColumns.of(writtenQuery(written, query), new PassContext(tables)));
        }
        if (columns == null) {
            return deeplake ? unsupported(st, sig.get(sig.size() - 1)) : null;
        }
        for (Translation.ColumnDef c : columns) {
            if (c == null) {
                if (deeplake) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "A deeplake table keeps no table constraints, CHECK,"
                                    + " REFERENCES, COLLATE or generated columns",
                            "Remove them; NOT NULL, DEFAULT, PRIMARY KEY and" + " UNIQUE on a column are kept");
                }
                return null;
            }
        }
        return new Translation.CreateTable(name.name(), columns, ifNotExists, orReplace);
    }

    private static boolean lakebenchName(String name) {
        try {
            dev.lakebench.core.store.Identifiers.checkTableName(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Translation unsupported(SqlStatement st, Token t) {
        throw new QueryError(
                ErrorCode.QUERY_SYNTAX,
                "CREATE TABLE: unexpected \"" + t.text() + "\" at character " + (t.start() + 1),
                "Write CREATE TABLE t (col type, ...) USING deeplake, or CREATE TABLE t AS SELECT ...");
    }

    /** Column definitions of {@code (..)}; a null entry marks something a Lakebench table cannot keep. */
    private static List<Translation.ColumnDef> columns(
            SqlStatement st, List<Token> sig, int[] match, int from, int to) {
        List<Translation.ColumnDef> out = new ArrayList<>();
        int i = from;
        ExprParser exprs = new ExprParser(sig, match);
        while (i < to) {
            int comma = exprs.nextComma(i, to);
            out.add(column(st, sig, match, i, comma));
            i = comma + 1;
        }
        return out;
    }

    /** One column definition ({@code name type [constraints]}) of tokens {@code [from, to)}; null when it has others. */
    static Translation.ColumnDef columnDefinition(SqlStatement st, List<Token> sig, int[] match, int from, int to) {
        return column(st, sig, match, from, to);
    }

    private static Translation.ColumnDef column(SqlStatement st, List<Token> sig, int[] match, int from, int to) {
        Token first = sig.get(from);
        if (first.kind() == Token.Kind.WORD && TABLE_CONSTRAINTS.contains(first.upper())) {
            return null;
        }
        if (!QualifiedName.isName(first) || from + 1 >= to) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "CREATE TABLE: cannot read the column definition at character " + (first.start() + 1),
                    "Write name type, e.g. embedding float4[]");
        }
        String name = first.identifier();
        int t = from + 1;
        int typeEnd = t;
        while (typeEnd < to
                && !(sig.get(typeEnd).kind() == Token.Kind.WORD
                        && CONSTRAINT_WORDS.contains(sig.get(typeEnd).upper())
                        && typeEnd > t)) {
            if (sig.get(typeEnd).is("(") || sig.get(typeEnd).is("[")) {
                typeEnd = match[typeEnd];
            }
            typeEnd++;
        }
        String typeText = new ExprParser(sig, match).typeText(t, typeEnd - 1);
        String written =
                st.text().substring(sig.get(t).start(), sig.get(typeEnd - 1).end());
        Translation.ColumnDef def = type(name, typeText, written);
        boolean notNull = false;
        boolean unique = false;
        String defaultSql = null;
        int i = typeEnd;
        while (i < to) {
            Token k = sig.get(i);
            if (k.isWord("NOT") && i + 1 < to && sig.get(i + 1).isWord("NULL")) {
                notNull = true;
                i += 2;
            } else if (k.isWord("NULL")) {
                i++;
            } else if (k.isWord("PRIMARY") && i + 1 < to && sig.get(i + 1).isWord("KEY")) {
                notNull = true;
                unique = true;
                i += 2;
            } else if (k.isWord("UNIQUE")) {
                unique = true;
                i++;
            } else if (k.isWord("DEFAULT")) {
                int end = i + 1;
                while (end < to
                        && !(sig.get(end).kind() == Token.Kind.WORD
                                && CONSTRAINT_WORDS.contains(sig.get(end).upper())
                                && !sig.get(end).isWord("NULL"))) {
                    if (sig.get(end).is("(") || sig.get(end).is("[")) {
                        end = match[end];
                    }
                    end++;
                }
                defaultSql = st.text()
                        .substring(sig.get(i + 1).start(), sig.get(end - 1).end());
                i = end;
            } else {
                return null;
            }
        }
        return new Translation.ColumnDef(
                def.name(),
                def.type(),
                def.dimension(),
                def.engineType(),
                notNull || def.notNull(),
                defaultSql,
                def.serial(),
                unique);
    }

    /** The Lakebench type of a column type as written (sizes of vectors taken from {@code [n]} or {@code (n)}). */
    static Translation.ColumnDef type(String name, String type, String written) {
        int dim = 0;
        String base = type;
        Matcher paren = PAREN_SIZE.matcher(type);
        if (paren.matches()) {
            dim = Integer.parseInt(paren.group(2));
            base = paren.group(1).equals("EMBEDDING_2D") ? "EMBEDDING_2D" : "EMBEDDING";
        }
        Matcher sized = SIZED_ARRAY.matcher(type);
        if (sized.matches()) {
            base = sized.group(1) + "[]" + (sized.group(3) != null ? "[]" : "");
            dim = sized.group(3) != null && sized.group(3).length() > 2
                    ? Integer.parseInt(
                            sized.group(3).substring(1, sized.group(3).length() - 1))
                    : Integer.parseInt(sized.group(2));
        }
        boolean serial = base.equals("SERIAL")
                || base.equals("BIGSERIAL")
                || base.equals("SMALLSERIAL")
                || base.equals("SERIAL4")
                || base.equals("SERIAL8");
        String stripped = base.replaceAll("\\(.*\\)$", "");
        ColumnType ct = ColumnType.parse(base).orElse(null);
        if (ct == null
                && (stripped.equals("VARCHAR")
                        || stripped.equals("CHARACTER VARYING")
                        || stripped.equals("CHAR")
                        || stripped.equals("CHARACTER")
                        || stripped.equals("BPCHAR"))) {
            ct = ColumnType.TEXT;
        }
        if (serial) {
            // as PostgreSQL: serial / serial4 / smallserial are integer columns, bigserial / serial8 bigint
            ct = base.equals("BIGSERIAL") || base.equals("SERIAL8") ? ColumnType.INT64 : ColumnType.INT32;
        }
        if (ct == ColumnType.FILE) {
            // pg_deeplake's FILE is a byte-string domain: in a table definition it holds the file's bytes
            ct = ColumnType.BINARY;
        }
        if (ct == null) {
            String engine = DomainTypes.engineType(base);
            return new Translation.ColumnDef(
                    name, ColumnType.OTHER, 0, engine != null ? engine : written, false, null, false, false);
        }
        if (!ct.isVector()) {
            dim = 0;
        }
        if (base.equals("JSON") || base.equals("JSONB")) {
            // text in results, but the engine's JSON in storage, and remembered as declared
            return new Translation.ColumnDef(name, ct, 0, base, false, null, false, false);
        }
        String character = characterType(base);
        if (character != null) {
            // text in storage; the declared type is remembered, and its length checked on writes
            return new Translation.ColumnDef(name, ColumnType.TEXT, 0, character, false, null, false, false);
        }
        return new Translation.ColumnDef(name, ct, dim, null, false, null, serial, false);
    }

    /**
     * The declared form of a character type as {@link dev.lakebench.core.schema.Column} keeps it: {@code VARCHAR(n)},
     * {@code CHAR(n)} (char alone is char(1), as in PostgreSQL) or {@code VARCHAR}; null for other types and for
     * bpchar without a length, which is unbounded text.
     */
    static String characterType(String type) {
        Matcher m = CHARACTER.matcher(type);
        if (!m.matches()) {
            return null;
        }
        boolean varying = m.group(1).equals("VARCHAR") || m.group(1).equals("CHARACTER VARYING");
        if (m.group(2) == null) {
            return varying ? "VARCHAR" : m.group(1).equals("BPCHAR") ? null : "CHAR(1)";
        }
        long n = Long.parseLong(m.group(2));
        String pgName = varying ? "varchar" : "char";
        if (n < 1) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "length for type " + pgName + " must be at least 1",
                    "Write " + pgName + "(1) or more, or text for no limit");
        }
        if (n > MAX_LENGTH) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "length for type " + pgName + " cannot exceed " + MAX_LENGTH,
                    "Use text for longer values");
        }
        return (varying ? "VARCHAR(" : "CHAR(") + n + ")";
    }

    // ---- CREATE INDEX ----

    static Translation createIndex(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        int at = 1;
        boolean unique = false;
        if (sig.get(at).isWord("UNIQUE")) {
            unique = true;
            at++;
        }
        at++; // INDEX
        if (at < sig.size() && sig.get(at).isWord("CONCURRENTLY")) {
            at++;
        }
        boolean ifNotExists = false;
        if (at + 2 < sig.size()
                && sig.get(at).isWord("IF")
                && sig.get(at + 1).isWord("NOT")
                && sig.get(at + 2).isWord("EXISTS")) {
            ifNotExists = true;
            at += 3;
        }
        String name = null;
        if (at < sig.size() && !sig.get(at).isWord("ON")) {
            QualifiedName n = QualifiedName.read(sig, at);
            if (n == null) {
                return null;
            }
            name = n.name();
            at = n.lastToken() + 1;
        }
        if (at >= sig.size() || !sig.get(at).isWord("ON")) {
            return null;
        }
        at++;
        if (at < sig.size() && sig.get(at).isWord("ONLY")) {
            at++;
        }
        QualifiedName table = QualifiedName.read(sig, at);
        if (table == null || table.schema() != null && !table.schema().equalsIgnoreCase("main")) {
            return null;
        }
        TableDef def = tables.apply(table.name()).orElse(null);
        if (def == null) {
            return null;
        }
        at = table.lastToken() + 1;
        if (unique) {
            Translation keys = uniqueIndex(st, sig, match, at, name, def, ifNotExists);
            if (keys != null) {
                return keys;
            }
        }
        if (at + 1 < sig.size() && sig.get(at).isWord("USING")) {
            String method = sig.get(at + 1).identifier().toLowerCase(Locale.ROOT);
            if (!method.equals("deeplake_index")) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "Index method \"" + method + "\" is not available on table \"" + def.name() + "\"",
                        "Write CREATE INDEX ON " + def.name() + " USING deeplake_index (column)"
                                + " [WITH (index_type = '...')]");
            }
            at += 2;
        }
        if (unique) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "A deeplake_index cannot be UNIQUE", "Leave UNIQUE out");
        }
        if (at >= sig.size() || !sig.get(at).is("(")) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "CREATE INDEX: expected (column) after the table name",
                    "Write CREATE INDEX ON " + def.name() + " USING deeplake_index (column)");
        }
        int close = match[at];
        List<String> columns = new ArrayList<>();
        boolean desc = false;
        ExprParser exprs = new ExprParser(sig, match);
        for (Expr e : exprs.list(at + 1, close)) {
            Expr x = e.unwrap();
            int after = x.last() + 1;
            if (e.kind() == Expr.Kind.OTHER) {
                // "col DESC" does not parse as one expression
                Expr head = exprs.parse(e.first(), e.last() + 1);
                if (head != null) {
                    x = head.unwrap();
                    after = head.last() + 1;
                }
            }
            if (after <= e.last() && sig.get(after).isWord("DESC")) {
                desc = true;
            }
            if (x.kind() == Expr.Kind.COLUMN && x.name().size() == 1) {
                columns.add(x.name().get(0));
            } else if (x.kind() == Expr.Kind.CAST
                    && x.type().equals("DEEPLAKE_HYBRID_RECORD")
                    && x.child(0).unwrap().kind() == Expr.Kind.ROW) {
                for (Expr f : x.child(0).unwrap().children()) {
                    Expr u = f.unwrap();
                    if (u.kind() != Expr.Kind.COLUMN || u.name().size() != 1) {
                        throw badIndexExpression(st, sig, e, def);
                    }
                    columns.add(u.name().get(0));
                }
            } else if (x.kind() == Expr.Kind.ROW) {
                for (Expr f : x.children()) {
                    Expr u = f.unwrap();
                    if (u.kind() != Expr.Kind.COLUMN || u.name().size() != 1) {
                        throw badIndexExpression(st, sig, e, def);
                    }
                    columns.add(u.name().get(0));
                }
            } else {
                throw badIndexExpression(st, sig, e, def);
            }
        }
        at = close + 1;
        Map<String, String> options = new LinkedHashMap<>();
        while (at < sig.size()) {
            if (sig.get(at).isWord("WITH")
                    && at + 1 < sig.size()
                    && sig.get(at + 1).is("(")) {
                int end = match[at + 1];
                int i = at + 2;
                while (i < end) {
                    int comma = exprs.nextComma(i, end);
                    if (comma - i == 3 && sig.get(i + 1).is("=")) {
                        Token v = sig.get(i + 2);
                        String value = v.kind() == Token.Kind.STRING ? Literals.string(v) : v.text();
                        options.put(sig.get(i).identifier().toLowerCase(Locale.ROOT), value);
                    } else {
                        throw new QueryError(
                                ErrorCode.QUERY_SYNTAX,
                                "CREATE INDEX: cannot read the WITH option at character "
                                        + (sig.get(i).start() + 1),
                                "Write WITH (index_type = 'bm25')");
                    }
                    i = comma + 1;
                }
                at = end + 1;
            } else if (sig.get(at).isWord("WHERE")) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "A deeplake_index cannot be partial (WHERE)",
                        "Index the whole column; filter with WHERE in the query");
            } else {
                throw new QueryError(
                        ErrorCode.QUERY_SYNTAX,
                        "CREATE INDEX: unexpected \"" + sig.get(at).text() + "\"",
                        "Write CREATE INDEX [name] ON t USING deeplake_index (column) [WITH (index_type = '...')]");
            }
        }
        String type = options.remove("index_type");
        return new Translation.CreateIndex(name, def, columns, type, ifNotExists, desc, options);
    }

    /**
     * {@code CREATE UNIQUE INDEX [IF NOT EXISTS] [name] ON t [USING btree] (c, ...)}: a unique key of plain columns
     * is the engine's unique index on the data table, as UNIQUE in CREATE TABLE is (the index is unnamed in
     * PostgreSQL's way, {@code t_c_idx}, when no name is given). Null when the statement asks for something else
     * (a deeplake_index, expressions, options, a partial index), which is refused as before.
     */
    private static Translation uniqueIndex(
            SqlStatement st, List<Token> sig, int[] match, int from, String name, TableDef def, boolean ifNotExists) {
        int at = from;
        if (at + 1 < sig.size() && sig.get(at).isWord("USING")) {
            if (!sig.get(at + 1).identifier().equalsIgnoreCase("btree")) {
                return null;
            }
            at += 2;
        }
        if (at >= sig.size() || !sig.get(at).is("(") || match[at] != sig.size() - 1) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        int i = at + 1;
        while (i < match[at]) {
            Token t = sig.get(i);
            if (!QualifiedName.isName(t) || def.schema().column(t.identifier()).isEmpty()) {
                return null;
            }
            columns.add(def.schema().column(t.identifier()).orElseThrow().name());
            i++;
            if (i < match[at] && (sig.get(i).isWord("ASC") || sig.get(i).isWord("DESC"))) {
                i++;
            }
            if (i < match[at]) {
                if (!sig.get(i).is(",")) {
                    return null;
                }
                i++;
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        String index = name != null ? name : def.name() + "_" + String.join("_", columns) + "_idx";
        StringBuilder sql = new StringBuilder("CREATE UNIQUE INDEX ");
        if (ifNotExists) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(dev.lakebench.core.store.Identifiers.quote(index))
                .append(" ON ")
                .append(def.dataTable())
                .append(" (");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c > 0 ? ", " : "").append(dev.lakebench.core.store.Identifiers.quote(columns.get(c)));
        }
        return new Translation.Engine(BoundSql.plain(sql.append(')').toString()), null, List.of());
    }

    private static QueryError badIndexExpression(SqlStatement st, List<Token> sig, Expr e, TableDef def) {
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "Cannot index the expression "
                        + st.text()
                                .substring(
                                        sig.get(e.first()).start(),
                                        sig.get(e.last()).end()) + " of table \"" + def.name() + "\"",
                "Index a column, e.g. (embedding), or a hybrid record ((embedding, text)::deeplake_hybrid_record)");
    }

    // ---- DROP INDEX ----

    static Translation dropIndex(SqlStatement st) {
        List<Token> sig = st.significant();
        int at = 2;
        if (at < sig.size() && sig.get(at).isWord("CONCURRENTLY")) {
            at++;
        }
        boolean ifExists = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("IF") && sig.get(at + 1).isWord("EXISTS")) {
            ifExists = true;
            at += 2;
        }
        List<String> names = new ArrayList<>();
        while (at < sig.size()) {
            QualifiedName n = QualifiedName.read(sig, at);
            if (n == null) {
                break;
            }
            names.add(n.name());
            at = n.lastToken() + 1;
            if (at < sig.size() && sig.get(at).is(",")) {
                at++;
            } else {
                break;
            }
        }
        return new Translation.DropIndex(names, ifExists, st.text());
    }
}
