package dev.lakebench.core.client;

/** Storage or database credentials could not be obtained. */
public class CredentialsError extends ManagedServiceError {

    public CredentialsError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public CredentialsError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
