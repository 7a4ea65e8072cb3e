package dev.lakebench.app.ui.common;

import dev.lakebench.app.cli.Version;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure as the user sees it: what was being done, a stable code, the problem (naming the thing that failed)
 * and the fix, plus a copyable detail text for a bug report. Built from Lakebench's own errors where possible;
 * anything else is summarised by its message, never shown as a stack trace.
 */
public record ErrorReport(String action, ErrorCode code, String problem, String hint, String detail) {

    public static ErrorReport of(String action, Throwable failure) {
        Throwable e = unwrap(failure);
        ManagedServiceError lakebench = find(e);
        ErrorCode code;
        String problem;
        String hint;
        if (lakebench != null) {
            code = lakebench.code();
            problem = lakebench.problem();
            hint = lakebench.hint();
        } else {
            code = ErrorCode.INTERNAL;
            problem = describe(action, e);
            hint = hintFor(e);
        }
        return new ErrorReport(action, code, problem, hint, detail(action, code, problem, hint, e));
    }

    /** A report for a problem found by the workbench itself (validation), with no exception behind it. */
    public static ErrorReport of(String action, ErrorCode code, String problem, String hint) {
        return new ErrorReport(action, code, problem, hint, detail(action, code, problem, hint, null));
    }

    /** The problem and the hint as one sentence pair. */
    public String message() {
        if (hint == null || hint.isBlank()) {
            return problem;
        }
        return problem.endsWith(".") ? problem + " " + hint : problem + ". " + hint;
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException
                        || t instanceof ExecutionException
                        || t instanceof InvocationTargetException
                        || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ManagedServiceError find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ManagedServiceError m) {
                return m;
            }
        }
        return null;
    }

    private static String describe(String action, Throwable e) {
        String what = lower(action);
        if (e instanceof NoSuchFileException f) {
            return "Could not " + what + ": " + f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return "Could not " + what + ": access to " + f.getFile() + " was denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "Lakebench ran out of memory while trying to " + what;
        }
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return "Could not " + what + ": " + msg;
    }

    private static String hintFor(Throwable e) {
        if (e instanceof IOException) {
            return "Check that the file or folder exists, is readable, and that the disk is not full";
        }
        if (e instanceof IllegalArgumentException) {
            return "Check the values you entered";
        }
        if (e instanceof OutOfMemoryError) {
            return "Narrow the query with WHERE or LIMIT, or export the rows to a file instead";
        }
        return "Nothing already stored was changed; copy the details below if you report this";
    }

    private static String lower(String action) {
        return action.isEmpty() ? action : action.substring(0, 1).toLowerCase(Locale.ROOT) + action.substring(1);
    }

    private static String detail(String action, ErrorCode code, String problem, String hint, Throwable e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Action: ").append(action).append('\n');
        sb.append("Code: ").append(code).append('\n');
        sb.append("Problem: ").append(problem).append('\n');
        if (hint != null && !hint.isBlank()) {
            sb.append("Hint: ").append(hint).append('\n');
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            sb.append(depth == 0 ? "Error: " : "Caused by: ")
                    .append(t.getClass().getName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            sb.append('\n');
        }
        sb.append("Lakebench ")
                .append(Version.current())
                .append(" · Java ")
                .append(Runtime.version())
                .append(" · ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"));
        return sb.toString();
    }
}
