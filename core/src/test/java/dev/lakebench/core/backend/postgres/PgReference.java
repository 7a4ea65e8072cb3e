package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.schema.ColumnType;
import java.sql.SQLException;

/**
 * The PostgreSQL test server and the backend's type mapping for tests outside this package (the differential
 * SQL test compares the local engine with a real PostgreSQL through the same fixtures and the same column types
 * the SDK reports for PostgreSQL).
 */
public final class PgReference {

    private PgReference() {}

    /** The server's JDBC URL, or the calling test is skipped with the reason. */
    public static String requireUrl() {
        return PgTestServer.requireUrl();
    }

    /** A new empty database on the server, as a JDBC URL. */
    public static String freshDatabase() throws SQLException {
        return PgTestServer.freshDatabase();
    }

    public static void drop(String dbUrl) {
        PgTestServer.drop(dbUrl);
    }

    /** The Lakebench type the SDK reports for a result column of this PostgreSQL type name. */
    public static ColumnType resultType(String pgTypeName) {
        return PgColumnTypes.resultType(pgTypeName);
    }
}
