package dev.lakebench.core.backend.local;

import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.TableWriter;
import dev.lakebench.core.store.Workspace;
import dev.lakebench.natives.engine.EngineException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local ledger of complete sources: rows of {@code lb_meta.ingest_sources}, written on the table writer's
 * own transaction so a record commits with the rows it vouches for. Records name the table's incarnation (its
 * creation time), so a dropped and recreated table never inherits records of its predecessor.
 */
final class LocalSourceLedger implements SourceLedger {

    private static final String LEDGER = TableDef.META_SCHEMA + ".ingest_sources";
    /** Values bound per statement when deleting by a list. */
    private static final int CHUNK = 1000;

    private final Workspace workspace;
    private final TableWriter writer;
    private final TableDef def;
    private final String column;
    private final String tableKey;
    private final Runnable afterChange;
    private final List<String> pendingSources = new ArrayList<>();
    private final List<Long> pendingRows = new ArrayList<>();
    /** Closed with their connections when the writer closes. */
    private final Map<Connection, PreparedStatement> inserts = new java.util.IdentityHashMap<>();

    LocalSourceLedger(Workspace workspace, TableWriter writer, TableDef def, String column, Runnable afterChange) {
        this.workspace = workspace;
        this.writer = writer;
        this.def = def;
        this.column =
                column == null ? null : Identifiers.quote(def.column(column).name());
        this.afterChange = afterChange;
        try (Connection c = workspace.engine().connect();
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS " + LEDGER + " (table_name VARCHAR NOT NULL, table_created TIMESTAMP,"
                            + " source_id VARCHAR NOT NULL, rows BIGINT NOT NULL, recorded_at TIMESTAMP)");
            this.tableKey = tableKey(c, def);
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    /** The ledger's name of the table's incarnation: its name and creation time. */
    private static String tableKey(Connection c, TableDef def) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(created_at AS VARCHAR) FROM " + TableDef.META_SCHEMA
                + ".tables WHERE lower(name) = lower(?)")) {
            ps.setString(1, def.name());
            try (ResultSet rs = ps.executeQuery()) {
                String created = rs.next() ? rs.getString(1) : null;
                return def.name().toLowerCase(Locale.ROOT) + "@" + created;
            }
        }
    }

    /**
     * Every source with rows in the table ({@code src}, {@code n} rows) beside its recorded row count ({@code
     * rows}, NULL without a record); binds the table key as its one parameter.
     */
    private static String sourcesSql(TableDef def, String quotedColumn) {
        return "SELECT s.src, s.n, l.rows FROM (SELECT " + quotedColumn + " AS src, count(*) AS n FROM "
                + def.dataTable() + " WHERE " + quotedColumn
                + " IS NOT NULL GROUP BY 1) s LEFT JOIN (SELECT source_id, max(rows) AS rows FROM " + LEDGER
                + " WHERE table_name = ? GROUP BY 1) l ON l.source_id = s.src";
    }

    /**
     * The sources of {@code sourceColumn} whose rows are in the table without a matching completion record (the
     * same test {@link #sources()} makes), counted, with their rows. Reads committed data and writes nothing (no
     * ledger yet: no file was ever ingested into this workspace, so nothing is incomplete).
     */
    static IncompleteFiles incomplete(Workspace workspace, TableDef def, String sourceColumn) {
        if (def.schema().column(sourceColumn).isEmpty()) {
            return IncompleteFiles.none(def.name());
        }
        String sql = "SELECT count(*), coalesce(sum(n), 0) FROM ("
                + sourcesSql(def, Identifiers.quote(def.column(sourceColumn).name()))
                + ") WHERE rows IS NULL OR rows <> n";
        try (Connection c = workspace.engine().connect()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE schema_name = '"
                            + TableDef.META_SCHEMA + "' AND table_name = 'ingest_sources'")) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return IncompleteFiles.none(def.name());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tableKey(c, def));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new IncompleteFiles(def.name(), rs.getLong(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    @Override
    public Map<String, Boolean> sources() {
        String sql = sourcesSql(def, column);
        Map<String, Boolean> out = new HashMap<>();
        try (Connection c = workspace.engine().connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tableKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long recorded = rs.getLong(3);
                    boolean hasRecord = !rs.wasNull();
                    out.put(rs.getString(1), hasRecord && recorded == rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        return out;
    }

    @Override
    public java.util.Set<String> recorded() {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (Connection c = workspace.engine().connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT source_id FROM " + LEDGER + " WHERE table_name = ?")) {
            ps.setString(1, tableKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        return out;
    }

    @Override
    public synchronized void complete(String source, long rows) {
        pendingSources.add(source);
        pendingRows.add(rows);
    }

    /**
     * Writes the records of {@link #complete} calls since the last commit into the writer's open transaction, in
     * one statement; the sink calls it right before it commits, so records commit with the rows they vouch for.
     */
    synchronized void beforeCommit() {
        insertPending();
    }

    @Override
    public void forget(Collection<String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        try (Connection c = workspace.engine().connect()) {
            deleteWhereIn(
                    c,
                    "DELETE FROM " + LEDGER + " WHERE table_name = ? AND source_id",
                    new ArrayList<>(sources),
                    tableKey);
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
    }

    private void insertPending() {
        if (pendingSources.isEmpty()) {
            return;
        }
        Object[] sources = pendingSources.toArray();
        Object[] rows = pendingRows.toArray();
        pendingSources.clear();
        pendingRows.clear();
        writer.inTransaction(c -> {
            // one prepared statement per writer connection, kept: preparing costs more than running it
            PreparedStatement ps = inserts.get(c);
            if (ps == null || ps.isClosed()) {
                ps = c.prepareStatement("INSERT INTO " + LEDGER
                        + " SELECT ?, NULL, unnest(?::VARCHAR[]), unnest(?::BIGINT[]), now()::TIMESTAMP");
                inserts.put(c, ps);
            }
            ps.setString(1, tableKey);
            ps.setArray(2, c.createArrayOf("VARCHAR", sources));
            ps.setArray(3, c.createArrayOf("BIGINT", rows));
            ps.executeUpdate();
        });
    }

    @Override
    public List<String> values(String source, String valueColumn) {
        String sql = "SELECT " + Identifiers.quote(def.column(valueColumn).name()) + " FROM " + def.dataTable()
                + " WHERE " + column + " = ?";
        List<String> out = new ArrayList<>();
        try (Connection c = workspace.engine().connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        return out;
    }

    @Override
    public void discard(Collection<String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(sources);
        try (Connection c = workspace.engine().connect()) {
            c.setAutoCommit(false);
            try {
                for (int i = 0; i < all.size(); i += CHUNK) {
                    List<String> part = all.subList(i, Math.min(all.size(), i + CHUNK));
                    deleteWhereIn(c, "DELETE FROM " + def.dataTable() + " WHERE " + column, part, null);
                    deleteWhereIn(c, "DELETE FROM " + LEDGER + " WHERE table_name = ? AND source_id", part, tableKey);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw EngineException.from(e);
        }
        afterChange.run();
    }

    private static void deleteWhereIn(Connection c, String prefix, List<String> values, String first)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(prefix + " IN (SELECT unnest(?::VARCHAR[]))")) {
            int i = 1;
            if (first != null) {
                ps.setString(i++, first);
            }
            Array array = c.createArrayOf("VARCHAR", values.toArray());
            ps.setArray(i, array);
            ps.executeUpdate();
        }
    }
}
