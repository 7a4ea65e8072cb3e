package dev.lakebench.core.backend;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.SqlSession;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.TableSchema;
import java.util.List;

/**
 * What a client talks to: the embedded engine of a local workspace, or a managed service over REST. Both pass
 * the same conformance suite; every method reports failures as {@link dev.lakebench.core.client.ManagedServiceError}s.
 */
public interface Backend extends AutoCloseable {

    /** "local", "managed" or "postgres". */
    String kind();

    String workspaceId();

    /** Where the backend points (a folder, a URL), for display. */
    String location();

    QueryResult execute(QueryRequest request);

    RowCursor stream(QueryRequest request);

    /**
     * Statements on one connection, kept between requests with its transaction and settings. A backend that keeps
     * none runs each call as its own session.
     */
    default SqlSession session() {
        return new RequestSessions(this);
    }

    List<String> listTables();

    /** A table's schema, row count and indexes; TableError when it does not exist. */
    TableInfo describeTable(String table);

    void dropTable(String table, boolean ifExists);

    /**
     * Files of the table whose ingest was interrupted (rows committed, completion record missing). Backends that
     * keep no file ledger readable here report none.
     */
    default IncompleteFiles incompleteFiles(String table) {
        return IncompleteFiles.none(table);
    }

    /**
     * Drops {@code table} only if it holds no row; true when it was dropped. An ingest that created a table and
     * stored nothing calls this to leave no empty table behind; it must never drop rows another writer
     * committed, so backends that can decide atomically with their writers do so.
     */
    default boolean dropIfEmpty(String table) {
        TableInfo info;
        try {
            info = describeTable(table);
        } catch (dev.lakebench.core.client.TableError e) {
            return false;
        }
        if (info.rowCount() > 0) {
            return false;
        }
        dropTable(table, true);
        return true;
    }

    /**
     * Creates an index if it does not exist ({@code CREATE INDEX IF NOT EXISTS}); {@code indexType} null means the
     * default for the column type. Long builds report progress through {@code listener} and can be cancelled.
     */
    void createIndex(String table, String column, String indexType, IngestListener listener, Cancellation cancellation);

    List<WorkspaceInfo> listWorkspaces();

    WorkspaceInfo createWorkspace(String id, String name);

    /**
     * Opens a table for appending rows of {@code incoming} columns: creates the table when missing, else checks
     * that the columns are compatible (TableError naming the differences).
     */
    TableSink openSink(String table, TableSchema incoming);

    /**
     * Like {@link #openSink}, but an existing table first gets the incoming columns it lacks (added at the end,
     * NULL in the rows already there): files of a new kind appended to a table of other kinds. Columns both
     * have must still be compatible. A backend that cannot add columns checks as {@link #openSink} does.
     */
    default TableSink openSinkAddingColumns(String table, TableSchema incoming) {
        return openSink(table, incoming);
    }

    /** True when {@link #openSinkAddingColumns} really adds the columns an existing table lacks. */
    default boolean addsMissingColumns() {
        return false;
    }

    @Override
    void close();
}
