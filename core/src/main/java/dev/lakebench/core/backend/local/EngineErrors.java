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
    private static final Pattern MISSING_FUNCTION =
            Pattern.compile("(Scalar|Table|Aggregate) Function with name \"?([^\\s\"!]+)\"? does not exist");
    private static final Pattern MISSING_SCHEMA = Pattern.compile("Schema with name \"?([^\\s\"!]+)\"? does not exist");
    private static final Pattern MISSING_TYPE = Pattern.compile("Type with name \"?([^\\s\"!]+)\"? does not exist");
    private static final Pattern NOT_NULL =
            Pattern.compile("NOT NULL constraint failed: \"?([^.\"]+)\"?\\.\"?([^\"]+)\"?");
    private static final Pattern DUPLICATE =
            Pattern.compile("Duplicate key \"([^:]+): (.*)\" violates (primary key|unique) constraint");
    /** What {@code CharacterWrites}' check raises, in PostgreSQL's words. */
    private static final Pattern TOO_LONG =
            Pattern.compile("value too long for type (character varying|character)\\(\\d+\\)");

    private static final Pattern CHECK =
            Pattern.compile("CHECK constraint failed on table \"?([^\"\\s]+)\"? with expression (.*)");

    /** What to write instead of PostgreSQL functions the engine does not have. */
    private static final java.util.Map<String, String> FUNCTION_INSTEAD = java.util.Map.ofEntries(
            java.util.Map.entry("json_build_object", "json_object('a', 1)"),
            java.util.Map.entry("jsonb_build_object", "json_object('a', 1)"),
            java.util.Map.entry("jsonb_array_elements", "unnest(CAST(doc -> 'list' AS JSON[]))"),
            java.util.Map.entry("json_array_elements", "unnest(CAST(doc -> 'list' AS JSON[]))"),
            java.util.Map.entry("convert_from", "decode(bytes) (UTF-8 bytes to text)"),
            java.util.Map.entry("pg_size_pretty", "format_bytes(n)"),
            java.util.Map.entry("pg_total_relation_size", "describeTable(t) for the row count"),
            java.util.Map.entry("pg_relation_size", "describeTable(t) for the row count"),
            java.util.Map.entry("bm25_similarity", "the <#> operator"));

    /** The {@link ManagedServiceError#details()} key of PostgreSQL's error code, where the error has one. */
    static final String SQLSTATE = "sqlstate";

    private EngineErrors() {}

    static ManagedServiceError translate(EngineException e, Workspace ws, boolean timedOut, Duration timeout) {
        String msg = e.engineMessage();
        if (e.kind() != EngineException.Kind.IO && dev.lakebench.core.store.DiskFull.saysFull(msg)) {
            // a commit's WAL or checkpoint write: reported as a transaction failure, caused by the disk
            var full = dev.lakebench.core.store.DiskFull.at(e, ws == null ? null : ws.dir());
            return new WorkspaceError(
                    ErrorCode.WORKSPACE_DISK_FULL,
                    "No space left on device at " + full.orElse(null) + "; the statement was not committed",
                    "Free space on that disk and run it again (reading still works)",
                    e);
        }
        return switch (e.kind()) {
            case INTERRUPTED, TIMEOUT ->
                timedOut
                        ? new QueryError(
                                ErrorCode.QUERY_TIMEOUT,
                                "Query timed out after " + describe(timeout),
                                "Increase the timeout, e.g. client.query(sql, Duration.ofMinutes(5)) or --timeout in the CLI",
                                e)
                        : new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "", e);
            case SYNTAX ->
                new QueryError(
                        ErrorCode.QUERY_SYNTAX,
                        "SQL syntax error: " + msg,
                        "Check the statement near the position the message names",
                        e);
            case CATALOG -> {
                Matcher m = MISSING_TABLE.matcher(msg);
                if (m.find() && ws != null) {
                    TableError nf = ws.tableNotFound(m.group(1).replace("\"", ""));
                    yield new TableError(nf.code(), nf.problem(), nf.hint(), e);
                }
                Matcher f = MISSING_FUNCTION.matcher(msg);
                if (f.find()) {
                    String name = f.group(2);
                    yield new QueryError(
                            ErrorCode.QUERY_INVALID,
                            name + "() is not supported by the local engine",
                            FUNCTION_INSTEAD.containsKey(name.toLowerCase(java.util.Locale.ROOT))
                                    ? "Write " + FUNCTION_INSTEAD.get(name.toLowerCase(java.util.Locale.ROOT))
                                            + " instead"
                                    : "Use a function the engine has (SELECT function_name FROM duckdb_functions() lists them)",
                            e);
                }
                Matcher sc = MISSING_SCHEMA.matcher(msg);
                if (sc.find()) {
                    yield new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "schema \"" + sc.group(1) + "\" does not exist",
                            "Create it first (CREATE SCHEMA " + sc.group(1)
                                    + ") or leave the schema out: Lakebench tables live in public",
                            e);
                }
                Matcher ty = MISSING_TYPE.matcher(msg);
                if (ty.find()) {
                    yield new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Type " + ty.group(1) + " is not supported by the local engine",
                            "Use TEXT, INTEGER, BIGINT, DOUBLE, NUMERIC(p, s), BOOLEAN, BYTEA, DATE, TIMESTAMP, JSON, UUID,"
                                    + " FLOAT4[] or a Lakebench type (IMAGE, EMBEDDING, ...)",
                            e);
                }
                yield new QueryError(ErrorCode.QUERY_INVALID, msg, "Check the names used in the statement", e);
            }
            case BINDER ->
                new QueryError(
                        msg.contains("not found") ? ErrorCode.COLUMN_NOT_FOUND : ErrorCode.QUERY_INVALID,
                        msg,
                        "Check column names and argument types",
                        e);
            case CONVERSION -> {
                Matcher tooLong = TOO_LONG.matcher(msg);
                if (tooLong.find()) {
                    // PostgreSQL's string_data_right_truncation
                    yield (QueryError) new QueryError(
                                    ErrorCode.QUERY_INVALID,
                                    tooLong.group(),
                                    "Shorten the value, or widen the column (text has no limit)",
                                    e)
                            .detail(SQLSTATE, "22001");
                }
                yield new QueryError(ErrorCode.QUERY_INVALID, msg, "Check the values and parameter types", e);
            }
            case CONSTRAINT ->
                new QueryError(
                        ErrorCode.QUERY_INVALID,
                        postgresWording(msg),
                        "The statement would break a table constraint",
                        e);
            case IO -> {
                var full = dev.lakebench.core.store.DiskFull.at(e, ws == null ? null : ws.dir());
                yield full.isPresent()
                        ? new WorkspaceError(
                                ErrorCode.WORKSPACE_DISK_FULL,
                                "No space left on device at " + full.get() + "; the statement was not committed",
                                "Free space on that disk and run it again (reading still works)",
                                e)
                        : new WorkspaceError(
                                ErrorCode.WORKSPACE_IO,
                                "Storage error: " + msg,
                                "Check free disk space and permissions of the workspace folder",
                                e);
            }
            case OUT_OF_MEMORY ->
                new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "The engine ran out of memory: " + msg,
                        "Narrow the query (LIMIT, fewer columns) or stream it with client.stream(...)",
                        e);
            case LOCKED -> new WorkspaceError(ErrorCode.WORKSPACE_LOCKED, msg, "Close the other Lakebench process", e);
            case PERMISSION -> refused(msg, e);
            case OTHER -> new QueryError(ErrorCode.QUERY_INVALID, msg, "", e);
        };
    }

    /** What the engine's sandbox refused, and the one way to open it up where there is one. */
    private static QueryError refused(String msg, EngineException e) {
        if (msg.contains("configuration has been locked")) {
            return new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Engine settings cannot be changed from SQL: " + msg,
                    "Lakebench fixes the engine's settings (SET, RESET and setting PRAGMAs are refused)",
                    e);
        }
        if (msg.contains("extension")) {
            return new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Extensions cannot be installed or loaded: " + msg,
                    "SQL has the engine's built-in functions (Parquet, JSON, CSV); nothing is downloaded",
                    e);
        }
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "SQL cannot reach files or network locations outside the workspace: " + msg,
                "Start Lakebench with --allow-files DIR to let SQL read and write files under DIR",
                e);
    }

    /** Constraint violations in PostgreSQL's words (the engine's own text when it is some other constraint). */
    static String postgresWording(String msg) {
        Matcher m = NOT_NULL.matcher(msg);
        if (m.find()) {
            return "null value in column \"" + m.group(2) + "\" of relation \"" + m.group(1)
                    + "\" violates not-null constraint";
        }
        m = DUPLICATE.matcher(msg);
        if (m.find()) {
            return "duplicate key value violates " + m.group(3) + " constraint: Key (" + m.group(1) + ")=(" + m.group(2)
                    + ") already exists";
        }
        m = CHECK.matcher(msg);
        if (m.find()) {
            return "new row for relation \"" + m.group(1) + "\" violates check constraint " + m.group(2);
        }
        return msg;
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
