package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The parse of an INSERT, UPDATE or DELETE on a Lakebench table: a block whose one relation is the target table
 * (with its alias), holding every expression of the statement and the query an INSERT reads, plus what the
 * vector writes need to know ({@link VectorWriteRule}).
 */
sealed interface DmlScope {

    QueryBlock block();

    /** {@code INSERT INTO t [(targets)] source}: the source's tokens are {@code [sourceFirst, sourceEnd)}. */
    record Insert(
            QueryBlock block, List<Column> targets, int sourceFirst, int sourceEnd, boolean byName, boolean defaults)
            implements DmlScope {}

    /** {@code UPDATE t SET ..}: the assignments to the table's columns, and the FROM / WHERE / RETURNING keywords (or -1). */
    record Update(QueryBlock block, List<Assignment> assignments, int from, int where, int returning)
            implements DmlScope {

        /** The assignments to vector columns. */
        List<Assignment> vectorAssignments() {
            return assignments.stream()
                    .filter(a -> a.column().type().isVector())
                    .toList();
        }
    }

    /** {@code DELETE FROM t ..}. */
    record Delete(QueryBlock block) implements DmlScope {}

    /** {@code column = value} of an UPDATE. */
    record Assignment(Column column, Expr value) {}

    /** The scope of a DML statement, or null for TRUNCATE. */
    static DmlScope of(ParsedStatement p, TableDef def) {
        DmlScope scope = switch (p.statement.kind()) {
            case INSERT -> insert(p, def);
            case UPDATE -> update(p, def);
            case DELETE -> delete(p);
            default -> null;
        };
        if (scope != null) {
            p.blocks.subqueries(scope.block());
        }
        return scope;
    }

    /** The block of a DML statement: its target table (with alias) as the one relation. */
    private static QueryBlock target(ParsedStatement p, int nameAt) {
        List<Token> sig = p.sig;
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
        return block.relations.get(0).end() + 1;
    }

