package dev.lakebench.app.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command lines users run most, {@code tables} and {@code query}, read without setting up picocli: picocli
 * reflects over every option's annotations at each start, which cost a short command as much CPU as the JVM's
 * own start, and its classes cannot be held by the AOT cache (they are Java 5 bytecode).
 *
 * <p>It reads only plain shapes: the global options with their values, the command word, the command's own
 * options as separate words ({@code --format json} or {@code --format=json}) and, for {@code query}, one SQL
 * argument. Everything else (help, {@code --version}, a repeated single option, an unknown or clustered option,
 * {@code --}, an {@code @file}, a value that starts with {@code -} or {@code @} or names a command, a value that
 * does not convert) is left to picocli, so that its answers, errors and exit codes stay what they were.
 * {@code QuickCommandLineTest} checks that each line read here sets the same fields as picocli would, and that
 * every option picocli knows for these commands is known here.
 */
final class QuickCommandLine {

    /** The global options (each takes a value). */
    static final Set<String> GLOBAL = Set.of(
            "--data-dir",
            "--workspace",
            "--remote",
            "--token-env",
            "--org",
            "--allow-files",
            "--postgres",
            "--password-env");

    static final Set<String> TABLES_FLAGS = Set.of("--json", "-l", "--long");
    static final Set<String> TABLES_VALUED = Set.of("--format");
    static final Set<String> QUERY_FLAGS = Set.of("--last", "--json", "--csv");
    static final Set<String> QUERY_VALUED = Set.of("-f", "--file", "--param", "--timeout", "--format");

    private QuickCommandLine() {}

    /**
     * The command {@code args} name, ready to run with {@code root} (whose fields take the global options), when
     * the line has a plain shape; empty when picocli must read it.
     */
    static Optional<Callable<Integer>> parse(String[] args, LakebenchCommand root, PrintWriter out, PrintWriter err) {
        try {
            return Optional.ofNullable(read(args, root, out, err));
        } catch (NotPlain e) {
            return Optional.empty();
        }
    }

    private static Callable<Integer> read(String[] args, LakebenchCommand root, PrintWriter out, PrintWriter err) {
        Set<String> seen = new HashSet<>();
        TablesCommand tables = null;
        QueryCommand query = null;
        boolean sqlGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String attached = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                attached = arg.substring(eq + 1);
                if (!plainValue(attached)) {
                    throw new NotPlain();
                }
            }
            boolean inCommand = tables != null || query != null;
            if (GLOBAL.contains(name)) {
                String value = attached != null ? attached : value(args, ++i);
                global(root, canonical(name, seen, name.equals("--allow-files")), value);
            } else if (!inCommand) {
                if (arg.equals("tables")) {
                    tables = new TablesCommand();
                    tables.root = root;
                    tables.out = out;
                    tables.err = err;
                } else if (arg.equals("query")) {
                    query = new QueryCommand();
                    query.root = root;
                    query.out = out;
                    query.err = err;
                } else {
                    throw new NotPlain();
                }
            } else if (tables != null && TABLES_FLAGS.contains(arg)) {
                switch (canonical(arg.equals("-l") ? "--long" : arg, seen, false)) {
                    case "--json" -> tables.json = true;
                    default -> tables.long_ = true;
                }
            } else if (tables != null && TABLES_VALUED.contains(name)) {
                String value = attached != null ? attached : value(args, ++i);
                canonical(name, seen, false);
                tables.format = format(value);
            } else if (query != null && QUERY_FLAGS.contains(arg)) {
                switch (canonical(arg, seen, false)) {
                    case "--last" -> query.last = true;
                    case "--json" -> query.format.json = true;
                    default -> query.format.csv = true;
                }
            } else if (query != null && QUERY_VALUED.contains(name)) {
                String value = attached != null ? attached : value(args, ++i);
                String option = canonical(name.equals("-f") ? "--file" : name, seen, name.equals("--param"));
                switch (option) {
                    case "--file" -> query.file = path(value);
                    case "--param" -> query.params.add(value);
                    case "--timeout" -> query.timeoutSeconds = timeout(value);
                    default -> query.format.format = format(value);
                }
            } else if (query != null && !sqlGiven && plainValue(arg)) {
                query.sql = arg;
                sqlGiven = true;
            } else {
                throw new NotPlain();
            }
        }
        if (query != null && exclusiveFormats(query) > 1) {
            throw new NotPlain(); // picocli names the options that exclude each other
        }
        return tables != null ? tables : query;
    }

    /** The option's name once it was seen; a second single-valued one is picocli's to refuse. */
    private static String canonical(String name, Set<String> seen, boolean repeatable) {
        if (!seen.add(name) && !repeatable) {
            throw new NotPlain();
        }
        return name;
    }

    private static void global(LakebenchCommand root, String option, String value) {
        switch (option) {
            case "--data-dir" -> root.dataDir = path(value);
            case "--workspace" -> root.workspace = value;
            case "--remote" -> root.remote = value;
            case "--token-env" -> root.tokenEnv = value;
            case "--org" -> root.org = value;
            case "--allow-files" -> root.allowFiles.add(path(value));
            case "--postgres" -> root.postgres = value;
            case "--password-env" -> root.passwordEnv = value;
            default -> throw new NotPlain();
        }
    }

    /** The word after an option as its value, when picocli would take it the same way without doubt. */
    private static String value(String[] args, int i) {
        if (i >= args.length || !plainValue(args[i])) {
            throw new NotPlain();
        }
        return args[i];
    }

    /** Not empty, not option-like, not an argument file, not a command's name. */
    private static boolean plainValue(String v) {
        return !v.isEmpty() && !v.startsWith("-") && !v.startsWith("@") && !COMMAND_NAMES.contains(v);
    }

    /** The commands' names (a test compares them with {@link Cli#COMMANDS}). */
    static final Set<String> COMMAND_NAMES = Set.of(
            "help",
            "tables",
            "schema",
            "query",
            "ingest",
            "drop",
            "workspaces",
            "login",
            "logout",
            "index",
            "export",
            "info",
            "embed",
            "models",
            "sql");

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new NotPlain();
        }
    }

    private static Double timeout(String value) {
        try {
            return TimeoutValue.seconds(value);
        } catch (IllegalArgumentException e) {
            throw new NotPlain(); // picocli reports the bad value
        }
    }

    private static OutputFormat format(String value) {
        for (OutputFormat f : OutputFormat.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new NotPlain();
    }

    private static int exclusiveFormats(QueryCommand q) {
        return (q.format.format != null ? 1 : 0) + (q.format.json ? 1 : 0) + (q.format.csv ? 1 : 0);
    }

    /** A line this class does not read: picocli reads it. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }
}
