package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An equality on a text column with an exact_text index, in a SELECT without a pushed-down search: {@code SELECT
 * .. FROM t WHERE col = 'x' [AND ..]} (also {@code col IN ('a', 'b')}, {@code col = $1}). The table reference
 * becomes the table's rows restricted to the keys the index finds ({@link Slot.KeyLookup}); the WHERE stays as
 * written, so the answer is the engine's whether or not an index serves the lookup when the statement runs.
 */
final class KeyLookupRule {

    private KeyLookupRule() {}

    /** True when the statement names a Lakebench table and one of its exact_text-indexed columns. */
    static boolean mentionsIndexedColumn(
            List<Token> sig, Function<String, Optional<TableDef>> tables, IndexedColumns indexed) {
        if (indexed == IndexedColumns.NONE) {
            return false;
        }
        List<TableDef> named = new ArrayList<>();
        Set<String> words = new HashSet<>();
        for (Token t : sig) {
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                String id = t.identifier();
                words.add(id.toLowerCase(Locale.ROOT));
                tables.apply(id).ifPresent(named::add);
            }
        }
        for (TableDef def : named) {
            for (Column c : def.schema().columns()) {
                if (c.type() == ColumnType.TEXT
                        && words.contains(c.name().toLowerCase(Locale.ROOT))
                        && indexed.exactText(def, c.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plans the block's key lookup, if it has one. */
    static void apply(QueryBlock b, RewriteContext cx) {
        if (cx.indexed == IndexedColumns.NONE
                || !b.simpleSelect
                || b.where == null
                || b.joins
                || b.relations.size() != 1) {
            return;
        }
        Relation r = b.relations.get(0);
        TableDef def = cx.names.lakebenchTable(r, b);
        if (def == null || r.name().size() > 2 || cx.edits.isCovered(r.first()) || cx.edits.isCovered(r.last())) {
            return;
        }
        List<Slot.Lookup> lookups = new ArrayList<>();
        collect(b.where, b, r, def, cx, lookups);
        if (lookups.isEmpty()) {
            return;
        }
        String slot = cx.slot(new Slot.KeyLookup(def, lookups));
        String alias = r.alias() != null ? r.alias() : r.tableName();
        StringBuilder sb = new StringBuilder("(SELECT ");
        List<Column> columns = def.schema().columns();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i > 0 ? ", " : "")
                    .append("\"_lb_d\".")
                    .append(Identifiers.quote(columns.get(i).name()));
        }
        sb.append(" FROM ")
                .append(def.dataTable())
                .append(" AS \"_lb_d\" WHERE ")
                .append(slot)
                .append(')');
        if (r.alias() == null) {
            sb.append(" AS ").append(Identifiers.quote(alias));
        }
        cx.edits.replace(r.first(), r.last(), sb.toString());
        List<String> shown = lookups.stream().map(Slot.Lookup::display).toList();
        cx.note("key lookup: " + String.join(" AND ", shown) + " on table \"" + def.name()
                + "\" by its exact_text index when it is ready; the WHERE is still applied");
    }

    /** Adds the indexed equalities among the conjuncts of {@code e}. */
    private static void collect(
            Expr e, QueryBlock b, Relation r, TableDef def, RewriteContext cx, List<Slot.Lookup> out) {
        e = e.unwrap();
        if (e.isBinary("AND")) {
            collect(e.child(0), b, r, def, cx, out);
            collect(e.child(1), b, r, def, cx, out);
            return;
        }
        Expr col;
        List<Expr> values;
        if (e.isBinary("=")) {
            col = e.child(0).unwrap();
            Expr val = e.child(1).unwrap();
            if (col.kind() != Expr.Kind.COLUMN) {
                Expr t = col;
                col = val;
                val = t;
            }
            values = List.of(val);
        } else if (e.kind() == Expr.Kind.OTHER
                && e.children().size() == 2
                && e.child(0).last() + 1 < cx.sig.size()
                && cx.sig.get(e.child(0).last() + 1).isWord("IN")) {
            col = e.child(0).unwrap();
            Expr list = e.child(1);
            if (list.kind() != Expr.Kind.OTHER) {
                return; // IN (SELECT ..)
            }
            values = list.children();
        } else {
            return;
        }
        if (col.kind() != Expr.Kind.COLUMN || values.isEmpty()) {
            return;
        }
        Resolved rc = cx.resolve(col, b);
        if (rc == null
                || rc.relation() != r
                || rc.column().type() != ColumnType.TEXT
                || !cx.indexed.exactText(def, rc.column().name())) {
            return;
        }
        List<Operand> operands = new ArrayList<>();
        for (Expr v : values) {
            Expr u = v.unwrap();
            switch (u.kind()) {
                case STRING -> operands.add(new Operand.Literal(Literals.string(cx.sig.get(u.first()))));
                case PARAMETER ->
                    operands.add(new Operand.Param(cx.sig.get(u.first()).parameterIndex()));
                default -> {
                    return; // an expression: the engine evaluates it
                }
            }
        }
        out.add(new Slot.Lookup(rc.column(), operands, cx.original(e.first(), e.last())));
    }
}
