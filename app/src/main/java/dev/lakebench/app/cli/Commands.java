package dev.lakebench.app.cli;

import dev.lakebench.app.StartupTrace;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.natives.engine.EngineSession;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The command line's entry for {@code Main}: {@code tables} and {@code query} lines of a plain shape run without
 * picocli ({@link QuickCommandLine}), everything else through {@link Cli}. This class names no picocli type, so a
 * quick command loads none of picocli's classes: they cannot be held by the AOT cache, and the first class the
 * JVM must look up on the class path opens every jar before picocli's (about 50) to find it.
 */
public final class Commands {

    private Commands() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        LakebenchCommand root = new LakebenchCommand();
        Optional<Callable<Integer>> quick = QuickCommandLine.parse(args, root, out, err);
        if (quick.isPresent()) {
            if (!root.isRemote() && !root.isPostgres()) {
                EngineSession.loadLibraryInBackground(); // while the workspace's settings are read
            }
            StartupTrace.mark("command line built");
            return execute(quick.get(), err);
        }
        return Cli.run(args, out, err);
    }

    /** Runs a command read by {@link QuickCommandLine}, answering its failure as picocli's handler does. */
    static int execute(Callable<Integer> command, PrintWriter err) {
        try {
            Integer status = command.call();
            return status != null ? status : Cli.OK;
        } catch (Exception ex) {
            return executionError(ex, err);
        }
    }

    /**
     * A command's failure: a Lakebench error as its class and message (exit 1), a bad argument as "Error: ..."
     * (exit 2), anything else with its stack trace (exit 1).
     */
    static int executionError(Exception ex, PrintWriter e) {
        if (ex instanceof ManagedServiceError mse) {
            e.println(mse.getClass().getSimpleName() + ": " + mse.getMessage());
        } else if (ex instanceof IllegalArgumentException iae) {
            e.println("Error: " + iae.getMessage());
            e.flush();
            return Cli.USAGE;
        } else {
            e.println("Error: " + ex);
            for (StackTraceElement s : ex.getStackTrace()) {
                e.println("\tat " + s);
            }
        }
        e.flush();
        return Cli.ERROR;
    }
}
