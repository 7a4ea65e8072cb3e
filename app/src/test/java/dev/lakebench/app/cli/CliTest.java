package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of the README: commands, output formats, exit codes and error lines. */
class CliTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    private Path columns(String json) throws Exception {
        Path f = dir.resolve("cols-" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void ingestSchemaQueryAndDrop() throws Exception {
        Path cols = columns("""
                {"text": ["hello", "world", null], "n": [1, 2, 3], "score": [0.5, 1, 2.5],
                 "embedding": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "img": ["iVBORw0KGgo=", null, "AAE="]}""");
        CliRun ingest = run("ingest", "docs", "--columns", cols.toString(), "--schema", "img=IMAGE", "--json");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        JsonNode r = ingest.json();
        assertThat(r.get("table_name").asText()).isEqualTo("docs");
        assertThat(r.get("row_count").asLong()).isEqualTo(3);
        assertThat(r.get("dataset_path").asText()).endsWith("lakebench.duckdb#docs");

        assertThat(run("tables").out()).isEqualTo("docs\n");
        assertThat(run("tables", "--json").json().toString()).isEqualTo("[\"docs\"]");
        assertThat(run("schema", "docs").out())
                .isEqualTo("text\tTEXT\nn\tINT64\nscore\tFLOAT64\nembedding\tEMBEDDING\nimg\tIMAGE\n");
        assertThat(run("schema", "docs", "--json").json().toString())
                .isEqualTo(
                        "{\"text\":\"TEXT\",\"n\":\"INT64\",\"score\":\"FLOAT64\",\"embedding\":\"EMBEDDING\",\"img\":\"IMAGE\"}");

        CliRun q = run(
                "query", "SELECT n, text, embedding, img FROM docs WHERE n >= $1 ORDER BY n", "--param", "2", "--json");
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode rows = q.json();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("n", "text", "embedding", "img");
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("text").isNull()).isTrue();
        assertThat(rows.get(1).get("embedding").get(1).floatValue()).isEqualTo(0.6f);
        assertThat(Base64.getDecoder().decode(rows.get(1).get("img").asText())).containsExactly(0, 1);

        CliRun csv = run("query", "SELECT n, text FROM docs ORDER BY n", "--csv");
        assertThat(csv.out()).isEqualTo("n,text\n1,hello\n2,world\n3,\n");
        CliRun table = run("query", "SELECT n FROM docs ORDER BY n");
        assertThat(table.out()).isEqualTo("n\n-\n1\n2\n3\n(3 rows)\n");

        CliRun vec =
                run("query", "SELECT list_sum($1) AS s, $2 AS t", "--param", "[1, 2.5]", "--param", "\"x\"", "--json");
        assertThat(vec.json().get(0).get("s").asDouble()).isEqualTo(3.5);
        assertThat(vec.json().get(0).get("t").asText()).isEqualTo("x");

        CliRun dml = run("query", "UPDATE docs SET text = 'x' WHERE n = 1");
        assertThat(dml.out()).isEqualTo("OK (1 rows affected)\n");

        assertThat(run("drop", "docs").code()).isZero();
        assertThat(run("tables").out()).isEmpty();
        assertThat(run("drop", "docs", "--if-exists").code()).isZero();
    }

