package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ALTER TABLE [IF EXISTS] t action [, action ...]} on a Lakebench table: {@code ADD [COLUMN] [IF NOT
 * EXISTS] c type [DEFAULT ..] [NOT NULL]}, {@code DROP [COLUMN] [IF EXISTS] c}, {@code RENAME [COLUMN] a TO b}
 * {@code RENAME TO t2} and {@code ALTER [COLUMN] c SET DEFAULT expr | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}.
 * Other actions are refused with what to do instead; statements on tables that are not
 * Lakebench tables return null and go to the engine.
 */
final class AlterTableParser {

    private AlterTableParser() {}

    static Translation parse(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        int at = 2;
        boolean ifExists = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("IF") && sig.get(at + 1).isWord("EXISTS")) {
            ifExists = true;
            at += 2;
        }
        if (at < sig.size() && sig.get(at).isWord("ONLY")) {
            at++;
        }
        QualifiedName name = QualifiedName.read(sig, at);
        if (name == null || name.parts().size() > 2 || name.schema() != null && !isDefaultSchema(name.schema())) {
            return null;
        }
        TableDef def = tables.apply(name.name()).orElse(null);
        if (def == null) {
            return null; // the engine reports a missing table (or skips it with IF EXISTS)
        }
        at = name.lastToken() + 1;
        List<Translation.AlterAction> actions = new ArrayList<>();
        ExprParser exprs = new ExprParser(sig, match);
        while (at < sig.size()) {
            int end = exprs.nextComma(at, sig.size());
            actions.add(action(st, sig, match, at, end, def));
            at = end + 1;
        }
        if (actions.isEmpty()) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "ALTER TABLE " + def.name() + ": no action given",
                    "Write ALTER TABLE " + def.name()
                            + " ADD COLUMN c type, DROP COLUMN c, RENAME COLUMN a TO b or RENAME TO t2");
        }
        return new Translation.AlterTable(def, ifExists, actions);
    }

    static boolean isDefaultSchema(String schema) {
        return schema.equalsIgnoreCase("main") || schema.equalsIgnoreCase("public");
    }

    private static Translation.AlterAction action(
            SqlStatement st, List<Token> sig, int[] match, int from, int to, TableDef def) {
        int at = from;
        Token verb = sig.get(at);
        if (verb.isWord("ADD")) {
            at++;
            if (at < to && sig.get(at).isWord("COLUMN")) {
                at++;
            }
            boolean ifNotExists = false;
            if (at + 2 < to
                    && sig.get(at).isWord("IF")
                    && sig.get(at + 1).isWord("NOT")
                    && sig.get(at + 2).isWord("EXISTS")) {
                ifNotExists = true;
                at += 3;
            }
            if (at < to
                    && sig.get(at).kind() == Token.Kind.WORD
                    && (sig.get(at).isWord("CONSTRAINT")
                            || sig.get(at).isWord("PRIMARY")
                            || sig.get(at).isWord("UNIQUE")
                            || sig.get(at).isWord("CHECK")
                            || sig.get(at).isWord("FOREIGN"))) {
                throw unsupported(
                        def,
                        "ADD " + sig.get(at).text().toUpperCase(java.util.Locale.ROOT) + " (a table constraint)",
                        "declare constraints in CREATE TABLE; a deeplake table keeps NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE and CHECK"
                                + " given there");
            }
            Translation.ColumnDef col = DdlParser.columnDefinition(st, sig, match, at, to);
            if (col == null) {
                throw unsupported(
                        def,
                        "this column constraint in ADD COLUMN",
                        "add the column with its type, DEFAULT and NOT NULL only");
            }
            return new Translation.AlterAction.AddColumn(col, ifNotExists);
        }
        if (verb.isWord("DROP")) {
            at++;
            if (at < to && sig.get(at).isWord("CONSTRAINT")) {
                throw unsupported(
                        def,
                        "DROP CONSTRAINT",
                        "recreate the table without the constraint (CREATE TABLE .. AS SELECT)");
            }
            if (at < to && sig.get(at).isWord("COLUMN")) {
                at++;
            }
            boolean ifExists = false;
            if (at + 1 < to && sig.get(at).isWord("IF") && sig.get(at + 1).isWord("EXISTS")) {
                ifExists = true;
                at += 2;
            }
            if (at >= to || !QualifiedName.isName(sig.get(at))) {
                throw syntax(def, sig, at, to);
            }
            String column = sig.get(at).identifier();
            at++;
            if (at < to && (sig.get(at).isWord("CASCADE") || sig.get(at).isWord("RESTRICT"))) {
                at++;
            }
            if (at != to) {
                throw syntax(def, sig, at, to);
            }
            return new Translation.AlterAction.DropColumn(column, ifExists);
        }
        if (verb.isWord("RENAME")) {
            at++;
            if (at < to && sig.get(at).isWord("TO")) {
                QualifiedName target = QualifiedName.read(sig, at + 1);
                if (target == null || target.lastToken() != to - 1) {
                    throw syntax(def, sig, at, to);
                }
                return new Translation.AlterAction.RenameTable(target.name());
            }
            if (at < to && sig.get(at).isWord("COLUMN")) {
                at++;
            }
            if (at + 2 < to + 1
                    && at + 2 == to - 1
                    && QualifiedName.isName(sig.get(at))
                    && sig.get(at + 1).isWord("TO")
                    && QualifiedName.isName(sig.get(at + 2))) {
                return new Translation.AlterAction.RenameColumn(
                        sig.get(at).identifier(), sig.get(at + 2).identifier());
            }
            throw syntax(def, sig, from, to);
        }
        if (verb.isWord("ALTER")) {
            Translation.AlterAction change = alterColumn(st, sig, at + 1, to);
            if (change != null) {
                return change;
            }
            throw unsupported(
                    def,
                    "ALTER COLUMN",
                    "add a new column with the type you want, copy the values with UPDATE,"
                            + " then drop the old column and rename the new one");
        }
        throw unsupported(
                def,
                verb.text().toUpperCase(java.util.Locale.ROOT),
                "use ADD COLUMN, DROP COLUMN, RENAME COLUMN or RENAME TO");
    }

    /** {@code [COLUMN] c SET DEFAULT expr | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}, or null. */
    private static Translation.AlterAction alterColumn(SqlStatement st, List<Token> sig, int from, int to) {
        int at = from;
        if (at < to && sig.get(at).isWord("COLUMN")) {
            at++;
        }
        if (at + 2 >= to + 1 || !QualifiedName.isName(sig.get(at))) {
            return null;
        }
        String column = sig.get(at).identifier();
        at++;
        if (at + 1 >= to || !(sig.get(at).isWord("SET") || sig.get(at).isWord("DROP"))) {
            return null;
        }
        boolean set = sig.get(at).isWord("SET");
        Token what = sig.get(at + 1);
        if (what.isWord("DEFAULT")) {
            if (!set) {
                return at + 2 == to ? new Translation.AlterAction.AlterColumn(column, "DROP DEFAULT") : null;
            }
            if (at + 2 >= to) {
                return null;
            }
            String expr =
                    st.text().substring(sig.get(at + 2).start(), sig.get(to - 1).end());
            return new Translation.AlterAction.AlterColumn(column, "SET DEFAULT " + expr);
        }
        if (what.isWord("NOT") && at + 3 == to && sig.get(at + 2).isWord("NULL")) {
            return new Translation.AlterAction.AlterColumn(column, set ? "SET NOT NULL" : "DROP NOT NULL");
        }
        return null;
    }

    private static QueryError unsupported(TableDef def, String construct, String instead) {
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "ALTER TABLE " + def.name() + " " + construct + " is not supported by the local engine",
                instead);
    }

    private static QueryError syntax(TableDef def, List<Token> sig, int at, int to) {
        String near = at < sig.size() ? sig.get(Math.min(at, sig.size() - 1)).text() : "the end";
        return new QueryError(
                ErrorCode.QUERY_SYNTAX,
                "ALTER TABLE " + def.name() + ": cannot read the action near \"" + near + "\"",
                "Write ADD COLUMN c type, DROP COLUMN c, RENAME COLUMN a TO b or RENAME TO t2");
    }
}
