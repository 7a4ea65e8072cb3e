package dev.lakebench.app.cli;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points at a SQL syntax error in the statement the user typed, as psql does:
 * <pre>
 * LINE 2:   2 frm x where
 *                 ^
 * </pre>
 * The position comes from the message ("at character N") or from the engine's own context (its "LINE n:" line
 * and caret), matched back to the user's text because the engine may have seen a rewritten statement; failing
 * both, from the token the message names ("at or near "x"").
 */
public final class SyntaxCaret {

    private static final Pattern AT_CHARACTER = Pattern.compile("at character (\\d+)");
    private static final Pattern ENGINE_LINE = Pattern.compile("(LINE \\d+: )(.*)\\n( *)\\^");
    private static final Pattern NEAR = Pattern.compile("at or near \"([^\"]*)\"");

    private SyntaxCaret() {}

    /**
     * The 0-based offset in {@code sql} of the failure {@code error} reports (its message, or the engine's
     * "LINE n:" context in its causes); the workbench's editor underlines it.
     */
    public static OptionalInt offset(String sql, dev.lakebench.core.client.ManagedServiceError error) {
        String engine = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("LINE ")) {
                engine = t.getMessage();
                break;
            }
        }
        return offset(sql, error.problem(), engine);
    }

    /** The 0-based offset of the error in {@code sql}, if the messages tell it. */
    static OptionalInt offset(String sql, String message, String engineMessage) {
        Matcher m = AT_CHARACTER.matcher(message);
        if (m.find()) {
            int at = Integer.parseInt(m.group(1)) - 1;
            return at >= 0 && at <= sql.length() ? OptionalInt.of(at) : OptionalInt.empty();
        }
        if (message.contains("at end of input")) {
            return OptionalInt.of(sql.stripTrailing().length());
        }
        if (engineMessage != null) {
            Matcher e = ENGINE_LINE.matcher(engineMessage);
            if (e.find()) {
                String shown = e.group(2);
                int column = e.group(3).length() - e.group(1).length();
                String core = shown.replaceAll("^\\.\\.\\.", "").replaceAll("\\.\\.\\.$", "");
                int lead = shown.length() - shown.replaceAll("^\\.\\.\\.", "").length();
                int found = core.isBlank() ? -1 : sql.indexOf(core);
                if (found >= 0 && column >= lead) {
                    return OptionalInt.of(Math.min(sql.length(), found + column - lead));
                }
            }
        }
        Matcher n = NEAR.matcher(message);
        if (n.find()) {
            int at = sql.toLowerCase(Locale.ROOT).indexOf(n.group(1).toLowerCase(Locale.ROOT));
            if (at >= 0) {
                return OptionalInt.of(at);
            }
        }
        return OptionalInt.empty();
    }

    /** "LINE n: text" and a caret line under the offset. */
    static String render(String sql, int offset) {
        int lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = sql.indexOf('\n', offset);
        if (lineEnd < 0) {
            lineEnd = sql.length();
        }
        int lineNo = 1;
        for (int i = 0; i < lineStart; i++) {
            if (sql.charAt(i) == '\n') {
                lineNo++;
            }
        }
        String prefix = "LINE " + lineNo + ": ";
        String text = sql.substring(lineStart, lineEnd).replace('\t', ' ').stripTrailing();
        return prefix + text + "\n" + " ".repeat(prefix.length() + offset - lineStart) + "^";
    }

    /** "at line L, column C" for the message. */
    static String where(String sql, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }
}
