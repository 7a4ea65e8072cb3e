package dev.lakebench.core.store;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * ALTER TABLE on a Lakebench table, in the caller's transaction: the data table, its view, its engine indexes
 * (UNIQUE / PRIMARY KEY) and sequences, and the catalog rows change together. The engine does not alter a table
 * that a view or an index depends on, so every change takes the view and the indexes down and puts them back.
 * The caller commits and then publishes the returned definition.
 */
public final class SchemaChanges {

    private final Connection c;

    public SchemaChanges(Connection c) {
        this.c = c;
    }

    /** Adds a column; existing rows get {@code defaultSql} (or NULL), and it becomes the column's default. */
    public TableDef addColumn(TableDef def, Column col, Integer vectorLog, String defaultSql, boolean notNull)
            throws SQLException {
        Identifiers.checkColumnName(col.name());
        List<String> indexes = detach(def);
        String q = Identifiers.quote(col.name());
        exec("ALTER TABLE " + def.dataTable() + " ADD COLUMN " + q + " " + EngineTypes.of(col)
                + (defaultSql != null ? " DEFAULT " + defaultSql : ""));
        if (notNull) {
            exec("ALTER TABLE " + def.dataTable() + " ALTER COLUMN " + q + " SET NOT NULL");
        }
        Map<String, Integer> logs = new HashMap<>(def.vectorLogs());
        if (vectorLog != null) {
            logs.put(col.name().toLowerCase(Locale.ROOT), vectorLog);
        }
        TableDef next = new TableDef(def.name(), def.schema().plus(List.of(col)), logs);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lb_meta.columns VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, def.name());
            ps.setInt(2, def.schema().size());
            ps.setString(3, col.name());
            ps.setString(4, col.type().name());
            ps.setInt(5, col.dimension());
            ps.setString(6, col.engineType());
            if (vectorLog != null) {
                ps.setInt(7, vectorLog);
            } else {
                ps.setNull(7, Types.INTEGER);
            }
            ps.executeUpdate();
        }
        attach(next, indexes);
        return next;
    }

    /** Drops a column; its vector log is marked dropped. */
    public TableDef dropColumn(TableDef def, String column) throws SQLException {
        Column col = def.column(column);
        List<String> indexes = detach(def);
        indexes.removeIf(sql -> mentions(sql, col.name()));
        exec("ALTER TABLE " + def.dataTable() + " DROP COLUMN " + Identifiers.quote(col.name()));
        List<Column> kept = new ArrayList<>(def.schema().columns());
        kept.removeIf(x -> x.name().equalsIgnoreCase(col.name()));
        Map<String, Integer> logs = new HashMap<>(def.vectorLogs());
        Integer log = logs.remove(col.name().toLowerCase(Locale.ROOT));
        TableDef next = new TableDef(def.name(), new TableSchema(kept), logs);
        update(
                "DELETE FROM lb_meta.columns WHERE lower(table_name) = lower(?) AND lower(name) = lower(?)",
                def.name(),
                col.name());
        renumber(next);
        if (log != null) {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE lb_meta.vector_logs SET dropped = true WHERE id = ?")) {
                ps.setInt(1, log);
                ps.executeUpdate();
            }
        }
        attach(next, indexes);
        return next;
    }

    /**
     * Changes a column's default or NOT NULL ({@code change} is the engine's clause: {@code SET DEFAULT expr},
     * {@code DROP DEFAULT}, {@code SET NOT NULL}, {@code DROP NOT NULL}); the catalog does not hold either.
     */
    public TableDef alterColumn(TableDef def, String column, String change) throws SQLException {
        Column col = def.column(column);
        List<String> indexes = detach(def);
        exec("ALTER TABLE " + def.dataTable() + " ALTER COLUMN " + Identifiers.quote(col.name()) + " " + change);
        attach(def, indexes);
        return def;
    }

    /** Renames a column (its vector log follows it). */
    public TableDef renameColumn(TableDef def, String from, String to) throws SQLException {
        Identifiers.checkColumnName(to);
        Column col = def.column(from);
        List<String> indexes = detach(def);
        indexes.replaceAll(sql -> sql.replace(Identifiers.quote(col.name()), Identifiers.quote(to)));
        exec("ALTER TABLE " + def.dataTable() + " RENAME COLUMN " + Identifiers.quote(col.name()) + " TO "
                + Identifiers.quote(to));
        List<Column> cols = new ArrayList<>();
        for (Column x : def.schema().columns()) {
            cols.add(
                    x.name().equalsIgnoreCase(col.name())
                            ? new Column(to, x.type(), x.dimension(), x.engineType())
                            : x);
        }
        Map<String, Integer> logs = new HashMap<>(def.vectorLogs());
        Integer log = logs.remove(col.name().toLowerCase(Locale.ROOT));
        if (log != null) {
            logs.put(to.toLowerCase(Locale.ROOT), log);
            update(
                    "UPDATE lb_meta.vector_logs SET column_name = ? WHERE lower(table_name) = lower(?) AND lower(column_name) = lower(?)",
                    to,
                    def.name(),
                    col.name());
        }
        update(
                "UPDATE lb_meta.columns SET name = ? WHERE lower(table_name) = lower(?) AND lower(name) = lower(?)",
                to,
                def.name(),
                col.name());
        TableDef next = new TableDef(def.name(), new TableSchema(cols), logs);
        attach(next, indexes);
        return next;
    }

    /** Renames the table: data table, view, key sequence, SERIAL sequences and catalog rows. */
    public TableDef renameTable(TableDef def, String to) throws SQLException {
        Identifiers.checkTableName(to);
        TableDef next = new TableDef(to, def.schema(), def.vectorLogs());
        List<String> indexes = detach(def);
        indexes.replaceAll(sql ->
                sql.replaceFirst("(?i) ON \\S+\\s*\\(", " ON " + Matcher.quoteReplacement(next.dataTable()) + " ("));
        // the sequences first: the engine does not alter a table it renamed in the same transaction
        moveSequence(def, def.sequence(), next.sequence(), List.of(TableDef.KEY_COLUMN, TableDef.VERSION_COLUMN));
        String oldPrefix = "seq_" + def.name().toLowerCase(Locale.ROOT) + "$";
        for (String seq : sequences(oldPrefix)) {
            String column = seq.substring(oldPrefix.length());
            String target = "lb_meta." + Identifiers.quote("seq_" + to.toLowerCase(Locale.ROOT) + "$" + column);
            moveSequence(
                    def,
                    "lb_meta." + Identifiers.quote(seq),
                    target,
                    List.of(def.schema().column(column).map(Column::name).orElse(column)));
        }
        exec("ALTER TABLE " + def.dataTable() + " RENAME TO " + Identifiers.quote(to));
        for (String sql : List.of(
                "UPDATE lb_meta.tables SET name = ? WHERE lower(name) = lower(?)",
                "UPDATE lb_meta.columns SET table_name = ? WHERE lower(table_name) = lower(?)",
                "UPDATE lb_meta.vector_logs SET table_name = ? WHERE lower(table_name) = lower(?)")) {
            update(sql, to, def.name());
        }
        attach(next, indexes);
        return next;
    }

    private void moveSequence(TableDef table, String from, String to, List<String> columns) throws SQLException {
        long next = 1;
        String[] parts = from.split("\\.", 2);
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(last_value + increment_by, start_value)"
                + " FROM duckdb_sequences() WHERE schema_name = ? AND sequence_name = ?")) {
            ps.setString(1, parts[0]);
            ps.setString(2, parts[1].replace("\"", ""));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    next = rs.getLong(1);
                }
            }
        }
        exec("CREATE SEQUENCE " + to + " START " + next);
        for (String col : columns) {
            exec("ALTER TABLE " + table.dataTable() + " ALTER COLUMN " + Identifiers.quote(col)
                    + " SET DEFAULT nextval('" + to.replace("'", "''") + "')");
        }
        exec("DROP SEQUENCE " + from);
    }

    private List<String> sequences(String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence_name FROM duckdb_sequences()"
                + " WHERE schema_name = 'lb_meta' AND starts_with(sequence_name, ?)")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Drops the view and the engine indexes of the data table; returns the indexes' CREATE statements. */
    private List<String> detach(TableDef def) throws SQLException {
        exec("DROP VIEW IF EXISTS " + def.view());
        List<String> sqls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT index_name, sql FROM duckdb_indexes()"
                + " WHERE schema_name = ? AND lower(table_name) = lower(?)")) {
            ps.setString(1, TableDef.DATA_SCHEMA);
            ps.setString(2, def.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    sqls.add(rs.getString(2));
                }
            }
        }
        for (String n : names) {
            exec("DROP INDEX " + TableDef.DATA_SCHEMA + "." + Identifiers.quote(n));
        }
        return sqls;
    }

    private void attach(TableDef def, List<String> indexes) throws SQLException {
        for (String sql : indexes) {
            exec(sql);
        }
        exec(Catalog.viewSql(def));
    }

    private static boolean mentions(String indexSql, String column) {
        String s = indexSql.toLowerCase(Locale.ROOT);
        String col = column.toLowerCase(Locale.ROOT);
        return s.contains("(" + col + ")")
                || s.contains("\"" + col + "\"")
                || s.contains("(" + col + ",")
                || s.contains(" " + col + ")");
    }

    private void renumber(TableDef def) throws SQLException {
        int pos = 0;
        for (Column col : def.schema().columns()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE lb_meta.columns SET position = ? WHERE lower(table_name) = lower(?) AND lower(name) = lower(?)")) {
                ps.setInt(1, pos++);
                ps.setString(2, def.name());
                ps.setString(3, col.name());
                ps.executeUpdate();
            }
        }
    }

    private void update(String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
