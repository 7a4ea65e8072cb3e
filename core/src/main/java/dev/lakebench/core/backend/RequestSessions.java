package dev.lakebench.core.backend;

import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.SqlSession;

/** The session of a backend that keeps no connection between requests: each call is its own session. */
final class RequestSessions implements SqlSession {

    private final Backend backend;

    RequestSessions(Backend backend) {
        this.backend = backend;
    }

    @Override
    public QueryResult execute(QueryRequest request) {
        return backend.execute(request);
    }

    @Override
    public RowCursor stream(QueryRequest request) {
        return backend.stream(request);
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public void close() {}
}
