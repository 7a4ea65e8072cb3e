package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * INSERT, UPDATE, DELETE and TRUNCATE on Lakebench tables: retargeted to the data table ({@link DmlRewriter}),
 * dialect constructs rewritten in their expressions, and every value written to an EMBEDDING / EMBEDDING_2D
 * column routed through the vector store (see {@link VectorWrites}).
 */
final class DmlDialect {

    private DmlDialect() {
    }

    static Translation translate(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        Optional<TableDef> target = DmlRewriter.edit(st, tables, new SqlEdits());
        if (target.isEmpty()) {
            return Dialect.generic(st, tables);
        }
        TableDef def = target.get();
        StatementRewriter rw = new StatementRewriter(st, tables);
        rw.addReferenced(def);
        switch (st.kind()) {
            case INSERT -> insert(rw, def);
            case UPDATE -> update(rw, def);
            case DELETE -> delete(rw, def);
            default -> {
                // TRUNCATE: nothing but the retargeting
            }
        }
        // the retargeting edits go last, so that inserts at the same position (after the last SET value) come first
        DmlRewriter.edit(st, tables, rw.edits.raw());
        return new Translation.Engine(rw.result(), def, List.copyOf(rw.notes));
    }

    /** The scope of a DML statement: its target table (with alias) as the one relation. */
    private static QueryBlock scope(StatementRewriter rw, int nameAt) {
        List<Token> sig = rw.sig;
        QualifiedName qn = QualifiedName.read(sig, nameAt);
        int i = qn.lastToken() + 1;
        String alias = null;
        if (i < sig.size() && sig.get(i).isWord("AS")) {
            i++;
        }
        if (i < sig.size() && QualifiedName.isName(sig.get(i)) && !Keywords.isReserved(sig.get(i))) {
            alias = sig.get(i).identifier();
            i++;
        }
        QueryBlock block = new QueryBlock(0, sig.size(), null);
        block.relations.add(new Relation(Relation.Kind.TABLE, qn.parts(), nameAt, qn.lastToken(), alias, i - 1, null));
        return block;
    }

    private static int afterRelation(QueryBlock block) {
        return block.relations.get(0).end + 1;
    }

    private static void finish(StatementRewriter rw, QueryBlock block) {
        rw.parser.subqueries(block);
        rw.collectTables(block);
        rw.rewrite(block);
    }

    // ---- INSERT ----

