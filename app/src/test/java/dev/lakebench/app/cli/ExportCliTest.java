package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.testing.LazyList;
import dev.lakebench.natives.engine.EngineSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakebench export}: a table or a query to each format, the error cases, help, and a cancel by signal. */
class ExportCliTest {

    @TempDir
    Path dir;

    Path data;

    @BeforeEach
    void seed() {
        data = dir.resolve("lb");
        try (Client c = Client.local(data)) {
            Map<String, List<?>> d = new LinkedHashMap<>();
            d.put("id", new LazyList<>(1000, i -> (long) i));
            d.put("caption", new LazyList<>(1000, i -> "caption " + i));
            d.put("image", new LazyList<>(1000, i -> new byte[] {(byte) i, 1, 2}));
            c.ingest("images", d);
        }
    }

    static List<Object> read(String sql) throws Exception {
        try (EngineSession engine = EngineSession.inMemory();
                Connection c = engine.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            List<Object> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getObject(i));
            }
            return out;
        }
    }

    @Test
    void aCsvExportWritesEachValueAsQueryCsvPrintsIt() throws Exception {
        String sql = "SELECT id, ['a,b', NULL] AS l, {'k': 1, 's': 'x y'} AS s, [[1.5, 2], [3]] AS n,"
                + " image FROM images WHERE id < 3 ORDER BY id";
        CliRun q = CliRun.of(data, "query", sql, "--csv");
        assertThat(q.code()).as(q.err()).isZero();
        Path csv = dir.resolve("nested.csv");
        CliRun r = CliRun.of(data, "export", "--query", sql, "--to", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(q.out());
        assertThat(q.out().lines().toList().get(1)).startsWith("0,\"[\"\"a,b\"\",null]\",\"{\"\"k\"\":1,");
    }

    @Test
    void aTableOrAQueryGoesToEachFormat() throws Exception {
        Path parquet = dir.resolve("images.parquet");
        CliRun r = CliRun.of(data, "export", "images", "--to", parquet.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("Exported 1,000 rows to " + parquet + " (parquet)");
        assertThat(read("SELECT count(*), sum(id), min(octet_length(image)) FROM read_parquet('" + parquet + "')"))
                .containsExactly(1000L, java.math.BigInteger.valueOf(499_500), 3L);

        Path csv = dir.resolve("top.csv");
        r = CliRun.of(
                data,
                "export",
                "--query",
                "SELECT id, caption, image FROM images WHERE id < 10",
                "--to",
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(read("SELECT count(*), max(caption), hex(min(from_base64(image))) FROM read_csv('" + csv + "')"))
                .containsExactly(10L, "caption 9", "000102");

        Path jsonl = dir.resolve("rows.out");
        r = CliRun.of(data, "export", "images", "--to", jsonl.toString(), "--format", "jsonl");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(read("SELECT count(*) FROM read_json('" + jsonl + "', format = 'newline_delimited')"))
                .containsExactly(1000L);

        Path arrow = dir.resolve("images.arrow");
        r = CliRun.of(data, "export", "images", "--to", arrow.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(arrow)");
        assertThat(new String(Files.readAllBytes(arrow), 0, 6, StandardCharsets.US_ASCII))
                .isEqualTo("ARROW1");
    }

    @Test
    void anExistingFileNeedsForce() throws Exception {
        Path file = dir.resolve("images.csv");
        Files.writeString(file, "keep me");
        CliRun r = CliRun.of(data, "export", "images", "--to", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + " exists: add --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        r = CliRun.of(data, "export", "images", "--to", file.toString(), "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(1001).first().isEqualTo("id,caption,image");
    }

    @Test
    void badRequestsAreOneLineErrors() {
        CliRun r = CliRun.of(
                data, "export", "images", "--to", dir.resolve("x.xlsx").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot tell the export format from the file name x.xlsx", "--format");

        r = CliRun.of(data, "export", "images", "--to", dir.resolve("x.csv").toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown export format 'xml': give --format parquet|csv|jsonl|arrow");

        r = CliRun.of(data, "export", "--to", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("name a TABLE or give --query SQL");

        r = CliRun.of(
                data,
                "export",
                "--query",
                "DELETE FROM images",
                "--to",
                dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--query takes one SELECT statement");

        r = CliRun.of(data, "export", "nope", "--to", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void theQueryStaysInsideTheSqlSandbox() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path file = dir.resolve("leak.csv");
        CliRun r = CliRun.of(
                data, "export", "--query", "SELECT content FROM read_text('" + secret + "')", "--to", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(file).doesNotExist();
        // and the workspace engine still refuses to write files itself
        r = CliRun.of(data, "query", "COPY (SELECT 1) TO '" + dir.resolve("x.csv") + "'");
        assertThat(r.code()).isNotZero();
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void helpNamesTheOptions() {
        for (String[] args : List.of(new String[] {"help", "export"}, new String[] {"export", "--help"})) {
            CliRun r = CliRun.of(data, args);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("--to=PATH", "--query=SQL", "--format=FORMAT", "--force", "base64");
        }
        assertThat(CliRun.of(data, "--help").out()).contains("export");
    }

    @Test
    void aSignalCancelsTheExportAndLeavesNoFile() throws Exception {
        Path file = dir.resolve("big.parquet");
        // SIGTERM runs the same hook as Ctrl+C
        String seen = CliProcess.signalAfterLine(
                "exporting:",
                "TERM",
                "--data-dir",
                data.toString(),
                "export",
                "--query",
                "SELECT i.id, i.caption, r.range AS k FROM images i, range(20000) r",
                "--to",
                file.toString());
        assertThat(seen).contains("Export cancelled: no file was written");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("big.parquet.part")).doesNotExist();
    }
}
