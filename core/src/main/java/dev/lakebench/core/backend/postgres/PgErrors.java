package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.WorkspaceError;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the server's SQLSTATE codes into Lakebench's errors, with the server's own message as the problem. */
final class PgErrors {

    private static final Pattern RELATION = Pattern.compile("relation \"([^\"]+)\" does not exist");

    private PgErrors() {}

    /**
     * {@code timeout} is the statement's deadline (a cancel from it is a timeout, not a user cancel). The server's
     * SQLSTATE is kept in the error's details ({@code sqlstate}), as the local engine reports the codes it raises.
     */
    static ManagedServiceError from(SQLException e, String where, Duration timeout, boolean cancelledByUser) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ManagedServiceError error = translate(e, state, where, timeout, cancelledByUser);
        return state.isEmpty() ? error : error.detail("sqlstate", state);
    }

    private static ManagedServiceError translate(
            SQLException e, String state, String where, Duration timeout, boolean cancelledByUser) {
        String msg = firstLine(e.getMessage());
        if (state.equals("57014")) {
            if (cancelledByUser || !msg.contains("statement timeout")) {
                return new QueryError(
                        ErrorCode.QUERY_CANCELLED,
                        "Query cancelled" + suffix(where),
                        "Nothing was changed by the cancelled statement",
                        e);
            }
            return new QueryError(
                    ErrorCode.QUERY_TIMEOUT,
                    "Query timed out after " + seconds(timeout) + suffix(where),
                    "Pass a longer timeout, add a LIMIT or an index",
                    e);
        }
        if (state.equals("42P01")) {
            Matcher m = RELATION.matcher(msg);
            String table = m.find() ? m.group(1) : "?";
            return new TableError(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table \"" + table + "\" does not exist" + suffix(where),
                    "List the tables with listTables(), or ingest data to create it",
                    e);
        }
        if (state.equals("42703")) {
            return new QueryError(ErrorCode.COLUMN_NOT_FOUND, msg, "Check the column names with describeTable()", e);
        }
        if (state.equals("42601")) {
            return new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "Syntax error: " + msg,
                    "Check the SQL near the position the server names",
                    e);
        }
        if (state.equals("42P07")) {
            return new TableError(
                    ErrorCode.TABLE_EXISTS, "Table already exists: " + msg, "Drop it first, or append to it", e);
        }
        if (state.equals("3F000")) {
            return new WorkspaceError(
                    ErrorCode.WORKSPACE_NOT_FOUND, msg, "Create the workspace first with createWorkspace()", e);
        }
        if (state.startsWith("28")) {
            return new AuthError(
                    ErrorCode.AUTH_REJECTED,
                    "The PostgreSQL server refused the login: " + msg,
                    "Check the user in the URL and the password (OS credential store or PGPASSWORD)",
                    e);
        }
        if (state.startsWith("08") || state.equals("53300") || state.startsWith("57P")) {
            return new WorkspaceError(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The PostgreSQL server is not reachable" + suffix(where) + ": " + msg,
                    "Check that it runs and that the URL's host and port are right; then retry",
                    e);
        }
        if (state.startsWith("22") || state.startsWith("42") || state.startsWith("23")) {
            return new QueryError(ErrorCode.QUERY_INVALID, msg, "Fix the statement and run it again", e);
        }
        return new ManagedServiceError(
                ErrorCode.SERVICE_ERROR,
                "PostgreSQL failed" + suffix(where) + ": " + msg + (state.isEmpty() ? "" : " [" + state + "]"),
                "Retry; if it persists, check the server log",
                e);
    }

    private static String suffix(String where) {
        return where == null ? "" : " (" + where + ")";
    }

    private static String seconds(Duration d) {
        return d == null ? "its deadline" : (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceFirst("^ERROR: ", "");
    }
}
