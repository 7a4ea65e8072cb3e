package dev.lakebench.core.client;

import java.util.List;

/**
 * Statements run one after another on one connection, as in a psql session: {@code BEGIN} in one call and
 * {@code COMMIT} or {@code ROLLBACK} in a later one make one transaction, and session settings ({@code SET
 * search_path}) last until it closes. A request on the client itself is a session of its own that ends with the
 * request. Closing the session rolls back a transaction it left open. Where the backend keeps no connection
 * between requests (the managed service: one request is one transaction), each call is its own session, as on the
 * client. Calls on one session run one at a time.
 */
public interface SqlSession extends AutoCloseable {

    /** Runs a request on the session's connection and returns columns, rows and timing. */
    QueryResult execute(QueryRequest request);

    /**
     * Runs a SELECT and reads it row by row; close the cursor before the next call. Inside a transaction or after a
     * statement that changed the session's settings, the rows are read whole first.
     */
    RowCursor stream(QueryRequest request);

    /** Runs SQL with {@code $1..$n} parameters (default timeout 60 s) and returns every row. */
    default List<Row> query(String sql, Object... params) {
        return execute(QueryRequest.of(sql, params)).rows();
    }

    /** True between a {@code BEGIN} and its {@code COMMIT} or {@code ROLLBACK}. */
    boolean inTransaction();

    /** Ends the session, rolling back a transaction it left open. */
    @Override
    void close();
}
