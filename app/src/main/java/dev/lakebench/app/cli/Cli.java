package dev.lakebench.app.cli;

import dev.lakebench.app.LibraryLogs;
import dev.lakebench.app.StartupTrace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code lakebench} command line. Exit status: 0 on success, 1 on a Lakebench error (stderr carries the
 * error class and message, e.g. {@code TableError: Table "x" does not exist}), 2 on a usage error, 130 when
 * Ctrl+C cancelled the command.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    /** Stopped by Ctrl+C (SIGINT), as shells report a process that a signal 2 ended (128 + 2). */
    public static final int INTERRUPTED = 130;

    private Cli() {}

    /** The commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            CommandLine.HelpCommand.class,
            TablesCommand.class,
            SchemaCommand.class,
            QueryCommand.class,
            IngestCommand.class,
            DropCommand.class,
            WorkspacesCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            IndexCommand.class,
            ExportCommand.class,
            InfoCommand.class,
            EmbedCommand.class,
            ModelsCommand.class,
            SqlShellCommand.class);

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        LibraryLogs.quiet();
        args = nestedHelp(args);
        Optional<Callable<Integer>> quick = QuickCommandLine.parse(args, new LakebenchCommand(), out, err);
        if (quick.isPresent()) {
            StartupTrace.mark("command line built");
            return execute(quick.get(), err);
        }
        CommandLine cl = commandLine(new LakebenchCommand(), out, err, commandWord(args));
        StartupTrace.mark("command line built");
        return cl.execute(args);
    }

    /**
     * The command a command line names ({@code tables} in {@code lakebench --data-dir D tables --json}), if any:
     * the first word that is not a global option or its value.
     */
    static Optional<String> commandWord(String[] args) {
        CommandLine root = new CommandLine(new LakebenchCommand());
        root.setStopAtUnmatched(true);
        root.setUnmatchedArgumentsAllowed(true);
        try {
            root.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return java.util.Optional.empty();
        }
        List<String> rest = root.getUnmatchedArguments();
        return rest.isEmpty() || rest.get(0).startsWith("-")
                ? java.util.Optional.empty()
                : java.util.Optional.of(rest.get(0));
    }

    /**
     * {@code help models pull} as {@code models pull --help}: picocli's help command reads only its first word, and
     * would show the help of {@code models} instead. A mistyped word ({@code help tabels}) is then reported as a
     * mistyped command is, with the nearest name.
     */
    static String[] nestedHelp(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("--") && !args[i].equals("--")) {
            i += args[i].contains("=") ? 1 : 2; // a global option and its value
        }
        if (i + 1 >= args.length || !args[i].equals("help")) {
            return args;
        }
        for (int j = i + 1; j < args.length; j++) {
            if (args[j].startsWith("-")) {
                return args;
            }
        }
        List<String> line = new ArrayList<>(List.of(args).subList(0, i));
        CommandLine at = new CommandLine(new LakebenchCommand());
        COMMANDS.forEach(at::addSubcommand);
        for (int j = i + 1; j < args.length; j++) {
            line.add(args[j]);
            at = at == null ? null : at.getSubcommands().get(args[j]);
        }
        if (at != null) {
            line.add("--help");
        } // else a word names no command: said so as for a mistyped command, with a suggestion
        return line.toArray(String[]::new);
    }

    /** A command line with every command (tests give the root their environment and credential store). */
    static CommandLine commandLine(LakebenchCommand root, PrintWriter out, PrintWriter err) {
        return commandLine(root, out, err, java.util.Optional.empty());
    }

    /**
     * A command line for {@code command}: with only that command when it is one (a command's start-up then
     * skips setting up the other commands' options, a third of a short command's CPU), else with all of them
     * (help, suggestions for a mistyped name, the usage message).
     */
    static CommandLine commandLine(LakebenchCommand root, PrintWriter out, PrintWriter err, Optional<String> command) {
        CommandLine cl = new CommandLine(root);
        List<Class<?>> only =
                command.flatMap(Cli::commandNamed).map(List::<Class<?>>of).orElse(COMMANDS);
        for (Class<?> c : only) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> executionError(ex, commandLine.getErr()));
        cl.setParameterExceptionHandler(Cli::usageError);
        addHelpOptions(cl);
        return cl;
    }

    /** Runs a command read by {@link QuickCommandLine}, answering its failure as picocli's handler does. */
    static int execute(Callable<Integer> command, PrintWriter err) {
        return Commands.execute(command, err);
    }

    /** A command's failure, answered as {@link Commands#executionError} does. */
    static int executionError(Exception ex, PrintWriter e) {
        return Commands.executionError(ex, e);
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

    private static Optional<Class<?>> commandNamed(String name) {
        if (name.equals("help")) {
            return java.util.Optional.empty();
        }
        for (Class<?> c : COMMANDS) {
            CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
            if (a != null && (a.name().equals(name) || List.of(a.aliases()).contains(name))) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
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
