package dev.lakebench.app.cli;

import dev.lakebench.core.client.ManagedServiceError;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code lakebench} command line. Exit status: 0 on success, 1 on a Lakebench error (stderr carries the
 * error class and message, e.g. {@code TableError: Table "x" does not exist}), 2 on a usage error.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /**
     * PDFBox logs font substitutions and similar notes as warnings on the console; they say nothing a user can
     * act on, and real problems reach the user as per-file failures. Kept in a field so the setting sticks.
     */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    /** Lucene announces its SIMD set-up at INFO on first use; on a command line that is noise on every call. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    /** The PostgreSQL driver logs connection failures itself; Lakebench reports them as its own errors. */
    private static final java.util.logging.Logger PGJDBC_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        PGJDBC_LOG.setLevel(java.util.logging.Level.OFF);
        PDFBOX_LOG.setLevel(java.util.logging.Level.OFF);
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new LakebenchCommand(), out, err);
    }

    /** A command line on a given root (tests give it their environment and credential store). */
    static CommandLine commandLine(LakebenchCommand root, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ManagedServiceError mse) {
                e.println(mse.getClass().getSimpleName() + ": " + mse.getMessage());
            } else if (ex instanceof IllegalArgumentException iae) {
                e.println("Error: " + iae.getMessage());
                e.flush();
                return USAGE;
            } else {
                e.println("Error: " + ex);
                for (StackTraceElement s : ex.getStackTrace()) {
                    e.println("\tat " + s);
                }
            }
            e.flush();
            return ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("Error: " + ex.getMessage());
            ex.getCommandLine().usage(e);
            e.flush();
            return USAGE;
        });
        return cl;
    }
}
