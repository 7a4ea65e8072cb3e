package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, suggestions, syntax errors with a caret, scripts and output formats, versions. */
class CliHelpAndScriptsTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    CliRun withStdin(String input, String... args) {
        return CliRun.with(
                dir,
                (argv, out, err) -> {
                    LakebenchCommand root = new LakebenchCommand();
                    root.stdin = () -> new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
                    return Cli.commandLine(root, out, err).execute(argv);
                },
                args);
    }

    @Test
    void helpInEveryFormExitsZero() {
        CliRun help = run("help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: lakebench").contains("tables").contains("query");
        CliRun helpQuery = run("help", "query");
        assertThat(helpQuery.code()).isZero();
        assertThat(helpQuery.out()).contains("Usage: lakebench query").contains("--format");
        for (String cmd : new String[] {"query", "tables", "ingest", "schema", "drop", "workspaces", "index"}) {
            CliRun r = run(cmd, "--help");
            assertThat(r.code()).as(cmd + " --help: " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: lakebench " + cmd);
        }
        assertThat(run("workspaces", "create", "--help").code()).isZero();
        assertThat(run("--help").code()).isZero();
    }

    @Test
    void helpOfACommandsOwnCommandShowsThatOne() {
        CliRun pull = run("help", "models", "pull");
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).startsWith("Usage: lakebench models pull");
        CliRun create = run("--workspace", "w", "help", "workspaces", "create");
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).startsWith("Usage: lakebench workspaces create");
        CliRun typo = run("help", "models", "pul");
        assertThat(typo.code()).isEqualTo(Cli.USAGE);
        assertThat(typo.err()).startsWith("Error: unknown command 'pul' (did you mean pull?)");
        CliRun top = run("help", "tabels");
        assertThat(top.code()).isEqualTo(Cli.USAGE);
        assertThat(top.err()).startsWith("Error: unknown command 'tabels' (did you mean tables?)");
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearestName() {
        CliRun r = run("tabels");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("Error: unknown command 'tabels' (did you mean tables?)\nSee 'lakebench --help'.\n");
        CliRun q = run("qurey", "SELECT 1");
        assertThat(q.err()).startsWith("Error: unknown command 'qurey' (did you mean query?)");
        CliRun opt = run("query", "SELECT 1", "--fromat", "csv");
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.err())
                .contains("unknown option '--fromat' (did you mean --format?)")
                .contains("See 'lakebench query --help'.");
        assertThat(run("zzzzzzzz").err()).doesNotContain("did you mean");
    }

    @Test
    void aSyntaxErrorNamesThePositionAndShowsTheLineWithACaret() {
        CliRun r = run("query", "SELECT 1,\n  2 frm range(3) wher");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("QueryError: SQL syntax error at line 2, column 9: syntax error at or near \"range\"\n"
                        + "LINE 2:   2 frm range(3) wher\n"
                        + "                ^\n");
        CliRun lexer = run("query", "SELECT 'abc");
        assertThat(lexer.err())
                .startsWith("QueryError: SQL syntax error at line 1, column 8: unterminated string")
                .contains("LINE 1: SELECT 'abc\n               ^\n");
    }

    @Test
    void scriptsFromAFileOrStandardInputPrintEachResultOrTheLast() throws Exception {
        Path sql = dir.resolve("setup.sql");
        Files.writeString(sql, """
                CREATE TABLE t (n BIGINT, s TEXT);
                INSERT INTO t VALUES (1, 'a'), (2, 'b;c');
                SELECT n, s FROM t ORDER BY n;
                SELECT count(*) AS c FROM t;
                """);
        CliRun all = run("query", "-f", sql.toString(), "--format", "csv");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo("n,s\n1,a\n2,b;c\nc\n2\n");
        CliRun last =
                withStdin("SELECT 1 AS a; SELECT n FROM t WHERE n > 1", "query", "-", "--last", "--format", "jsonl");
        assertThat(last.code()).as(last.err()).isZero();
        assertThat(last.out()).isEqualTo("{\"n\":2}\n");
        CliRun table = withStdin("SELECT n, s AS long_name FROM t ORDER BY n", "query", "-f", "-");
        assertThat(table.out()).isEqualTo("n | long_name\n--+----------\n1 | a\n2 | b;c\n(2 rows)\n");
        CliRun json = run("query", "SELECT n FROM t ORDER BY n", "--format", "json");
        assertThat(json.out()).isEqualTo("[{\"n\":1},{\"n\":2}]\n");
    }

    @Test
    void aScriptIsOneSessionSoATransactionSpansItsStatements() throws Exception {
        CliRun r = withStdin("""
                CREATE TABLE acct (id BIGINT, balance BIGINT);
                INSERT INTO acct VALUES (1, 100), (2, 0);
                BEGIN;
                UPDATE acct SET balance = balance - 70 WHERE id = 1;
                SELECT balance FROM acct WHERE id = 1;
                ROLLBACK;
                BEGIN;
                UPDATE acct SET balance = balance + 30 WHERE id = 2;
                COMMIT;
                SELECT id, balance FROM acct ORDER BY id;
                """, "query", "-", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        // the read inside the transaction sees its update; the rollback undoes it, the commit keeps the other
        assertThat(r.out()).isEqualTo("balance\n30\nid,balance\n1,100\n2,30\n");
        // a transaction a script leaves open ends with it
        CliRun open = withStdin("BEGIN; DELETE FROM acct;", "query", "-");
        assertThat(open.code()).as(open.err()).isZero();
        assertThat(run("query", "SELECT count(*) AS c FROM acct", "--csv").out())
                .isEqualTo("c\n2\n");
    }

    @Test
    void aFailingStatementInAScriptSaysWhichAndStops() throws Exception {
        CliRun r = withStdin(
                "CREATE TABLE u (n BIGINT);\nINSERT INTO u VALUES (1);\nSELEC n FROM u;\nINSERT INTO u VALUES (2);",
                "query",
                "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith(
                        "Statement 3 of 4 failed (the ones before it ran):\n"
                                + "QueryError: SQL syntax error at line 3, column 1: syntax error at or near \"SELEC\"\nLINE 3: SELEC n FROM u;\n        ^\n");
        assertThat(run("query", "SELECT count(*) AS c FROM u", "--csv").out()).isEqualTo("c\n1\n");
        assertThat(run("query", "-f", dir.resolve("missing.sql").toString()).err())
                .contains("SQL file not found");
        assertThat(run("query", "SELECT $1; SELECT 2", "--param", "1").code()).isEqualTo(2);
    }

    @Test
    void versionNamesTheReleaseNumberTheEngineAndJava() {
        CliRun v = run("--version");
        assertThat(v.code()).isZero();
        String[] lines = v.out().split("\n");
        assertThat(lines[0]).matches("lakebench \\d+\\.\\d+\\.\\d+( \\(development build\\))?");
        assertThat(lines[1]).matches("engine: DuckDB \\d[\\d.]+, search: Lucene \\d[\\d.]+");
        assertThat(lines[2]).startsWith("java: " + Runtime.version());
    }
}
