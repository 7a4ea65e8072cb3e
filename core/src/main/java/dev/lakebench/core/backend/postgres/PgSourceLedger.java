package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.store.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger of complete sources in {@code lakebench.ingest_sources}, keyed by the table's oid (a dropped and
 * recreated table never inherits records). Records are written by the sink's transaction, with the rows.
 * A sink holds a shared advisory lock on its table's oid ({@link #WRITER_LOCK_CLASS}) for its whole life, in any
 * process: while one is held the table's files are in progress, not interrupted ({@link #incomplete}).
 */
final class PgSourceLedger implements SourceLedger {

    private final PostgresBackend backend;
    private final String table;
    private final String column;
    private final List<String> pendingSources = new ArrayList<>();
    private final List<Long> pendingRows = new ArrayList<>();

    PgSourceLedger(PostgresBackend backend, String qualifiedTable, String column) {
        this.backend = backend;
        this.table = qualifiedTable;
        this.column = Identifiers.quote(column);
    }

    /** Ingest work is not bounded by a query timeout: the ingest's own cancel stops it between batches. */
    private static final Duration INGEST = Duration.ZERO;

    /** The high half of the advisory lock key writers of a table hold; the low half is the table's oid. */
    static final int WRITER_LOCK_CLASS = 7342993;

    private String oid() {
        return oid(table);
    }

    private static String oid(String qualifiedTable) {
        return "'" + qualifiedTable.replace("'", "''") + "'::regclass::oid";
    }

    /** The advisory lock key of a table's writers, as SQL. */
    static String writerLockKey(String qualifiedTable) {
        return "((" + WRITER_LOCK_CLASS + "::bigint << 32) | " + oid(qualifiedTable) + "::bigint)";
    }

    /** Every source with rows in the table, its row count and its recorded row count (null: no record). */
    private static String sourcesSql(String qualifiedTable, String quotedColumn) {
        return "SELECT s.src, s.n, l.rows FROM (SELECT " + quotedColumn + "::text AS src, count(*) AS n FROM "
                + qualifiedTable + " WHERE " + quotedColumn
                + " IS NOT NULL GROUP BY 1) s LEFT JOIN (SELECT source_id, max(rows) AS rows FROM " + PgHelpers.LEDGER
                + " WHERE table_oid = " + oid(qualifiedTable) + " GROUP BY 1) l ON l.source_id = s.src";
    }

    /**
     * Sources with rows but no completion record, or another number of rows than recorded: the files of an
     * ingest that was interrupted, as the local engine reports them. None while a writer (of any process) holds
     * the table: its files are then in progress.
     */
    static IncompleteFiles incomplete(Connection c, String name, String qualifiedTable, String sourceColumn)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype ="
                        + " 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname ="
                        + " current_database()) AND classid = " + WRITER_LOCK_CLASS + "::oid AND objid = "
                        + oid(qualifiedTable) + " AND objsubid = 1)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                return IncompleteFiles.none(name);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(n), 0) FROM ("
                        + sourcesSql(qualifiedTable, Identifiers.quote(sourceColumn))
                        + ") x WHERE rows IS NULL OR rows <> n");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new IncompleteFiles(name, rs.getLong(1), rs.getLong(2));
        }
    }

    @Override
    public Map<String, Boolean> sources() {
        String sql = sourcesSql(table, column);
        Map<String, Boolean> out = new HashMap<>();
        backend.withConnection("reading the ingest ledger of " + table, INGEST, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long recorded = rs.getLong(3);
                    boolean has = !rs.wasNull();
                    out.put(rs.getString(1), has && recorded == rs.getLong(2));
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public Set<String> recorded() {
        Set<String> out = new HashSet<>();
        backend.withConnection("reading the ingest ledger of " + table, INGEST, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT source_id FROM " + PgHelpers.LEDGER + " WHERE table_oid = " + oid());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public void forget(Collection<String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        backend.withConnection("forgetting finished batches of " + table, INGEST, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + PgHelpers.LEDGER + " WHERE table_oid = "
                    + oid() + " AND source_id = ANY (?::text[])")) {
                ps.setArray(1, c.createArrayOf("text", sources.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void complete(String source, long rows) {
        pendingSources.add(source);
        pendingRows.add(rows);
    }

    synchronized boolean hasPending() {
        return !pendingSources.isEmpty();
    }

    /** Inserts the pending records on the sink's open transaction. */
    synchronized void beforeCommit(Connection c) throws SQLException {
        if (pendingSources.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + PgHelpers.LEDGER
                + " (table_oid, source_id, rows)" + " SELECT " + oid() + ", unnest(?::text[]), unnest(?::bigint[])")) {
            ps.setArray(1, c.createArrayOf("text", pendingSources.toArray()));
            ps.setArray(2, c.createArrayOf("int8", pendingRows.toArray()));
            ps.executeUpdate();
        }
        pendingSources.clear();
        pendingRows.clear();
    }

    @Override
    public List<String> values(String source, String valueColumn) {
        List<String> out = new ArrayList<>();
        backend.withConnection("reading the ingest ledger of " + table, INGEST, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Identifiers.quote(valueColumn) + "::text FROM "
                    + table + " WHERE " + column + "::text = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public void discard(Collection<String> sources) {
        if (sources.isEmpty()) {
            return;
        }
        backend.withConnection("discarding partial sources of " + table, INGEST, c -> {
            c.setAutoCommit(false);
            try (PreparedStatement rows = c.prepareStatement(
                            "DELETE FROM " + table + " WHERE " + column + "::text = ANY (?::text[])");
                    PreparedStatement recs = c.prepareStatement("DELETE FROM " + PgHelpers.LEDGER
                            + " WHERE table_oid = " + oid() + " AND source_id = ANY (?::text[])")) {
                rows.setArray(1, c.createArrayOf("text", sources.toArray()));
                rows.executeUpdate();
                recs.setArray(1, c.createArrayOf("text", sources.toArray()));
                recs.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }
}
