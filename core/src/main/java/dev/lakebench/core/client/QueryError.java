package dev.lakebench.core.client;

/**
 * A SQL statement failed: syntax, unknown names, bad parameters, timeout or cancellation. A {@link TableError}
 * so that code written against the seed's hierarchy ("TableError: Query timed out") keeps working.
 */
public class QueryError extends TableError {

    public QueryError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public QueryError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
