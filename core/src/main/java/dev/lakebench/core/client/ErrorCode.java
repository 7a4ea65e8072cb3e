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
    WORKSPACE_IO,
    MODEL_NOT_FOUND,
    MODEL_INVALID,
    MODEL_DIMENSION_MISMATCH,
    EMBEDDER_FAILED,
    SERVICE_UNAVAILABLE,
    SERVICE_ERROR,
    INTERNAL
}
