package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.natives.engine.EngineException;
import dev.lakebench.natives.engine.EngineSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Parquet files with the embedded engine's {@code read_parquet}, on a scratch in-memory database of its
 * own (nothing touches the workspace). Results stream; close the scan to release the engine.
 */
final class ParquetScan implements AutoCloseable {

    private final EngineSession session;
    private final Connection connection;
    private final List<Statement> statements = new ArrayList<>();

    private ParquetScan(EngineSession session, Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    static ParquetScan open() {
        EngineSession session = EngineSession.inMemory();
        try {
            return new ParquetScan(session, session.connect());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** {@code read_parquet([...], union_by_name = true)} over the files. */
    static String source(List<Path> files) {
        StringBuilder sb = new StringBuilder("read_parquet([");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(files.get(i).toString()));
        }
        return sb.append("], union_by_name = true)").toString();
    }

    /** A quoted identifier for the engine. */
    static String quote(String name) {
        return Identifiers.quote(name);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Column name → engine type name, in file order. */
    Map<String, String> describe(List<Path> files) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source(files))) {
            while (rs.next()) {
                out.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        } catch (SQLException e) {
            throw unreadable(files, e);
        }
        return out;
    }

    /** A key-value metadata entry of the file's footer ({@code huggingface}, ...), or null. */
    String keyValue(Path file, String key) {
        String sql = "SELECT value FROM parquet_kv_metadata(" + literal(file.toString()) + ") WHERE decode(key) = "
                + literal(key);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? new String(rs.getBytes(1), StandardCharsets.UTF_8) : null;
        } catch (SQLException e) {
            throw unreadable(List.of(file), e);
        }
    }

    /** Rows in the files, from their footers. */
    long rowCount(List<Path> files) {
        if (files.isEmpty()) {
            return 0;
        }
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < files.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(literal(files.get(i).toString()));
        }
        String sql = "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(" + list + "])";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw unreadable(files, e);
        }
    }

    /** Runs a query; the result streams and is closed with the scan. */
    ResultSet query(String sql, List<Path> files) {
        try {
            Statement st = connection.createStatement();
            statements.add(st);
            return st.executeQuery(sql);
        } catch (SQLException e) {
            throw unreadable(files, e);
        }
    }

    static IngestError unreadable(List<Path> files, SQLException e) {
        String what = files.size() == 1
                ? files.get(0).toString()
                : files.size() + " Parquet files (first " + files.get(0) + ")";
        return new IngestError(
                ErrorCode.INGEST_FILE_FAILED,
                "Cannot read " + what + ": " + EngineException.from(e).engineMessage(),
                "Check that the files are complete Parquet files",
                e);
    }

    @Override
    public void close() {
        for (Statement st : statements) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // closing a finished scan; nothing to recover
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session below is closed anyway
        }
        session.close();
    }
}
