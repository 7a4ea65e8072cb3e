package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server can do, probed once per connection from {@code pg_available_extensions}: pgvector (vector
 * search), pg_search (BM25 indexes), vectorscale (DiskANN), citus (distributed tables), pg_trgm (keyword
 * indexes) and pg_deeplake (whose dialect then passes through unchanged). Maps extension name to its version
 * (installed when installed, else available), absent when the server does not offer it.
 */
public record Capabilities(Map<String, String> extensions, String serverVersion) {

    public static final String VECTOR = "vector";
    public static final String PG_SEARCH = "pg_search";
    public static final String VECTORSCALE = "vectorscale";
    public static final String CITUS = "citus";
    public static final String PG_TRGM = "pg_trgm";
    public static final String PG_DEEPLAKE = "pg_deeplake";

    /** The extensions Lakebench looks for, in the order they are reported, with what each is for. */
    public static final Map<String, String> PURPOSE = purpose();

    public Capabilities {
        extensions = Map.copyOf(extensions);
    }

    private static Map<String, String> purpose() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(VECTOR, "pgvector: vector search (cosine, HNSW indexes)");
        m.put(PG_SEARCH, "pg_search: BM25 indexes and scores");
        m.put(VECTORSCALE, "pgvectorscale: DiskANN indexes for large vector sets");
        m.put(CITUS, "Citus: tables distributed over worker nodes");
        m.put(PG_TRGM, "pg_trgm: indexes for keyword containment (@>)");
        m.put(PG_DEEPLAKE, "pg_deeplake: the Deeplake dialect natively (SQL passes through)");
        return Collections.unmodifiableMap(m);
    }

    static Capabilities probe(Connection c) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT name, coalesce(installed_version, default_version)"
                                + " FROM pg_available_extensions WHERE name IN ('vector', 'pg_search', 'vectorscale', 'citus', 'pg_trgm', 'pg_deeplake')")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        String version;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            version = rs.next() ? rs.getString(1) : "?";
        }
        return new Capabilities(found, version);
    }

    public boolean has(String extension) {
        return extensions.containsKey(extension);
    }

    /** Fails with a QueryError naming the missing extension and what needs it. */
    void require(String extension, String forWhat) {
        if (!has(extension)) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    forWhat + " needs the PostgreSQL extension \"" + extension + "\" (" + PURPOSE.get(extension)
                            + "), and this server does not offer it",
                    "Install it on the server (then CREATE EXTENSION " + extension
                            + "), or run the query on the local engine");
        }
    }

    /** One line per extension looked for: found with its version, or missing. */
    public String describe() {
        StringBuilder sb =
                new StringBuilder("PostgreSQL ").append(serverVersion).append('\n');
        PURPOSE.forEach((name, purpose) -> sb.append(
                String.format("  %-12s %-10s %s%n", name, has(name) ? extensions.get(name) : "missing", purpose)));
        return sb.toString();
    }
}