    private static Insert insert(ParsedStatement p, TableDef def) {
        List<Token> sig = p.sig;
        int into = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).isWord("INTO")) {
                into = i;
                break;
            }
        }
        QueryBlock block = target(p, into + 1);
        int at = afterRelation(block);
        List<Column> targets = new ArrayList<>();
        if (at < sig.size() && sig.get(at).is("(") && !(at + 1 < sig.size() && Keywords.startsQuery(sig.get(at + 1)))) {
            int close = p.match[at];
            for (int i = at + 1; i < close; i++) {
                Token t = sig.get(i);
                if (QualifiedName.isName(t)) {
                    String name = t.identifier();
                    targets.add(def.schema()
                            .column(name)
                            .orElseThrow(() -> new QueryError(
                                    ErrorCode.COLUMN_NOT_FOUND,
                                    "Table \"" + def.name() + "\" has no column \"" + name + "\"",
                                    "Columns: " + String.join(", ", def.schema().names()))));
                }
            }
            at = close + 1;
        } else {
            // a VALUES row shorter than the table fills its first columns (DmlRewriter lists them)
            int width = DmlRewriter.valuesWidth(sig, at);
            List<Column> all = def.schema().columns();
            targets.addAll(width > 0 && width < all.size() ? all.subList(0, width) : all);
        }
        boolean byName = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("BY")) {
            byName = sig.get(at + 1).isWord("NAME");
            at += 2;
        }
        int end = sig.size();
        int conflict = p.blocks.clauseAt(at, sig.size(), "ON");
        int returning = p.blocks.clauseAt(at, sig.size(), "RETURNING");
        if (conflict >= 0) {
            end = conflict;
        } else if (returning >= 0) {
            end = returning;
        }
        boolean defaults = at < end && sig.get(at).isWord("DEFAULT");
        if (!defaults && at < end) {
            p.blocks.query(at, end, block);
        }
        if (returning >= 0) {
            block.expressions.addAll(p.exprs.parts(returning + 1, sig.size()));
        }
        return new Insert(block, targets, at, end, byName, defaults);
    }

    private static Update update(ParsedStatement p, TableDef def) {
        List<Token> sig = p.sig;
        QueryBlock block = target(p, 1);
        int set = p.blocks.clauseAt(afterRelation(block), sig.size(), "SET");
        if (set < 0) {
            return new Update(block, List.of(), -1, -1, -1);
        }
        int from = p.blocks.clauseAt(set + 1, sig.size(), "FROM");
        int where = p.blocks.clauseAt(set + 1, sig.size(), "WHERE");
        int returning = p.blocks.clauseAt(set + 1, sig.size(), "RETURNING");
        int setEnd = firstOf(sig.size(), from, where, returning);
        List<Assignment> assignments = new ArrayList<>();
        int i = set + 1;
        while (i < setEnd) {
            int comma = p.exprs.nextComma(i, setEnd);
            int eq = -1;
            for (int j = i; j < comma; j++) {
                if (sig.get(j).is("=")) {
                    eq = j;
                    break;
                }
            }
            if (eq > i) {
                Expr value = p.exprs.parse(eq + 1, comma);
                if (value != null && value.last() == comma - 1) {
                    block.expressions.add(value);
                    if (sig.get(i).is("(") && p.match[i] == eq - 1) {
                        assignments.addAll(assignments(columns(sig, i + 1, eq - 1, def), value));
                    } else {
                        def.schema()
                                .column(sig.get(eq - 1).identifier())
                                .ifPresent(c -> assignments.add(new Assignment(c, value)));
                    }
                } else {
                    block.expressions.addAll(p.exprs.parts(eq + 1, comma));
                }
            }
            i = comma + 1;
        }
        if (from >= 0) {
            p.blocks.fromClause(block, from + 1, firstOf(sig.size(), where, returning));
        }
        if (where >= 0) {
            block.expressions.addAll(p.exprs.parts(where + 1, firstOf(sig.size(), returning)));
        }
        if (returning >= 0) {
            block.expressions.addAll(p.exprs.parts(returning + 1, sig.size()));
        }
        return new Update(block, assignments, from, where, returning);
    }

    /** The table's columns named in {@code (a, b)} of {@code SET (a, b) = ..}; null when one is not a column. */
    private static List<Column> columns(List<Token> sig, int from, int to, TableDef def) {
        List<Column> out = new ArrayList<>();
        for (int j = from; j < to; j += 2) {
            Column c = QualifiedName.isName(sig.get(j))
                    ? def.schema().column(sig.get(j).identifier()).orElse(null)
                    : null;
            if (c == null || j + 1 < to && !sig.get(j + 1).is(",")) {
                return null;
            }
            out.add(c);
        }
        return out;
    }

    /**
     * {@code SET (a, b) = (x, y)} / {@code ROW(x, y)}: each value assigned to its column. A sub-select gives none
     * (the engine does not run that form).
     */
    private static List<Assignment> assignments(List<Column> columns, Expr value) {
        Expr row = value.unwrap();
        if (columns == null || row.kind() != Expr.Kind.ROW || row.children().size() != columns.size()) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            out.add(new Assignment(columns.get(k), row.child(k)));
        }
        return out;
    }

    private static Delete delete(ParsedStatement p) {
        List<Token> sig = p.sig;
        int fromKw = p.blocks.clauseAt(0, sig.size(), "FROM");
        QueryBlock block = target(p, fromKw + 1);
        int at = afterRelation(block);
        int using = p.blocks.clauseAt(at, sig.size(), "USING");
        int where = p.blocks.clauseAt(at, sig.size(), "WHERE");
        int returning = p.blocks.clauseAt(at, sig.size(), "RETURNING");
        if (using >= 0) {
            p.blocks.fromClause(block, using + 1, firstOf(sig.size(), where, returning));
        }
        if (where >= 0) {
            block.expressions.addAll(p.exprs.parts(where + 1, firstOf(sig.size(), returning)));
        }
        if (returning >= 0) {
            block.expressions.addAll(p.exprs.parts(returning + 1, sig.size()));
        }
        return new Delete(block);
    }

    /** The earliest of the positions that exist, else {@code none}. */
    static int firstOf(int none, int... positions) {
        int best = none;
        for (int p : positions) {
            if (p >= 0 && p < best) {
                best = p;
            }
        }
        return best;
    }
}
