package dev.lakebench.app;

import dev.lakebench.app.cli.Cli;
import dev.lakebench.app.cli.Commands;
import dev.lakebench.app.cli.WorkbenchStart;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.shell.Workbench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the AOT cache the build ships: the commands users run most, one after another in one
 * JVM, so that the cache holds the classes (and profiles) of each of them: create a table, {@code tables},
 * {@code schema}, a point {@code query} in each output format, a script, {@code workspaces} and {@code --version}.
 * With {@code --workbench} it is the workbench's launch instead (the build's second cache, which the launcher
 * gives the workbench), with {@code --all} both in one JVM (the Windows and macOS app images, whose launcher has
 * one set of options for commands and workbench). Started by the build as {@code java -XX:AOTCacheOutput=...
 * -Dlakebench.boot.main=dev.lakebench.app.AotTraining -jar lakebench-app.jar [--workbench] DATA_DIR}, with the same
 * class path and options as the launcher that uses the cache.
 */
public final class AotTraining {

    /** Set to true, it makes {@link Main} run the training instead of the command line (for the app image). */
    public static final String PROPERTY = "lakebench.aot.training";

    /**
     * How long the training's window stays after it is ready: the saved editor is reopened then, and building it
     * takes a JVM that is recording for a cache more than a second.
     */
    private static final long EDITOR_SETTLE_MILLIS = 3000;

    private AotTraining() {}

    public static void main(String[] args) {
        String mode = args.length == 2 ? args[0] : "";
        if (args.length < 1
                || args.length > 2
                || !List.of("", "--all", "--workbench").contains(mode)) {
            throw new IllegalArgumentException("usage: AotTraining [--all|--workbench] DATA_DIR");
        }
        Path data = Path.of(args[args.length - 1]).toAbsolutePath();
        if (!mode.equals("--workbench")) {
            commands(data.toString());
        }
        if (!mode.isEmpty()) { // with --all one cache serves commands and workbench (jpackage's launcher)
            workbench(data);
        }
        System.exit(Cli.OK); // as Main does: engine threads do not hold the JVM
    }

    private static void commands(String dir) {
        List<List<String>> commands = List.of(
                List.of(
                        "query",
                        "CREATE OR REPLACE TABLE t AS SELECT range AS n, 'row ' || range AS s FROM range(1000)"),
                List.of("tables"),
                List.of("tables", "--json"),
                List.of("schema", "t"),
                List.of("query", "SELECT s FROM t WHERE n = 42"),
                List.of("query", "--format", "json", "SELECT n, s FROM t WHERE n < 3"),
                List.of("query", "--format", "csv", "SELECT n, s FROM t WHERE n < 3"),
                List.of("query", "--last", "SELECT count(*) FROM t; SELECT max(n) FROM t"),
                List.of("workspaces"),
                List.of("--version"));
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(List.of("--data-dir", dir));
            line.addAll(command);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            WorkbenchStart.parse(line.toArray(String[]::new)); // as Main does first
            int status =
                    Commands.run(line.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            if (status != Cli.OK) {
                throw new IllegalStateException(
                        "training command failed (" + status + "): " + String.join(" ", command) + "\n" + err);
            }
        }
    }

    /**
     * The workbench's training run: the window opened on a workspace with a table, until it is usable (the
     * startup probe then closes it). Without a display there is nothing to train: the cache then holds the
     * start of the JVM only, and the workbench starts as without it.
     */
    private static void workbench(Path dir) {
        if (!Display.available(System::getenv)) {
            System.out.println("AOT training: no display, the cache holds no workbench window");
            return;
        }
        int status = Cli.run(
                new String[] {
                    "--data-dir",
                    dir.toString(),
                    "query",
                    "CREATE OR REPLACE TABLE t AS SELECT range AS n, 'row ' || range AS s FROM range(100)"
                },
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
        if (status != Cli.OK) {
            throw new IllegalStateException("training table not created (" + status + ")");
        }
        // a restart with editors open, the window kept a moment after it is ready: building the editor is a large
        // part of such a start, and its classes and linked call sites then come from the cache. Scripts of several
        // lines, as saved editors hold: a text of one line leaves the editor's paragraph tree and several tabs'
        // headers untrained (some 70 lambda classes then spun at the launch, a third of building the editor)
        Settings settings = Settings.load(dir.resolve("workbench").resolve("settings.json"));
        Workbench.leaveEditors(
                settings,
                dir,
                List.of(
                        "SELECT count(*) FROM t;",
                        "-- the first rows\nSELECT n, s\nFROM t\nWHERE n < 10\nORDER BY n;\n\nSELECT count(*) FROM t;\n"));
        settings.save();
        System.setProperty("lakebench.startupProbe.stalls", Long.toString(EDITOR_SETTLE_MILLIS));
        System.setProperty("lakebench.startupProbe", "true");
        // the launch's own path from Main, so that its classes and lambdas are in the cache too; the image's
        // training names Main as the main class with this property, which must not lead back here
        System.clearProperty(PROPERTY);
        Main.main(new String[] {"--data-dir", dir.toString()});
    }
}
