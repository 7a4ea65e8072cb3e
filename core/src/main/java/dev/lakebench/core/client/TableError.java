package dev.lakebench.core.client;

/** A table operation failed (missing or existing table, incompatible schema, index, query). */
public class TableError extends ManagedServiceError {

    public TableError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public TableError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
