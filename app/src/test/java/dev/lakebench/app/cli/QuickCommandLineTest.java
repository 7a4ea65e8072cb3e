package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code tables} and {@code query} read without picocli set exactly what picocli sets, or are left to it. */
class QuickCommandLineTest {

    private static final PrintWriter NOWHERE = new PrintWriter(new StringWriter());

    /** Every option of both commands, before and after the command word, separate and attached. */
    private static final List<String> PLAIN = List.of(
            "tables",
            "tables --json",
            "tables -l",
            "tables --long",
            "tables --long --json",
            "tables --format csv",
            "tables --long --format=jsonl",
            "--data-dir /d tables",
            "--data-dir=/d tables -l",
            "tables --data-dir /d --workspace w",
            "--workspace w --allow-files /a --allow-files /b tables",
            "--remote http://127.0.0.1:9/x --token-env TOK --org o tables",
            "--postgres jdbc:postgresql://127.0.0.1/db?user=u --password-env PW tables --json",
            "query",
            "query x",
            "--data-dir /d query SELECT_1",
            "query --json x",
            "query --csv x",
            "query --last x",
            "query --format json x",
            "query --format JSON x",
            "query --format=jsonl x",
            "query --format csv --last x",
            "query -f s.sql",
            "query --file s.sql --last",
            "query --file=s.sql",
            "query --param 42 --param \"a\" x",
            "query --param=1.5 x",
            "query --timeout 2.5 x",
            "query --timeout=3 x",
            "query --timeout 500ms x",
            "query --timeout=2min x",
            "query --timeout 1.5s x",
            "query x --workspace w --data-dir /d",
            "query --allow-files /a x --allow-files /b",
            "--workspace w query --remote http://127.0.0.1:9/x --token-env TOK --org o x",
            "query --postgres jdbc:postgresql://127.0.0.1/db?user=u --password-env PW x");

    /** Shapes whose answer (help, an error, a value picocli reads its own way) stays picocli's. */
    private static final List<String> LEFT_TO_PICOCLI = List.of(
            "",
            "--help",
            "-h tables",
            "tables --help",
            "tables -h",
            "query --help",
            "--version",
            "-V",
            "schema t",
            "help tables",
            "tabels",
            "tables extra",
            "tables --json --json",
            "tables -l --long",
            "tables --json=true",
            "tables -lj",
            "tables --bogus",
            "tables --format xml",
            "tables --format csv --format json",
            "--data-dir",
            "--data-dir /a --data-dir /b tables",
            "--data-dir /a tables --data-dir /b",
            "--data-dir -x tables",
            "--workspace tables tables",
            "--workspace= tables",
            "query -",
            "query -- x",
            "query @args.txt",
            "query x y",
            "query --json --csv x",
            "query --format json --json x",
            "query --format yaml x",
            "query --timeout soon x",
            "query --timeout 5 days x",
            "query --timeout 5d x",
            "query --timeout",
            "query -f",
            "query -fs.sql",
            "query -f=s.sql",
            "query --param -1 x",
            "query --last --last x",
            "query --file a.sql -f b.sql",
            "query -f \u0000",
            "query tables");

    @Test
    void plainLinesSetWhatPicocliSets() throws Exception {
        for (String line : PLAIN) {
            String[] args = words(line);
            LakebenchCommand quickRoot = new LakebenchCommand();
            Callable<Integer> quick = QuickCommandLine.parse(args, quickRoot, NOWHERE, NOWHERE)
                    .orElseThrow(() -> new AssertionError("not read without picocli: " + line));

            LakebenchCommand picoRoot = new LakebenchCommand();
            CommandLine cl = Cli.commandLine(picoRoot, NOWHERE, NOWHERE, Cli.commandWord(args));
            CommandLine.ParseResult pr = cl.parseArgs(args);
            Object picoCommand = pr.subcommand().commandSpec().userObject();

            assertThat(quick.getClass()).as(line).isEqualTo(picoCommand.getClass());
            assertThat(values(quickRoot)).as("global options of: " + line).isEqualTo(values(picoRoot));
            assertThat(values(quick)).as("command options of: " + line).isEqualTo(values(picoCommand));
        }
    }

    @Test
    void otherLinesAreLeftToPicocli() {
        for (String line : LEFT_TO_PICOCLI) {
            assertThat(QuickCommandLine.parse(words(line), new LakebenchCommand(), NOWHERE, NOWHERE))
                    .as(line)
                    .isEmpty();
        }
    }