    @Test
    void lakebenchErrorsExitWithOneAndNameTheErrorClass() throws Exception {
        CliRun missing = run("query", "SELECT * FROM x");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("TableError: Table \"x\" does not exist");
        CliRun drop = run("drop", "x");
        assertThat(drop.code()).isEqualTo(1);
        assertThat(drop.err()).startsWith("TableError: Table \"x\" does not exist");
        CliRun schema = run("schema", "x");
        assertThat(schema.code()).isEqualTo(1);
        CliRun syntax = run("query", "SELEC 1");
        assertThat(syntax.err()).startsWith("QueryError: SQL syntax error");
        CliRun badFile =
                run("ingest", "t", "--columns", dir.resolve("nope.json").toString());
        assertThat(badFile.code()).isEqualTo(1);
        assertThat(badFile.err()).startsWith("IngestError: File not found: ");
        CliRun mismatch = run(
                "ingest",
                "t",
                "--columns",
                columns("{\"a\": [1, 2], \"b\": [1]}").toString());
        assertThat(mismatch.err()).startsWith("IngestError: All columns must have the same length");
        CliRun ws = run("--workspace", "nope", "tables");
        assertThat(ws.code()).isEqualTo(1);
        assertThat(ws.err()).startsWith("WorkspaceError: Workspace \"nope\" does not exist");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("bogus").code()).isEqualTo(2);
        assertThat(run("query").code()).isEqualTo(2);
        assertThat(run("query", "SELECT 1", "--json", "--csv").code()).isEqualTo(2);
        assertThat(run("ingest", "t").code()).isEqualTo(2);
        CliRun badParam = run("query", "SELECT $1", "--param", "not json");
        assertThat(badParam.code()).isEqualTo(2);
        assertThat(badParam.err()).contains("is not a JSON literal");
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void workspaces() throws Exception {
        assertThat(run("workspaces", "create", "research", "--name", "Research").code())
                .isZero();
        run("tables"); // opens (and so creates) the default workspace
        assertThat(run("workspaces").out()).isEqualTo("default\nresearch\tResearch\n");
        JsonNode list = run("workspaces", "--json").json();
        assertThat(list.get(1).get("id").asText()).isEqualTo("research");
        assertThat(list.get(1).get("name").asText()).isEqualTo("Research");
        CliRun again = run("workspaces", "create", "research");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("WorkspaceError: Workspace \"research\" already exists");
        assertThat(run("--workspace", "research", "tables").code()).isZero();
    }

    @Test
    void wideCharactersKeepTheTableAligned() {
        // Chinese and emoji take two terminal columns, a combining accent none: the bars stay under each other
        CliRun r = run(
                "query",
                "SELECT * FROM (VALUES ('世界', 1), ('ascii', 22), ('cafe\u0301 🙂', 3), (repeat('字', 40), 4)) t(名前, n)");
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(7);
        int bar = TextWidth.of(lines.get(0).substring(0, lines.get(0).indexOf('|')));
        for (String line : lines.subList(0, 6)) {
            int at = line.indexOf(line.startsWith("-") ? '+' : '|');
            assertThat(TextWidth.of(line.substring(0, at))).as(line).isEqualTo(bar);
        }
        assertThat(lines.get(0)).startsWith("名前 ");
        assertThat(lines.get(5)).startsWith("字".repeat(28) + "... | 4");
    }

