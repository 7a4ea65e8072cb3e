package dev.lakebench.core.client;

/**
 * Stable identifiers for every error Lakebench reports. Messages may be reworded; codes do not change, so
 * scripts, tests and the workbench's error surface can rely on them.
 */
public enum ErrorCode {
    AUTH_TOKEN_REQUIRED,
    AUTH_NO_ORG_ID,
    AUTH_REJECTED,
    TOKEN_MALFORMED,
    CREDENTIALS_FAILED,
    INGEST_NO_DATA,
    INGEST_BAD_DATA,
    INGEST_LENGTH_MISMATCH,
    INGEST_FILE_NOT_FOUND,
    INGEST_FILE_FAILED,
    INGEST_CANCELLED,
    TABLE_NOT_FOUND,
    TABLE_EXISTS,
    TABLE_BAD_NAME,
    TABLE_SCHEMA_MISMATCH,
    TABLE_INDEX_FAILED,
    COLUMN_NOT_FOUND,
    QUERY_SYNTAX,
    QUERY_INVALID,
    QUERY_TIMEOUT,
    QUERY_CANCELLED,
    QUERY_PARAMETER,
    WORKSPACE_ID_REQUIRED,
    WORKSPACE_NOT_FOUND,
    WORKSPACE_EXISTS,
    WORKSPACE_LOCKED,
    /** The client (and with it the workspace) was closed; a new client opens the workspace again. */
    WORKSPACE_CLOSED,
    WORKSPACE_IO,
    WORKSPACE_DISK_FULL,
    /** An ingest stopped on a full disk; the rows it committed stay and a rerun continues. */
    INGEST_DISK_FULL,
    /**
     * An ingest batch was sent to the managed service but no answer said whether it was stored (the wait for it
     * ran out, the gateway gave up, or the connection broke after it was sent): it may or may not have been
     * stored, and the server may still be storing it.
     */
    INGEST_BATCH_UNCONFIRMED,
    MODEL_NOT_FOUND,
    MODEL_INVALID,
    MODEL_DIMENSION_MISMATCH,
    EMBEDDER_FAILED,
    SERVICE_UNAVAILABLE,
    SERVICE_ERROR,
    /** The managed service refused the request because the organisation's balance is used up (402). */
    SERVICE_BALANCE_EXHAUSTED,
    INTERNAL;

    /** The family of this code, which decides the error class that reports it. */
    public ErrorFamily family() {
        String n = name();
        if (n.startsWith("AUTH_")) {
            return ErrorFamily.AUTH;
        }
        if (n.startsWith("TOKEN_")) {
            return ErrorFamily.TOKEN;
        }
        if (n.startsWith("CREDENTIALS_")) {
            return ErrorFamily.CREDENTIALS;
        }
        if (n.startsWith("INGEST_")) {
            return ErrorFamily.INGEST;
        }
        if (n.startsWith("TABLE_") || n.startsWith("COLUMN_")) {
            return ErrorFamily.TABLE;
        }
        if (n.startsWith("QUERY_")) {
            return ErrorFamily.QUERY;
        }
        if (n.startsWith("WORKSPACE_")) {
            return ErrorFamily.WORKSPACE;
        }
        return ErrorFamily.SERVICE;
    }
}
