package dev.lakebench.core.client;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Base of every error Lakebench raises. Each carries a stable {@link ErrorCode}, a message that names what
 * failed, and a hint that says what to do about it. {@link #getMessage()} joins the two.
 */
public class ManagedServiceError extends RuntimeException {

    private final ErrorCode code;
    private final String problem;
    private final String hint;
    private final Map<String, String> details = new ConcurrentSkipListMap<>();

    public ManagedServiceError(ErrorCode code, String problem, String hint) {
        this(code, problem, hint, null);
    }

    public ManagedServiceError(ErrorCode code, String problem, String hint, Throwable cause) {
        super(join(problem, hint), cause);
        this.code = Objects.requireNonNull(code);
        if (!code.family().fits(getClass())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot report " + code + " (a "
                    + code.family().errorClass().getSimpleName()
                    + " code); use ErrorFamily.create for the matching class");
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

    /**
     * Facts for support and scripts that are not part of the message's wording, e.g. the managed service's
     * {@code request_id} and {@code http_status}. Empty when there are none.
     */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    /** Adds a detail (see {@link #details()}); returns this error. */
    public ManagedServiceError detail(String key, String value) {
        if (key != null && value != null) {
            details.put(key, value);
        }
        return this;
    }
}
