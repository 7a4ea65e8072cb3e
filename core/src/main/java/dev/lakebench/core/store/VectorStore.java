package dev.lakebench.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vector logs of a workspace ({@code vectors/<id>.vec}), registered in {@code lb_meta.vector_logs} with the
 * length that the last committed transaction made durable. Each log belongs to one column of one table.
 */
public final class VectorStore implements AutoCloseable {

    private final Path dir;
    private final Map<Integer, VectorLog> logs = new ConcurrentHashMap<>();
    private final AtomicInteger nextId;

    private VectorStore(Path dir, int nextId) {
        this.dir = dir;
        this.nextId = new AtomicInteger(nextId);
    }

    /**
     * Opens every live log, cutting each back to its committed length, and deletes the files of dropped logs and
     * of logs whose creating transaction never committed.
     */
    public static VectorStore open(Path dir, Connection c) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Set<Integer> known = new HashSet<>();
        int max = 0;
        VectorStore store;
        Map<Integer, Long> live = new HashMap<>();
        Set<Integer> dropped = new HashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT l.id, coalesce(max(c.committed_bytes), 0), l.dropped FROM lb_meta.vector_logs l"
                                + " LEFT JOIN lb_meta.vector_log_commits c ON c.id = l.id GROUP BY l.id, l.dropped")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                known.add(id);
                max = Math.max(max, id);
                if (rs.getBoolean(3)) {
                    dropped.add(id);
                } else {
                    live.put(id, rs.getLong(2));
                }
            }
        }
        store = new VectorStore(dir, max + 1);
        for (var e : live.entrySet()) {
            Path p = store.path(e.getKey());
            if (Files.exists(p)) {
                store.logs.put(e.getKey(), VectorLog.open(p, e.getKey(), e.getValue()));
            }
        }
        try {
            store.deleteStale(known, dropped, c);
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM lb_meta.vector_log_commits WHERE (id, committed_bytes) NOT IN"
                        + " (SELECT id, max(committed_bytes) FROM lb_meta.vector_log_commits GROUP BY id)"
                        + " OR id NOT IN (SELECT id FROM lb_meta.vector_logs)");
            }
        } catch (SQLException e) {
            // housekeeping only: on a full disk it waits for the next open, and the workspace still opens to be read
            if (DiskFull.at(e, dir).isEmpty()) {
                throw e;
            }
        }
        return store;
    }

    private void deleteStale(Set<Integer> known, Set<Integer> dropped, Connection c) throws SQLException {
        Set<Integer> deleted = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.vec")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                int id;
                try {
                    id = Integer.parseInt(n.substring(0, n.length() - 4));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!known.contains(id) || dropped.contains(id)) {
                    if (Files.deleteIfExists(f)) {
                        deleted.add(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (!dropped.isEmpty()) {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM lb_meta.vector_logs WHERE id = ? AND dropped")) {
                for (int id : dropped) {
                    if (deleted.contains(id) || !Files.exists(path(id))) {
                        ps.setInt(1, id);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private Path path(int id) {
        return dir.resolve(id + ".vec");
    }

    /** Creates and registers a new log in the caller's transaction. */
    public VectorLog create(Connection c, String table, String column, VectorLog.Kind kind, int dim)
            throws SQLException {
        int id = nextId.getAndIncrement();
        VectorLog log = VectorLog.create(path(id), id, kind, dim);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO lb_meta.vector_logs (id, table_name, column_name, kind, dimension) VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, table);
            ps.setString(3, column);
            ps.setString(4, kind.name());
            ps.setInt(5, dim);
            ps.executeUpdate();
        }
        recordCommitted(c, log, log.length());
        logs.put(id, log);
        return log;
    }

    /** Records, in the caller's transaction, how much of the log the commit makes durable. */
    public void recordCommitted(Connection c, VectorLog log, long bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lb_meta.vector_log_commits VALUES (?, ?)")) {
            ps.setInt(1, log.id());
            ps.setLong(2, bytes);
            ps.executeUpdate();
        }
    }

    public VectorLog log(int id) {
        VectorLog log = logs.get(id);
        if (log == null) {
            throw new IllegalStateException("vector log " + id + " does not exist in this workspace");
        }
        return log;
    }

    /** The 1-D vector a reference points at. */
    public float[] read(long ref) {
        return log(VectorRefs.fileId(ref)).read(ref);
    }

    /** The multi-vector a reference points at. */
    public float[][] readMulti(long ref) {
        return log(VectorRefs.fileId(ref)).readMulti(ref);
    }

    /** Closes and deletes logs of a dropped table (after the drop committed); failures wait for the next open. */
    public void delete(Iterable<Integer> ids) {
        for (int id : ids) {
            VectorLog log = logs.remove(id);
            if (log != null) {
                log.close();
            }
            try {
                Files.deleteIfExists(path(id));
            } catch (IOException e) {
                // Still mapped (Windows) or busy: the log is marked dropped and goes at the next open.
            }
        }
    }

    /** Forgets logs created in a transaction that rolled back and removes their files. */
    public void discard(Iterable<Integer> ids) {
        delete(ids);
    }

    @Override
    public void close() {
        for (VectorLog log : logs.values()) {
            log.close();
        }
        logs.clear();
    }
}
