package dev.lakebench.core.index.engine;

/**
 * A failure inside an engine function that the user must see as it is (a vector of the wrong size, ...). The
 * engine wraps it into its own error text; {@link #extract} finds it again.
 */
public final class EngineFunctionError extends RuntimeException {

    static final String MARK = "LAKEBENCH[";

    private final String problem;
    private final String hint;

    public EngineFunctionError(String problem, String hint) {
        super(MARK + problem + "|" + hint + "]");
        this.problem = problem;
        this.hint = hint;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }

    /** The problem and hint carried inside an engine error message, or null. */
    public static String[] extract(String engineMessage) {
        if (engineMessage == null) {
            return null;
        }
        int at = engineMessage.indexOf(MARK);
        if (at < 0) {
            return null;
        }
        int bar = engineMessage.indexOf('|', at);
        int end = engineMessage.indexOf(']', bar + 1);
        if (bar < 0 || end < 0) {
            return null;
        }
        // the hint may contain ']' characters; the mark ends at the last ']' of the line
        int lineEnd = engineMessage.indexOf('\n', bar);
        int close = engineMessage.lastIndexOf(']', lineEnd < 0 ? engineMessage.length() : lineEnd);
        return new String[] {
            engineMessage.substring(at + MARK.length(), bar), engineMessage.substring(bar + 1, Math.max(bar + 1, close))
        };
    }
}
