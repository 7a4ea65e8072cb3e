package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value an INSERT or UPDATE writes to an EMBEDDING / EMBEDDING_2D column goes through the column's vector
 * log ({@link VectorWrites}): an INSERT's source is wrapped in a SELECT that stores each vector column, an UPDATE's
 * value is wrapped in the store call. A column without a size yet gets a probe that finds its first vector.
 */
final class VectorWriteRule {

    private VectorWriteRule() {}

    static void apply(DmlScope scope, TableDef def, RewriteContext cx) {
        switch (scope) {
            case DmlScope.Insert insert -> insert(insert, def, cx);
            case DmlScope.Update update -> update(update, def, cx);
            case DmlScope.Delete delete -> {
                // nothing written
            }
        }
    }

    private static void insert(DmlScope.Insert s, TableDef def, RewriteContext cx) {
        List<Column> targets = s.targets();
        boolean vectors = targets.stream().anyMatch(c -> c.type().isVector());
        if (!vectors || s.defaults() || s.sourceFirst() >= s.sourceEnd()) {
            return;
        }
        if (s.byName()) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "INSERT ... BY NAME cannot write the vector columns of \"" + def.name() + "\"",
                    "List the target columns: INSERT INTO " + def.name() + " (a, b) SELECT ...");
        }
        String source = cx.edits.apply(s.sourceFirst(), s.sourceEnd() - 1);
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Column c = targets.get(i);
            if (c.type().isVector()) {
                BoundSql probe = c.dimension() > 0
                        ? null
                        : new BoundSql(VectorWrites.probe(source, targets.size(), i), cx.slots());
                logs.add(cx.slot(new Slot.VectorLog(def, c, probe)));
            } else {
                logs.add(null);
            }
        }
        String[] w = VectorWrites.wrap(targets, logs);
        cx.edits.insertBefore(s.sourceFirst(), w[0]);
        cx.edits.insertAfter(s.sourceEnd() - 1, w[1]);
    }

    private static void update(DmlScope.Update s, TableDef def, RewriteContext cx) {
        int end = cx.sig.size();
        for (DmlScope.Assignment a : s.vectorAssignments()) {
            BoundSql probe = null;
            if (a.column().dimension() == 0) {
                if (s.from() >= 0) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Column \"" + a.column().name() + "\" of \"" + def.name()
                                    + "\" has no vector size yet, and UPDATE ... FROM cannot give it one",
                            "Insert a first vector with INSERT, or update without FROM");
                }
                Relation r = s.block().relations.get(0);
                String alias = r.alias() != null ? Identifiers.quote(r.alias()) : Identifiers.quote(def.name());
                String value = cx.edits.apply(a.value().first(), a.value().last());
                String filter = s.where() >= 0
                        ? cx.edits.apply(s.where() + 1, DmlScope.firstOf(end, s.returning()) - 1)
                        : "TRUE";
                probe = new BoundSql(
                        "SELECT CAST((" + value + ") AS VARCHAR) FROM " + def.dataTable() + " AS " + alias + " WHERE ("
                                + filter + ") AND (" + value + ") IS NOT NULL LIMIT 1",
                        cx.slots());
            }
            String log = cx.slot(new Slot.VectorLog(def, a.column(), probe));
            String macro =
                    a.column().type() == ColumnType.EMBEDDING_2D ? "lb_meta.lb_mvec_store" : "lb_meta.lb_vec_store";
            cx.edits.insertBefore(a.value().first(), macro + "((");
            cx.edits.insertAfter(a.value().last(), "), " + log + ")");
        }
    }
}