    @Test
    void listsAndStructsInCsvAreJsonThatReadsBack() {
        // as text "[a,b, null]" a list of 'a,b' and NULL could not be told from one of 'a', 'b' and NULL
        CliRun r = run(
                "query", "SELECT ['a,b', NULL] AS l, {'k': 1, 's': 'x y'} AS s, [[1, 2], [3]] AS n", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("l,s,n\n\"[\"\"a,b\"\",null]\",\"{\"\"k\"\":1,\"\"s\"\":\"\"x y\"\"}\",\"[[1,2],[3]]\"\n");
    }

    @Test
    void tablesAndSchemaTakeEveryOutputFormat() {
        assertThat(run("query", "CREATE TABLE docs AS SELECT 1 AS id, 'x' AS \"my, text\"")
                        .code())
                .isZero();
        assertThat(run("tables", "--format", "table").out()).isEqualTo("docs\n");
        assertThat(run("tables", "--format", "json").out()).isEqualTo("[\"docs\"]\n");
        assertThat(run("tables", "--format", "csv").out()).isEqualTo("name\ndocs\n");
        assertThat(run("tables", "--format", "jsonl").out()).isEqualTo("{\"name\":\"docs\"}\n");
        assertThat(run("tables", "--long", "--format", "csv").out())
                .isEqualTo("name,rows,incomplete_files,incomplete_rows\ndocs,1,0,0\n");
        assertThat(run("tables", "--long", "--format", "jsonl").out())
                .isEqualTo("{\"name\":\"docs\",\"rows\":1,\"incomplete_files\":0,\"incomplete_rows\":0}\n");
        assertThat(run("schema", "docs", "--format", "csv").out())
                .isEqualTo("column,type\nid,INT32\n\"my, text\",TEXT\n");
        assertThat(run("schema", "docs", "--format", "jsonl").out())
                .isEqualTo("{\"column\":\"id\",\"type\":\"INT32\"}\n{\"column\":\"my, text\",\"type\":\"TEXT\"}\n");
        assertThat(run("schema", "docs", "--format", "json").out())
                .isEqualTo("{\"id\":\"INT32\",\"my, text\":\"TEXT\"}\n");
        assertThat(run("schema", "docs").out()).isEqualTo("id\tINT32\nmy, text\tTEXT\n");
        CliRun both = run("tables", "--json", "--format", "csv");
        assertThat(both.code()).isEqualTo(Cli.USAGE);
        assertThat(both.err()).startsWith("Error: --json and --format csv disagree");
    }

    @Test
    void tablesListsEveryTableAsSqlReadsItsNameBackAndSchemaTakesThatName() throws Exception {
        assertThat(run("query", "CREATE TABLE \"a,b\" (x INT)").code()).isZero();
        assertThat(run("query", "CREATE TABLE \"select\" (y INT)").code()).isZero();
        assertThat(run("query", "CREATE TABLE docs (z INT)").code()).isZero();
        // the SDK lists the same tables
        assertThat(run("tables", "--json").json().toString()).isEqualTo("[\"docs\",\"select\",\"a,b\"]");
        assertThat(run("tables").out()).isEqualTo("docs\n\"select\"\n\"a,b\"\n");
        assertThat(run("tables", "--long").out()).contains("\"a,b\"    | 0");
        // what tables prints can be pasted back into SQL and into schema
        assertThat(run("query", "SELECT count(*) AS n FROM \"a,b\"", "--csv").out())
                .isEqualTo("n\n0\n");
        assertThat(run("schema", "\"a,b\"").out()).isEqualTo("x\tINT32\n");
        assertThat(run("schema", "\"select\"").out()).isEqualTo("y\tINT32\n");
        assertThat(run("schema", "a,b").out()).isEqualTo("x\tINT32\n");
    }

    @Test
    void aTableNameQuotedAsTablesPrintsItWorksInEveryCommand() throws Exception {
        Path cols = Files.writeString(dir.resolve("c.json"), "{\"text\": [\"a\", \"b\"]}");
        assertThat(run("ingest", "\"MyT\"", "--columns", cols.toString()).code())
                .isZero();
        assertThat(run("tables").out()).isEqualTo("\"MyT\"\n");
        assertThat(run("index", "\"MyT\"", "text").code()).isZero();
        Path out = dir.resolve("out.csv");
        assertThat(run("export", "\"MyT\"", "--to", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).startsWith("text").contains("\na\n");
        assertThat(run("drop", "\"MyT\"").code()).isZero();
        assertThat(run("tables").out()).isEmpty();
    }

    @Test
    void theTableFormatShowsTheFirstHundredRowsAndCountsTheRestAsTheHelpSays() {
        CliRun table = run("query", "SELECT range AS n, repeat('x', 70) AS long FROM range(150)");
        assertThat(table.out().lines().toList()).hasSize(103).last().isEqualTo("(150 rows, 100 shown)");
        assertThat(table.out()).contains("x".repeat(57) + "...").doesNotContain("x".repeat(58));
        assertThat(run("query", "SELECT range AS n FROM range(150)", "--format", "csv")
                        .out()
                        .lines())
                .hasSize(151);
        assertThat(run("query", "--help").out()).contains("first 100 rows");
    }
}
