package dev.lakebench.core.client;

/** Data could not be ingested (bad input, missing file, mismatched columns). */
public class IngestError extends ManagedServiceError {

    public IngestError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public IngestError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
