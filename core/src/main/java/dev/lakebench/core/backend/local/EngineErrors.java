package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.store.Workspace;
import dev.lakebench.natives.engine.EngineException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns engine failures into Lakebench errors that name the thing and the fix. */
final class EngineErrors {

    private static final Pattern MISSING_TABLE = Pattern.compile("Table with name (\\S+) does not exist");

    private EngineErrors() {
    }

    static ManagedServiceError translate(EngineException e, Workspace ws, boolean timedOut, Duration timeout) {
        String msg = e.engineMessage();
        if (e.kind() != EngineException.Kind.IO && dev.lakebench.core.store.DiskFull.saysFull(msg)) {
            // a commit's WAL or checkpoint write: reported as a transaction failure, caused by the disk
            var full = dev.lakebench.core.store.DiskFull.at(e, ws == null ? null : ws.dir());
            return new WorkspaceError(ErrorCode.WORKSPACE_DISK_FULL, "No space left on device at " + full.orElse(null)
                    + "; the statement was not committed", "Free space on that disk and run it again (reading still works)", e);
        }
        return switch (e.kind()) {
            case INTERRUPTED, TIMEOUT -> timedOut
                    ? new QueryError(ErrorCode.QUERY_TIMEOUT, "Query timed out after " + describe(timeout),
                            "Increase the timeout, e.g. client.query(sql, Duration.ofMinutes(5)) or --timeout in the CLI", e)
                    : new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "", e);
            case SYNTAX -> new QueryError(ErrorCode.QUERY_SYNTAX, "SQL syntax error: " + msg,
                    "Check the statement near the position the message names", e);
            case CATALOG -> {
                Matcher m = MISSING_TABLE.matcher(msg);
                if (m.find() && ws != null) {
                    TableError nf = ws.tableNotFound(m.group(1).replace("\"", ""));
                    yield new TableError(nf.code(), nf.problem(), nf.hint(), e);
                }
                yield new QueryError(ErrorCode.QUERY_INVALID, msg, "Check the names used in the statement", e);
            }
            case BINDER -> new QueryError(msg.contains("not found") ? ErrorCode.COLUMN_NOT_FOUND : ErrorCode.QUERY_INVALID, msg,
                    "Check column names and argument types", e);
            case CONVERSION -> new QueryError(ErrorCode.QUERY_INVALID, msg, "Check the values and parameter types", e);
            case CONSTRAINT -> new QueryError(ErrorCode.QUERY_INVALID, msg, "The statement would break a table constraint", e);
            case IO -> {
                var full = dev.lakebench.core.store.DiskFull.at(e, ws == null ? null : ws.dir());
                yield full.isPresent()
                        ? new WorkspaceError(ErrorCode.WORKSPACE_DISK_FULL, "No space left on device at " + full.get()
                                + "; the statement was not committed", "Free space on that disk and run it again (reading still works)", e)
                        : new WorkspaceError(ErrorCode.WORKSPACE_IO, "Storage error: " + msg,
                                "Check free disk space and permissions of the workspace folder", e);
            }
            case OUT_OF_MEMORY -> new QueryError(ErrorCode.QUERY_INVALID, "The engine ran out of memory: " + msg,
                    "Narrow the query (LIMIT, fewer columns) or stream it with client.stream(...)", e);
            case LOCKED -> new WorkspaceError(ErrorCode.WORKSPACE_LOCKED, msg, "Close the other Lakebench process", e);
            case PERMISSION -> refused(msg, e);
            case OTHER -> new QueryError(ErrorCode.QUERY_INVALID, msg, "", e);
        };
    }

    /** What the engine's sandbox refused, and the one way to open it up where there is one. */
    private static QueryError refused(String msg, EngineException e) {
        if (msg.contains("configuration has been locked")) {
            return new QueryError(ErrorCode.QUERY_INVALID, "Engine settings cannot be changed from SQL: " + msg,
                    "Lakebench fixes the engine's settings (SET, RESET and setting PRAGMAs are refused)", e);
        }
        if (msg.contains("extension")) {
            return new QueryError(ErrorCode.QUERY_INVALID, "Extensions cannot be installed or loaded: " + msg,
                    "SQL has the engine's built-in functions (Parquet, JSON, CSV); nothing is downloaded", e);
        }
        return new QueryError(ErrorCode.QUERY_INVALID, "SQL cannot reach files or network locations outside the workspace: " + msg,
                "Start Lakebench with --allow-files DIR to let SQL read and write files under DIR", e);
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
