package dev.lakebench.app;

import dev.lakebench.app.cli.Cli;
import dev.lakebench.app.cli.Commands;
import dev.lakebench.app.cli.WorkbenchStart;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Entry point: with a command the {@code lakebench} command line, without one (no arguments, or only global
 * options such as {@code --data-dir DIR --workspace WS}) the workbench window on that data.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (Boolean.getBoolean(AotTraining.PROPERTY)) { // the installers' launcher names this class as main
            AotTraining.main(args);
            return;
        }
        LibraryLogs.quiet();
        // on the PrintStream itself, so that checkError() sees a closed pipe (the stream keeps its errors to itself)
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Optional<WorkbenchStart> workbench = WorkbenchArgs.plain(args).or(() -> WorkbenchStart.parse(args));
        int status;
        if (workbench.isPresent()) {
            status = openWorkbench(workbench.get(), err);
            if (status == Cli.OK) {
                return;
            }
        } else {
            status = Commands.run(args, out, err);
        }
        out.flush();
        err.flush();
        StartupTrace.mark("exit");
        System.exit(status);
    }

    private static int openWorkbench(WorkbenchStart start, PrintWriter err) {
        if (!Display.available(System::getenv)) {
            err.println(Display.NO_DISPLAY);
            return Cli.USAGE;
        }
        try {
            dev.lakebench.app.ui.WorkbenchLauncher.launch(start.applicationArgs());
            return Cli.OK;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).startsWith("Exception in Application")) {
                // the toolkit started and the workbench itself failed: not a display problem
                err.println("Error: the workbench could not start: " + rootMessage(e));
                return Cli.ERROR;
            }
            // e.g. "Unable to open DISPLAY" when DISPLAY names a display that is not there
            err.println(Display.NO_DISPLAY + " (" + rootMessage(e) + ")");
            return Cli.USAGE;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
