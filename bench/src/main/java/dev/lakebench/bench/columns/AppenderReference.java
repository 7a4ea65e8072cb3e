package dev.lakebench.bench.columns;

import dev.lakebench.bench.support.Measurement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The reference of the column-ingest benchmark: DuckDB's JDBC appender writing the same rows into
 * {@code (embedding FLOAT[384], text VARCHAR, id BIGINT)} in a file database, in one auto-committed append
 * (closing the appender flushes and commits).
 */
final class AppenderReference {

    /** Result of one run: the append up to the commit, then closing the database (checkpoint). */
    record Run(Measurement append, Measurement close, long rowsStored) {}

    private AppenderReference() {}

    static Run run(Path dir, IngestRows rows) throws Exception {
        Path db = dir.resolve("reference.duckdb");
        Connection conn = DriverManager.getConnection("jdbc:duckdb:" + db);
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE items (embedding FLOAT[" + rows.dim + "], text VARCHAR, id BIGINT)");
            }
            DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
            Measurement append = Measurement.of(() -> {
                try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "items")) {
                    for (int i = 0; i < rows.size(); i++) {
                        a.beginRow()
                                .append(rows.embeddings.get(i))
                                .append(rows.texts.get(i))
                                .append(rows.ids.get(i).longValue())
                                .endRow();
                    }
                }
            });
            long stored;
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                stored = rs.getLong(1);
            }
            Connection c = conn;
            conn = null;
            Measurement close = Measurement.of(c::close);
            return new Run(append, close, stored);
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
    }

    /** The engine's version string, for the report. */
    static String engineVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }
}
