package dev.lakebench.core.backend.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the tests run against: {@code LAKEBENCH_TEST_POSTGRES_URL} (a JDBC URL of a database the
 * user may create databases from; {@code .ci/postgres.sh start} prints one). Without it the tests are skipped,
 * saying why. Every test gets a database of its own, dropped afterwards.
 */
final class PgTestServer {

    static final String ENV = "LAKEBENCH_TEST_POSTGRES_URL";

    private PgTestServer() {}

    /** The server's URL, or the calling test is skipped with the reason. */
    static String requireUrl() {
        String url = System.getenv(ENV);
        assumeTrue(
                url != null && !url.isBlank(),
                "No PostgreSQL server to test against: " + ENV
                        + " is not set (.ci/postgres.sh start prints one; .ci/run sets it)");
        return url;
    }

    /** Creates an empty database and returns its JDBC URL. */
    static String freshDatabase() throws SQLException {
        String url = requireUrl();
        String name = "lbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    static void drop(String dbUrl) {
        if (dbUrl == null) {
            return;
        }
        String name = dbUrl.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
        try (Connection c = DriverManager.getConnection(requireUrl());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a leftover test database is harmless on a throw-away cluster
        }
    }
}
