package dev.lakebench.core.store;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.natives.engine.EngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace's table definitions, kept in the engine ({@code lb_meta}) so that they commit together with the
 * data, and cached in memory (one process owns a workspace). All mutating methods run inside the caller's
 * transaction on the caller's connection; {@link #publish} makes the change visible to the cache after commit.
 */
public final class Catalog {

    /** Version of the workspace layout; checked at open. */
    public static final int FORMAT_VERSION = 1;

    private final Map<String, TableDef> tables = new ConcurrentHashMap<>();

    private Catalog() {}

    /** Creates the catalog schema if needed, checks the layout version and loads every table definition. */
    public static Catalog load(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS lb_meta");
            st.execute("CREATE SCHEMA IF NOT EXISTS lb_data");
            st.execute("CREATE TABLE IF NOT EXISTS lb_meta.info (key VARCHAR NOT NULL, value VARCHAR)");
            st.execute("CREATE TABLE IF NOT EXISTS lb_meta.tables (name VARCHAR NOT NULL, created_at TIMESTAMP)");
            st.execute(
                    "CREATE TABLE IF NOT EXISTS lb_meta.columns (table_name VARCHAR NOT NULL, position INTEGER NOT NULL,"
                            + " name VARCHAR NOT NULL, type VARCHAR NOT NULL, dimension INTEGER NOT NULL, engine_type VARCHAR,"
                            + " vector_log INTEGER)");
            st.execute("CREATE TABLE IF NOT EXISTS lb_meta.vector_logs (id INTEGER NOT NULL, table_name VARCHAR,"
                    + " column_name VARCHAR, kind VARCHAR NOT NULL, dimension INTEGER NOT NULL,"
                    + " dropped BOOLEAN NOT NULL DEFAULT false)");
            // Append-only: two writers' transactions may commit lengths of one log back to back, and inserts never
            // conflict where updates of one row would. The largest length per log is the committed one.
            st.execute(
                    "CREATE TABLE IF NOT EXISTS lb_meta.vector_log_commits (id INTEGER NOT NULL, committed_bytes BIGINT NOT NULL)");
            String version = null;
            try (ResultSet rs = st.executeQuery("SELECT value FROM lb_meta.info WHERE key = 'format_version'")) {
                if (rs.next()) {
                    version = rs.getString(1);
                }
            }
            if (version == null) {
                st.execute("INSERT INTO lb_meta.info VALUES ('format_version', '" + FORMAT_VERSION + "')");
            } else if (Integer.parseInt(version) > FORMAT_VERSION) {
                throw new IllegalStateException("the workspace was written by a newer Lakebench (layout version "
                        + version + "; this one reads up to " + FORMAT_VERSION + ")");
            }
        }
        Catalog catalog = new Catalog();
        for (TableDef def : catalog.read(c)) {
            catalog.tables.put(key(def.name()), def);
        }
        return catalog;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private List<TableDef> read(Connection c) throws SQLException {
        Map<String, List<Column>> cols = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> logs = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name FROM lb_meta.tables ORDER BY created_at, name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    cols.put(key(rs.getString(1)), new ArrayList<>());
                    logs.put(key(rs.getString(1)), new HashMap<>());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name, name, type, dimension, engine_type, vector_log"
                    + " FROM lb_meta.columns ORDER BY table_name, position")) {
                while (rs.next()) {
                    String t = key(rs.getString(1));
                    List<Column> list = cols.get(t);
                    if (list == null) {
                        continue;
                    }
                    ColumnType type = ColumnType.valueOf(rs.getString(3));
                    list.add(new Column(rs.getString(2), type, rs.getInt(4), rs.getString(5)));
                    int log = rs.getInt(6);
                    if (!rs.wasNull()) {
                        logs.get(t).put(key(rs.getString(2)), log);
                    }
                }
            }
        }
        List<TableDef> out = new ArrayList<>();
        for (String n : names) {
            out.add(new TableDef(n, new TableSchema(cols.get(key(n))), logs.get(key(n))));
        }
        return out;
    }

    public Optional<TableDef> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    /** Tables in creation order. */
    public List<TableDef> tables() {
        List<TableDef> out = new ArrayList<>(tables.values());
        out.sort(Comparator.comparing(TableDef::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** Makes a committed change visible (or removes a dropped table when {@code def} is null). */
    public void publish(String name, TableDef def) {
        if (def == null) {
            tables.remove(key(name));
        } else {
            tables.put(key(name), def);
        }
    }

    /**
     * Creates the data table, its key sequence, the user view and the catalog rows. Vector columns must already
     * have their logs (ids in {@code vectorLogs}). Runs in the caller's transaction.
     */
    public TableDef create(Connection c, String name, TableSchema schema, Map<String, Integer> vectorLogs)
            throws SQLException {
        TableDef def = new TableDef(name, schema, vectorLogs);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ")
                .append(def.dataTable())
                .append(" (")
                .append(TableDef.KEY_COLUMN)
                .append(" BIGINT NOT NULL DEFAULT nextval('")
                .append(seqName(def))
                .append("'), ")
                .append(TableDef.VERSION_COLUMN)
                .append(" BIGINT NOT NULL DEFAULT nextval('")
                .append(seqName(def))
                .append("')");
        for (Column col : schema.columns()) {
            ddl.append(", ").append(Identifiers.quote(col.name())).append(' ').append(EngineTypes.of(col));
        }
        ddl.append(')');
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SEQUENCE " + def.sequence() + " START 1");
            st.execute(ddl.toString());
            st.execute(viewSql(def));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lb_meta.tables VALUES (?, now()::TIMESTAMP)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        insertColumns(c, def, 0, schema.columns());
        return def;
    }

    /** Adds columns at the end (append with new columns, ALTER TABLE ADD COLUMN). */
    public TableDef addColumns(Connection c, TableDef def, List<Column> added, Map<String, Integer> newLogs)
            throws SQLException {
        Map<String, Integer> logs = new HashMap<>(def.vectorLogs());
        logs.putAll(newLogs);
        TableDef next = new TableDef(def.name(), def.schema().plus(added), logs);
        try (Statement st = c.createStatement()) {
            for (Column col : added) {
                st.execute("ALTER TABLE " + def.dataTable() + " ADD COLUMN " + Identifiers.quote(col.name()) + " "
                        + EngineTypes.of(col));
            }
            st.execute(viewSql(next));
        }
        insertColumns(c, next, def.schema().size(), added);
        return next;
    }

    /** Records the dimension of a vector column that had none yet (first vector written through SQL DDL tables). */
    public TableDef setDimension(Connection c, TableDef def, String column, int dim, int vectorLog)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE lb_meta.columns SET dimension = ?, vector_log = ? WHERE lower(table_name) = lower(?) AND lower(name) = lower(?)")) {
            ps.setInt(1, dim);
            ps.setInt(2, vectorLog);
            ps.setString(3, def.name());
            ps.setString(4, column);
            ps.executeUpdate();
        }
        Map<String, Integer> logs = new HashMap<>(def.vectorLogs());
        logs.put(key(column), vectorLog);
        return new TableDef(def.name(), def.schema().with(def.column(column).withDimension(dim)), logs);
    }

    private void insertColumns(Connection c, TableDef def, int firstPosition, List<Column> cols) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lb_meta.columns VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pos = firstPosition;
            for (Column col : cols) {
                ps.setString(1, def.name());
                ps.setInt(2, pos++);
                ps.setString(3, col.name());
                ps.setString(4, col.type().name());
                ps.setInt(5, col.dimension());
                ps.setString(6, col.engineType());
                var log = def.vectorLog(col.name());
                if (log.isPresent()) {
                    ps.setInt(7, log.getAsInt());
                } else {
                    ps.setNull(7, Types.INTEGER);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Drops the view, the data table, the sequence and the catalog rows; the vector logs are marked dropped. */
    public void drop(Connection c, TableDef def) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP VIEW IF EXISTS " + def.view());
            st.execute("DROP TABLE IF EXISTS " + def.dataTable());
            st.execute("DROP SEQUENCE IF EXISTS " + def.sequence());
        }
        for (String sql : List.of(
                "DELETE FROM lb_meta.tables WHERE lower(name) = lower(?)",
                "DELETE FROM lb_meta.columns WHERE lower(table_name) = lower(?)",
                "UPDATE lb_meta.vector_logs SET dropped = true WHERE lower(table_name) = lower(?)")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, def.name());
                ps.executeUpdate();
            }
        }
    }

    private static String seqName(TableDef def) {
        // nextval takes the qualified name as a string literal
        return def.sequence().replace("'", "''");
    }

    /**
     * {@code CREATE OR REPLACE VIEW main."t" AS SELECT <user columns> FROM lb_data."t"}. A jsonb column is read
     * through {@code lb_pg_json}, so it prints as PostgreSQL prints jsonb (keys ordered, {@code ": "}) whichever
     * way its value was written (SQL, COPY, appends).
     */
    public static String viewSql(TableDef def) {
        StringBuilder sb =
                new StringBuilder("CREATE OR REPLACE VIEW ").append(def.view()).append(" AS SELECT ");
        List<Column> cols = def.schema().columns();
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(viewColumn(cols.get(i)));
        }
        if (cols.isEmpty()) {
            sb.append("NULL AS placeholder");
        }
        return sb.append(" FROM ").append(def.dataTable()).toString();
    }

    /** A column as the table's view reads it from the data table (also what RETURNING * gives). */
    public static String viewColumn(Column c) {
        String name = Identifiers.quote(c.name());
        return c.isJsonb() ? "CAST(lb_pg_json(CAST(" + name + " AS VARCHAR), 'jsonb') AS JSON) AS " + name : name;
    }

    /** Translates engine failures in catalog work into engine exceptions with the table named. */
    static EngineException failure(String what, SQLException e) {
        EngineException ex = EngineException.from(e);
        return new EngineException(ex.kind(), what + ": " + ex.engineMessage(), e);
    }
}