    @Test
    void everyOptionPicocliKnowsIsKnownHere() {
        CommandLine all = Cli.commandLine(new LakebenchCommand(), NOWHERE, NOWHERE);
        Set<String> global = names(all, Set.of("-h", "--help", "-V", "--version"));
        assertThat(global).isEqualTo(QuickCommandLine.GLOBAL);

        Set<String> tables = names(all.getSubcommands().get("tables"), Set.of("-h", "--help"));
        tables.removeAll(global); // inherited
        Set<String> tablesKnown = new HashSet<>(QuickCommandLine.TABLES_FLAGS);
        tablesKnown.addAll(QuickCommandLine.TABLES_VALUED);
        assertThat(tables).isEqualTo(tablesKnown);

        Set<String> query = names(all.getSubcommands().get("query"), Set.of("-h", "--help"));
        query.removeAll(global);
        Set<String> known = new HashSet<>(QuickCommandLine.QUERY_FLAGS);
        known.addAll(QuickCommandLine.QUERY_VALUED);
        assertThat(query).isEqualTo(known);
        assertThat(all.getSubcommands().get("query").getCommandSpec().positionalParameters())
                .as("query takes one SQL argument")
                .hasSize(1);
        assertThat(all.getSubcommands().get("tables").getCommandSpec().positionalParameters())
                .isEmpty();
    }

    @Test
    void theCommandNamesAreTheCommandLinesNames() {
        CommandLine all = Cli.commandLine(new LakebenchCommand(), NOWHERE, NOWHERE);
        assertThat(QuickCommandLine.COMMAND_NAMES)
                .isEqualTo(all.getSubcommands().keySet());
    }

    /** The same line through picocli and without it prints the same and exits the same, failures included. */
    @Test
    void runsAnswerAsThroughPicocli(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sql");
        java.nio.file.Files.writeString(script, "SELECT 1 AS a; SELECT 2 AS b");
        assertThat(CliRun.of(dir, "query", "CREATE TABLE t AS SELECT range AS n FROM range(3)")
                        .code())
                .isZero();
        List<List<String>> lines = List.of(
                List.of("tables"),
                List.of("tables", "--json"),
                List.of("tables", "-l"),
                List.of("tables", "--long", "--json"),
                List.of("tables", "--format", "csv"),
                List.of("tables", "-l", "--format", "jsonl"),
                List.of("tables", "--json", "--format", "csv"),
                List.of("query", "SELECT n FROM t WHERE n = 1"),
                List.of("query", "--format", "jsonl", "SELECT n FROM t"),
                List.of("query", "--csv", "SELECT n FROM t WHERE n > $1", "--param", "0"),
                List.of("query", "--file", script.toString(), "--last"),
                List.of("query", "-f", script.toString(), "--json"),
                List.of("query", "SELEC n FROM t"),
                List.of("query", "SELECT n FROM nowhere"),
                List.of("query", "--param", "x", "SELECT $1"),
                List.of("query", "SELECT 1; SELECT 2", "--param", "1"),
                List.of("query"),
                List.of("query", "--file", dir.resolve("missing.sql").toString()),
                List.of("query", "--timeout", "0.5", "SELECT count(*) FROM t"),
                List.of("--workspace", "nosuch", "tables"));
        for (List<String> line : lines) {
            String[] args = line.toArray(String[]::new);
            assertThat(QuickCommandLine.parse(withData(dir, args), new LakebenchCommand(), NOWHERE, NOWHERE))
                    .as("read without picocli: " + line)
                    .isPresent();
            CliRun quick = CliRun.of(dir, args);
            CliRun picocli = CliRun.with(
                    dir,
                    (argv, out, err) ->
                            Cli.commandLine(new LakebenchCommand(), out, err).execute(argv),
                    args);
            assertThat(quick).as(line.toString()).isEqualTo(picocli);
        }
    }

    private static String[] withData(Path dir, String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private static String[] words(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    private static Set<String> names(CommandLine cl, Set<String> except) {
        Set<String> names = new HashSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        names.removeAll(except);
        return names;
    }

    /** The values of every field picocli sets on a command (options, parameters, option groups). */
    private static Map<String, Object> values(Object command) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class)
                    || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                out.put(f.getName(), f.get(command));
            } else if (f.isAnnotationPresent(CommandLine.ArgGroup.class)) {
                f.setAccessible(true);
                Object group = f.get(command);
                out.put(f.getName(), group == null ? null : values(group));
            }
        }
        return out;
    }
}
