package dev.lakebench.core.client;

/** The token is missing, malformed, expired or refused. */
public class AuthError extends ManagedServiceError {

    public AuthError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public AuthError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
