package dev.lakebench.core.client;

import java.util.Objects;

/**
 * Base of every error Lakebench raises. Each carries a stable {@link ErrorCode}, a message that names what
 * failed, and a hint that says what to do about it. {@link #getMessage()} joins the two.
 */
public class ManagedServiceError extends RuntimeException {

    private final ErrorCode code;
    private final String problem;
    private final String hint;

    public ManagedServiceError(ErrorCode code, String problem, String hint) {
        this(code, problem, hint, null);
    }

    public ManagedServiceError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(join(problem, hint), cause);
        this.code = Objects.requireNonNull(code);
        if (!code.family().fits(getClass())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot report " + code + " (a "
                    + code.family().errorClass().getSimpleName() + " code); use ErrorFamily.create for the matching class");
        }
        this.problem = Objects.requireNonNull(problem);
        this.hint = hint == null ? "" : hint;
    }

    private static String join(String problem, String hint) {
        if (hint == null || hint.isBlank()) {
            return problem;
        }
        return problem.endsWith(".") ? problem + " " + hint : problem + ". " + hint;
    }

    public ErrorCode code() {
        return code;
    }

    /** What failed, without the hint. */
    public String problem() {
        return problem;
    }

    /** What to do about it; empty when there is nothing useful to say. */
    public String hint() {
        return hint;
    }
}
