package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Index DDL for PostgreSQL, built with {@code CREATE INDEX CONCURRENTLY} so that reads and writes go on:
 * vectors get an HNSW (or, with vectorscale, DiskANN) index on the expression {@code (col::vector(d))} with
 * cosine operators, which is what the translated {@code ORDER BY ... <=>} uses; text a pg_search BM25 index when
 * the server has pg_search, else a GIN index on {@code lakebench.words(col)} (what the plain-SQL BM25
 * matches by), or for {@code exact_text} a pg_trgm index for keyword containment; other columns a B-tree. Progress comes
 * from {@code pg_stat_progress_create_index}; a cancelled or failed build leaves no invalid index behind.
 */
final class PgIndexes {

    /** The plain-SQL BM25's GIN index (the helper schema is left out when it is on the search path). */
    private static final Pattern WORDS_INDEX = Pattern.compile("USING gin \\((?:" + PgHelpers.SCHEMA + "\\.)?words\\(");

    private PgIndexes() {}

    /** The CREATE INDEX statement for a column, or a TableError naming what the server lacks. */
    static String createSql(
            String schema, String table, Column c, String indexType, Capabilities caps, boolean hasIdColumn) {
        String type = indexType == null || indexType.isBlank() ? "" : indexType.toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.matches("[a-z][a-z0-9_]*")) {
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: index type \"" + indexType + "\" is not valid",
                    "Use bm25, exact_text, inverted, hnsw or diskann");
        }
        String col = Identifiers.quote(c.name());
        String using;
        String suffix;
        if (c.type() == ColumnType.EMBEDDING) {
            if (c.dimension() <= 0) {
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: the vector size of \"" + c.name() + "\" is not known",
                        "Ingest vectors through Lakebench (it records the size), or COMMENT ON COLUMN ... IS 'lakebench:EMBEDDING(<size>)'");
            }
            requireIndex(caps, Capabilities.VECTOR, "A vector index");
            String expr = "((" + col + "::vector(" + c.dimension() + ")) vector_cosine_ops)";
            if (type.equals("diskann")) {
                requireIndex(caps, Capabilities.VECTORSCALE, "A DiskANN index");
                using = "diskann " + expr;
                suffix = "diskann";
            } else {
                using = "hnsw " + expr;
                suffix = "hnsw";
            }
        } else if (c.type() == ColumnType.TEXT
                && (type.isEmpty() || type.equals("bm25"))
                && caps.has(Capabilities.PG_SEARCH)) {
            if (!hasIdColumn) {
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: a pg_search BM25 index needs a unique \"id\" column in \"" + table
                                + "\"",
                        "Ingest the table with an id column");
            }
            using = "bm25 (\"id\", " + col + ") WITH (key_field = 'id')";
            suffix = "bm25";
        } else if (c.type() == ColumnType.TEXT && (type.isEmpty() || type.equals("bm25"))) {
            // without pg_search: the plain-SQL BM25 matches documents by this expression before scoring them
            using = "gin (" + PgHelpers.SCHEMA + ".words(" + col + "))";
            suffix = "words";
        } else if (c.type() == ColumnType.TEXT && !type.equals("inverted")) {
            requireIndex(caps, Capabilities.PG_TRGM, "A keyword index");
            using = "gin (" + col + " gin_trgm_ops)";
            suffix = "trgm";
        } else {
            using = "btree (" + col + ")";
            suffix = "btree";
        }
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + Identifiers.quote(name(table, c.name(), suffix)) + " ON "
                + Identifiers.quote(schema) + "." + Identifiers.quote(table) + " USING " + using;
    }

    private static void requireIndex(Capabilities caps, String ext, String what) {
        if (!caps.has(ext)) {
            throw new TableError(
                    ErrorCode.TABLE_INDEX_FAILED,
                    "Index creation failed: " + what + " needs the PostgreSQL extension \"" + ext + "\" ("
                            + Capabilities.PURPOSE.get(ext) + "), and this server does not offer it",
                    "Install it on the server, or search without an index");
        }
    }

    static String name(String table, String column, String suffix) {
        String n = (table + "_" + column + "_" + suffix).replaceAll("[^A-Za-z0-9_]", "_");
        return n.length() > 63 ? n.substring(0, 54) + "_" + Integer.toHexString((table + "." + column).hashCode()) : n;
    }

    /**
     * Runs the build on {@code build}, reporting progress read through {@code watch}. Cancelling is the caller's
     * (a watch on the build connection).
     */
    static void build(Connection build, Connection watch, String sql, String schema, IngestListener listener)
            throws SQLException {
        int pid;
        try (Statement st = build.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        long t0 = System.nanoTime();
        AtomicBoolean done = new AtomicBoolean();
        Thread poller = null;
        if (listener != null) {
            poller = Thread.ofVirtual()
                    .name("lakebench-pg-index-progress")
                    .start(() -> poll(watch, pid, listener, done, t0));
        }
        try (Statement st = build.createStatement()) {
            st.execute(sql);
        } finally {
            done.set(true);
            if (poller != null) {
                try {
                    poller.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (listener != null) {
            listener.onProgress(new IngestProgress(0, 0, 1, 1, 1, 0, "done", Duration.ofNanos(System.nanoTime() - t0)));
        }
    }

    private static void poll(Connection watch, int pid, IngestListener listener, AtomicBoolean done, long t0) {
        try (PreparedStatement ps =
                watch.prepareStatement("SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total"
                        + " FROM pg_stat_progress_create_index WHERE pid = ?")) {
            ps.setInt(1, pid);
            while (!done.get()) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long bt = rs.getLong(3);
                        long bd = rs.getLong(2);
                        long tt = rs.getLong(5);
                        long td = rs.getLong(4);
                        long total = bt > 0 ? bt : tt > 0 ? tt : -1;
                        long doneUnits = bt > 0 ? bd : td;
                        listener.onProgress(new IngestProgress(
                                0,
                                0,
                                doneUnits,
                                doneUnits,
                                total,
                                0,
                                rs.getString(1),
                                Duration.ofNanos(System.nanoTime() - t0)));
                    }
                }
                Thread.sleep(200);
            }
        } catch (SQLException | InterruptedException e) {
            // progress is best effort; the build reports its own outcome
        }
    }

    /** A failed or cancelled concurrent build leaves an INVALID index; remove it so a retry starts clean. */
    static void dropInvalid(Connection c, String schema, String indexName) throws SQLException {
        dropInvalid(c, schema, indexName, "");
    }

    /**
     * Drops an INVALID index of this name that no build is working on: one left by a build that was killed or
     * failed before it could remove it. One another client is building now is left alone.
     */
    static void dropAbandoned(Connection c, String schema, String indexName) throws SQLException {
        dropInvalid(
                c,
                schema,
                indexName,
                " AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = x.oid)");
    }

    private static void dropInvalid(Connection c, String schema, String indexName, String condition)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
                        + " JOIN pg_namespace n ON n.oid = x.relnamespace WHERE n.nspname = ? AND x.relname = ?"
                        + " AND NOT i.indisvalid" + condition)) {
            ps.setString(1, schema);
            ps.setString(2, indexName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + Identifiers.quote(schema) + "."
                    + Identifiers.quote(indexName));
        }
    }

    /** The indexes of a table with the Lakebench type their access method serves. */
    static List<IndexInfo> list(Connection c, String schema, String table) throws SQLException {
        List<IndexInfo> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT x.relname, am.amname, pg_get_indexdef(i.indexrelid), i.indisvalid,"
                        + " (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0])"
                        + " FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = x.relam"
                        + " WHERE n.nspname = ? AND t.relname = ? ORDER BY 1")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(3);
                    String column = rs.getString(5);
                    if (column == null) {
                        // an expression index: (col::vector(d)) or lakebench.words(col)
                        Matcher m = Pattern.compile("USING \\w+ \\(+(?:(?:" + PgHelpers.SCHEMA
                                        + "\\.)?words\\()?\"?([^\"():]+)\"?\\)*(?:::|$)")
                                .matcher(def);
                        column = m.find() ? m.group(1) : def;
                    }
                    String type = switch (rs.getString(2)) {
                        case "hnsw", "ivfflat", "diskann" -> "vector";
                        case "bm25" -> "bm25";
                        case "gin" ->
                            def.contains("gin_trgm_ops")
                                    ? "exact_text"
                                    : WORDS_INDEX.matcher(def).find() ? "bm25" : "inverted";
                        default -> "inverted";
                    };
                    out.add(new IndexInfo(rs.getString(1), table, column, type, rs.getBoolean(4)));
                }
            }
        }
        return out;
    }
}
