package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.WorkspaceError;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a PostgreSQL workspace lives: the JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}), the
 * workspace (a schema of that database) and the password. The password never sits in the URL a user types on
 * a command line: it comes from the caller (the OS credential store) or {@code PGPASSWORD}.
 */
public record PgSettings(String jdbcUrl, String workspaceId, String password, int poolSize) {

    public static final String DEFAULT_WORKSPACE = "default";
    public static final int DEFAULT_POOL_SIZE = 8;

    public PgSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new WorkspaceError(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Not a PostgreSQL JDBC URL: " + (jdbcUrl == null ? "null" : "\"" + redact(jdbcUrl) + "\""),
                    "Write it as jdbc:postgresql://host:5432/database?user=name");
        }
        workspaceId = workspaceId == null || workspaceId.isBlank() ? DEFAULT_WORKSPACE : workspaceId;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
        }
    }

    /** {@code password} null falls back to {@code PGPASSWORD} (none: the server's trust or .pgpass rules decide). */
    public static PgSettings of(String jdbcUrl, String workspaceId, String password, Function<String, String> env) {
        String pw = password != null ? password : env.apply("PGPASSWORD");
        return new PgSettings(jdbcUrl, workspaceId, pw, DEFAULT_POOL_SIZE);
    }

    Properties connectionProperties() {
        Properties p = new Properties();
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "lakebench");
        // server-side cursors need the fetch size honoured; binary transfer for arrays and bytea
        p.setProperty("defaultRowFetchSize", "0");
        return p;
    }

    /** The URL without a password parameter, for messages and display. */
    public String displayUrl() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PgSettings[" + displayUrl() + ", workspace=" + workspaceId + "]";
    }
}
