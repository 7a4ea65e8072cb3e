package dev.lakebench.core.client;

/** A workspace is missing, inaccessible or in use by another process. */
public class WorkspaceError extends ManagedServiceError {

    public WorkspaceError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public WorkspaceError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
