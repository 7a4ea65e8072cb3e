package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL that writes vectors through the engine: every value bound for an EMBEDDING (EMBEDDING_2D) column passes
 * through {@code lb_meta.lb_vec_store(value, log)} ({@code lb_mvec_store}), which appends the vector to the
 * column's own log and yields the reference the table stores. The value may be a float list, its text, or a
 * reference into another table's log (copied, since each log belongs to one table column).
 */
public final class VectorWrites {

    /** Macros created once per workspace; they call the Java functions {@code lb_store_vec} / {@code lb_store_mvec}. */
    public static final List<String> MACROS = List.of(
            "CREATE OR REPLACE MACRO lb_meta.lb_vec_store(v, log) AS CASE WHEN v IS NULL THEN NULL"
                    + " ELSE {'lb_vec': lb_store_vec(CAST(v AS VARCHAR), log)} END",
            "CREATE OR REPLACE MACRO lb_meta.lb_mvec_store(v, log) AS CASE WHEN v IS NULL THEN NULL"
                    + " ELSE {'lb_mvec': lb_store_mvec(CAST(v AS VARCHAR), log)} END");

    private static final String SOURCE = "\"_lb_src\"";

    private VectorWrites() {}

    /** The store call for a vector column, wrapping {@code valueSql}; {@code logSql} names the log id. */
    public static String store(Column c, String valueSql, String logSql) {
        String macro = c.type() == ColumnType.EMBEDDING_2D ? "lb_meta.lb_mvec_store" : "lb_meta.lb_vec_store";
        return macro + "((" + valueSql + "), " + logSql + ")";
    }

    /** The alias list {@code "_lb_src"("_lb_c1", ..)} given to a source query of {@code n} columns. */
    static String sourceAlias(int n) {
        StringBuilder sb = new StringBuilder(SOURCE).append('(');
        for (int i = 1; i <= n; i++) {
            if (i > 1) {
                sb.append(", ");
            }
            sb.append(sourceColumn(i));
        }
        return sb.append(')').toString();
    }

    static String sourceColumn(int i) {
        return "\"_lb_c" + i + "\"";
    }

    /**
     * {@code SELECT <columns, vectors stored, character lengths checked> FROM (<source>) AS "_lb_src"(...)}: the
     * head before the source and the tail after it, for target columns {@code targets}; {@code logs.get(i)} is the
     * log id SQL of vector column i (unused for other columns).
     */
    static String[] wrap(List<Column> targets, List<String> logs) {
        StringBuilder head = new StringBuilder("SELECT ");
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                head.append(", ");
            }
            String v = SOURCE + "." + sourceColumn(i + 1);
            Column c = targets.get(i);
            head.append(c.type().isVector() ? store(c, v, logs.get(i)) : CharacterWrites.assign(c, v));
        }
        head.append(" FROM (");
        return new String[] {head.toString(), ") AS " + sourceAlias(targets.size())};
    }

    /** A query returning the first non-null value of source column {@code i} as text (to size a new vector log). */
    static String probe(String sourceSql, int columns, int i) {
        String v = SOURCE + "." + sourceColumn(i + 1);
        return "SELECT CAST(" + v + " AS VARCHAR) FROM (" + sourceSql + ") AS " + sourceAlias(columns) + " WHERE " + v
                + " IS NOT NULL LIMIT 1";
    }

    /** {@code INSERT INTO lb_data.t (cols) SELECT ...} copying a query's rows (CTAS). */
    public static BoundSql insertSelect(TableDef def, BoundSql source, List<Slot> extraSlots) {
        List<Column> cols = def.schema().columns();
        List<Slot> slots = new ArrayList<>(source.slots());
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.type().isVector()) {
                BoundSql probe =
                        c.dimension() > 0 ? null : new BoundSql(probe(source.text(), cols.size(), i), source.slots());
                slots.add(new Slot.VectorLog(def, c, probe));
                logs.add(BoundSql.placeholder(slots.size() - 1));
            } else {
                logs.add(null);
            }
        }
        slots.addAll(extraSlots);
        String[] w = wrap(cols, logs);
        StringBuilder sb =
                new StringBuilder("INSERT INTO ").append(def.dataTable()).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Identifiers.quote(cols.get(i).name()));
        }
        sb.append(") ").append(w[0]).append(source.text()).append(w[1]);
        return new BoundSql(sb.toString(), slots);
    }
}
