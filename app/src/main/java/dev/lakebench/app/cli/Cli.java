package dev.lakebench.app.cli;

import dev.lakebench.app.LibraryLogs;
import dev.lakebench.core.client.ManagedServiceError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code lakebench} command line. Exit status: 0 on success, 1 on a Lakebench error (stderr carries the
 * error class and message, e.g. {@code TableError: Table "x" does not exist}), 2 on a usage error.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private Cli() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        LibraryLogs.quiet();
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
        cl.setParameterExceptionHandler(Cli::usageError);
        addHelpOptions(cl);
        return cl;
    }

    /** {@code COMMAND --help} on every command, including the ones added later, without repeating it on each. */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help message and exit.")
                        .build());
            }
            addHelpOptions(sub);
        }
    }

    /**
     * A usage error: the problem in one line, a suggestion where a name was mistyped ("did you mean tables?"),
     * and where to read more; exit status 2.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter e = cl.getErr();
        String where = cl.getCommandSpec().qualifiedName();
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            List<String> near = Suggestions.nearest(word, candidates(cl, word));
            boolean option = word.startsWith("-");
            StringBuilder line = new StringBuilder("Error: unknown ")
                    .append(option ? "option " : (cl.getSubcommands().isEmpty() ? "argument " : "command "))
                    .append("'")
                    .append(word)
                    .append("'");
            if (!option && cl.getSubcommands().isEmpty()) {
                line.append(" for ").append(where);
            }
            if (!near.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", near)).append("?)");
            }
            e.println(line);
        } else {
            e.println("Error: " + ex.getMessage());
        }
        e.println("See '" + where + " --help'.");
        e.flush();
        return USAGE;
    }

    private static List<String> candidates(CommandLine cl, String word) {
        List<String> names = new ArrayList<>();
        if (word.startsWith("-")) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                names.addAll(List.of(o.names()));
            }
        } else {
            names.addAll(cl.getSubcommands().keySet());
        }
        return names;
    }
}
