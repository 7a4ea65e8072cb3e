package dev.lakebench.core.embed;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;

/** A model could not be found, loaded or run, or does not fit the column it is meant for. */
public class ModelError extends ManagedServiceError {

    public ModelError(ErrorCode code, String problem, String hint) {
        super(code, problem, hint);
    }

    public ModelError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(code, problem, hint, cause);
    }
}
