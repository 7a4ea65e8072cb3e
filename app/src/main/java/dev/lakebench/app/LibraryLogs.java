package dev.lakebench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps libraries' console notes off stderr, which carries Lakebench's own messages only. Each of these says
 * nothing a user can act on: PDFBox's font substitutions (real problems reach the user as per-file failures),
 * Lucene's SIMD set-up notes (a command runs without the Vector API module on purpose), JavaFX's note that it
 * was loaded from the class path (the supported way to run it beside the class-path libraries here).
 */
public final class LibraryLogs {

    /** Held so that the levels stick (the logging framework keeps loggers weakly). */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private LibraryLogs() {}

    public static synchronized void quiet() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        QUIETED.add(level(Logger.getLogger("org.apache.pdfbox"), Level.OFF));
        QUIETED.add(level(Logger.getLogger("org.apache.fontbox"), Level.OFF));
        QUIETED.add(level(Logger.getLogger("org.apache.lucene"), Level.SEVERE));
        QUIETED.add(level(Logger.getLogger("javafx"), Level.SEVERE));
        // the PostgreSQL driver logs connection failures itself; Lakebench reports them as its own errors
        QUIETED.add(level(Logger.getLogger("org.postgresql"), Level.OFF));
    }

    private static Logger level(Logger logger, Level level) {
        logger.setLevel(level);
        return logger;
    }
}