    private static void insert(StatementRewriter rw, TableDef def) {
        List<Token> sig = rw.sig;
        int into = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).isWord("INTO")) {
                into = i;
                break;
            }
        }
        QueryBlock block = scope(rw, into + 1);
        int at = afterRelation(block);
        List<Column> targets = new ArrayList<>();
        if (at < sig.size() && sig.get(at).is("(") && !(at + 1 < sig.size() && Keywords.startsQuery(sig.get(at + 1)))) {
            int close = rw.match[at];
            for (int i = at + 1; i < close; i++) {
                Token t = sig.get(i);
                if (QualifiedName.isName(t)) {
                    String name = t.identifier();
                    targets.add(def.schema().column(name).orElseThrow(() -> new QueryError(ErrorCode.COLUMN_NOT_FOUND,
                            "Table \"" + def.name() + "\" has no column \"" + name + "\"",
                            "Columns: " + String.join(", ", def.schema().names()))));
                }
            }
            at = close + 1;
        } else {
            targets.addAll(def.schema().columns());
        }
        boolean byName = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("BY")) {
            byName = sig.get(at + 1).isWord("NAME");
            at += 2;
        }
        int end = sig.size();
        int conflict = rw.parser.clauseAt(at, sig.size(), "ON");
        int returning = rw.parser.clauseAt(at, sig.size(), "RETURNING");
        if (conflict >= 0) {
            end = conflict;
        } else if (returning >= 0) {
            end = returning;
        }
        boolean defaults = at < end && sig.get(at).isWord("DEFAULT");
        if (!defaults && at < end) {
            rw.parser.query(at, end, block);
        }
        if (returning >= 0) {
            block.expressions.addAll(rw.exprs.parts(returning + 1, sig.size()));
        }
        finish(rw, block);
        boolean vectors = targets.stream().anyMatch(c -> c.type().isVector());
        if (!vectors || defaults || at >= end) {
            return;
        }
        if (byName) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "INSERT ... BY NAME cannot write the vector columns of \""
                    + def.name() + "\"", "List the target columns: INSERT INTO " + def.name() + " (a, b) SELECT ...");
        }
        String source = rw.edits.apply(at, end - 1);
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Column c = targets.get(i);
            if (c.type().isVector()) {
                BoundSql probe = c.dimension() > 0 ? null
                        : new BoundSql(VectorWrites.probe(source, targets.size(), i), rw.slots);
                logs.add(rw.slot(new Slot.VectorLog(def, c, probe)));
            } else {
                logs.add(null);
            }
        }
        String[] w = VectorWrites.wrap(targets, logs);
        rw.edits.insertBefore(at, w[0]);
        rw.edits.insertAfter(end - 1, w[1]);
    }

    // ---- UPDATE ----

    private static void update(StatementRewriter rw, TableDef def) {
        List<Token> sig = rw.sig;
        QueryBlock block = scope(rw, 1);
        int set = rw.parser.clauseAt(afterRelation(block), sig.size(), "SET");
        if (set < 0) {
            return;
        }
        int from = rw.parser.clauseAt(set + 1, sig.size(), "FROM");
        int where = rw.parser.clauseAt(set + 1, sig.size(), "WHERE");
        int returning = rw.parser.clauseAt(set + 1, sig.size(), "RETURNING");
        int setEnd = firstOf(sig.size(), from, where, returning);
        record Assignment(Column column, Expr value) {
        }
        List<Assignment> vectorAssignments = new ArrayList<>();
        int i = set + 1;
        while (i < setEnd) {
            int comma = rw.exprs.nextComma(i, setEnd);
            int eq = -1;
            for (int j = i; j < comma; j++) {
                if (sig.get(j).is("=")) {
                    eq = j;
                    break;
                }
            }
            if (eq > i) {
                Expr value = rw.exprs.parse(eq + 1, comma);
                if (value != null && value.last == comma - 1) {
                    block.expressions.add(value);
                    String name = sig.get(eq - 1).identifier();
                    Column c = def.schema().column(name).orElse(null);
                    if (c != null && c.type().isVector()) {
                        vectorAssignments.add(new Assignment(c, value));
                    }
                } else {
                    block.expressions.addAll(rw.exprs.parts(eq + 1, comma));
                }
            }
            i = comma + 1;
        }
        if (from >= 0) {
            rw.parser.fromClause(block, from + 1, firstOf(sig.size(), where, returning));
        }
        if (where >= 0) {
            block.expressions.addAll(rw.exprs.parts(where + 1, firstOf(sig.size(), returning)));
        }
        if (returning >= 0) {
            block.expressions.addAll(rw.exprs.parts(returning + 1, sig.size()));
        }
        finish(rw, block);
        for (Assignment a : vectorAssignments) {
            BoundSql probe = null;
            if (a.column().dimension() == 0) {
                if (from >= 0) {
                    throw new QueryError(ErrorCode.QUERY_INVALID, "Column \"" + a.column().name() + "\" of \"" + def.name()
                            + "\" has no vector size yet, and UPDATE ... FROM cannot give it one",
                            "Insert a first vector with INSERT, or update without FROM");
                }
                Relation r = block.relations.get(0);
                String alias = r.alias != null ? Identifiers.quote(r.alias) : Identifiers.quote(def.name());
                String value = rw.edits.apply(a.value().first, a.value().last);
                String filter = where >= 0 ? rw.edits.apply(where + 1, firstOf(sig.size(), returning) - 1) : "TRUE";
                probe = new BoundSql("SELECT CAST((" + value + ") AS VARCHAR) FROM " + def.dataTable() + " AS " + alias
                        + " WHERE (" + filter + ") AND (" + value + ") IS NOT NULL LIMIT 1", rw.slots);
            }
            String log = rw.slot(new Slot.VectorLog(def, a.column(), probe));
            String macro = a.column().type() == dev.lakebench.core.schema.ColumnType.EMBEDDING_2D
                    ? "lb_meta.lb_mvec_store" : "lb_meta.lb_vec_store";
            rw.edits.insertBefore(a.value().first, macro + "((");
            rw.edits.insertAfter(a.value().last, "), " + log + ")");
        }
    }

    private static int firstOf(int none, int... positions) {
        int best = none;
        for (int p : positions) {
            if (p >= 0 && p < best) {
                best = p;
            }
        }
        return best;
    }

    // ---- DELETE ----

    private static void delete(StatementRewriter rw, TableDef def) {
        List<Token> sig = rw.sig;
        int fromKw = rw.parser.clauseAt(0, sig.size(), "FROM");
        QueryBlock block = scope(rw, fromKw + 1);
        int at = afterRelation(block);
        int using = rw.parser.clauseAt(at, sig.size(), "USING");
        int where = rw.parser.clauseAt(at, sig.size(), "WHERE");
        int returning = rw.parser.clauseAt(at, sig.size(), "RETURNING");
        if (using >= 0) {
            rw.parser.fromClause(block, using + 1, firstOf(sig.size(), where, returning));
        }
        if (where >= 0) {
            block.expressions.addAll(rw.exprs.parts(where + 1, firstOf(sig.size(), returning)));
        }
        if (returning >= 0) {
            block.expressions.addAll(rw.exprs.parts(returning + 1, sig.size()));
        }
        finish(rw, block);
    }
}
