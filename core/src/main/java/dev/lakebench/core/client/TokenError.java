package dev.lakebench.core.client;

/** The token could not be parsed (not a JWT, bad base64, bad JSON payload). */
public class TokenError extends AuthError {

    public TokenError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public TokenError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
