package dev.lakebench.natives.engine;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure reported by the embedded engine, classified by the error class DuckDB puts in front of its
 * messages ("Catalog Error: ...", "Parser Error: ...") so that callers can map it without string matching.
 */
public class EngineException extends RuntimeException {

    /** What kind of engine failure this is. */
    public enum Kind {
        /** Another process holds the database file lock. */
        LOCKED,
        /** The statement was cancelled or interrupted. */
        INTERRUPTED,
        /** The statement ran longer than its timeout. */
        TIMEOUT,
        /** The SQL text does not parse. */
        SYNTAX,
        /** A table, view, function or schema does not exist (or already exists). */
        CATALOG,
        /** Names or types do not resolve (unknown column, wrong argument types). */
        BINDER,
        /** A value cannot be converted to the target type. */
        CONVERSION,
        /** A constraint (NOT NULL, primary key, check) was violated. */
        CONSTRAINT,
        /** Reading or writing the database file failed. */
        IO,
        /** Out of memory inside the engine. */
        OUT_OF_MEMORY,
        /**
         * The engine's sandbox refused: a file, directory or network location outside the allowed ones, an
         * extension, or a change of a locked setting.
         */
        PERMISSION,
        /** Anything else. */
        OTHER
    }

    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z ]+?) Error: ?(.*)$", Pattern.DOTALL);

    private final Kind kind;
    private final String engineMessage;

    public EngineException(Kind kind, String engineMessage, Throwable cause) {
        super(engineMessage, cause);
        this.kind = kind;
        this.engineMessage = engineMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** The engine's message without its "X Error:" prefix, first line only. */
    public String engineMessage() {
        return engineMessage;
    }

    /** Classifies a JDBC failure from DuckDB. */
    public static EngineException from(SQLException e) {
        if (e instanceof java.sql.SQLTimeoutException) {
            return new EngineException(Kind.INTERRUPTED, "the statement was interrupted", e);
        }
        String raw = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        Matcher m = PREFIX.matcher(raw);
        String cls = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        String msg = m.matches() ? m.group(2) : raw;
        // DuckDB appends a multi-line "LINE 1: ..." context; keep the first paragraph for messages.
        int nl = msg.indexOf("\n\nLINE");
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        Kind kind = switch (cls) {
            case "parser" -> Kind.SYNTAX;
            case "catalog" -> Kind.CATALOG;
            case "binder" -> Kind.BINDER;
            case "permission" -> Kind.PERMISSION;
            case "invalid input" -> msg.contains("configuration has been locked") ? Kind.PERMISSION : Kind.CONVERSION;
            case "conversion", "out of range" -> Kind.CONVERSION;
            case "constraint" -> Kind.CONSTRAINT;
            case "interrupt" -> Kind.INTERRUPTED;
            case "out of memory" -> Kind.OUT_OF_MEMORY;
            case "io" -> msg.contains("Could not set lock on file") ? Kind.LOCKED : Kind.IO;
            default -> Kind.OTHER;
        };
        return new EngineException(kind, msg, e);
    }
}
