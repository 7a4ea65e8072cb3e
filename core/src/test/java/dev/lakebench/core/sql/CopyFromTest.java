package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's {@code COPY t FROM 'file'} into a Lakebench table: CSV with a header, the text format, a column
 * list, and the SQL sandbox (a file outside the directories opened with --allow-files is refused, nothing stored).
 */
class CopyFromTest {

    @TempDir
    Path dir;

    @Test
    void csvWithHeaderLandsInTheTable() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path csv = Files.writeString(files.resolve("items.csv"), "id,name,price\n1,\"tea, green\",2.50\n2,,3\n");
        try (Client client = Client.local(dir.resolve("data"), "default", List.of(files))) {
            client.query("CREATE TABLE items (id int, name text, price numeric(6, 2)) USING deeplake");
            List<Row> out = client.query("COPY items FROM '" + csv + "' WITH (FORMAT csv, HEADER)");
            assertThat(out).isNotNull();
            List<Row> rows = client.query("SELECT id, name, price FROM items ORDER BY id");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("name")).isEqualTo("tea, green");
            assertThat(rows.get(0).get("price").toString()).isEqualTo("2.50");
            assertThat(rows.get(1).get("name")).isNull();
        }
    }

    @Test
    void textFormatAndAColumnList() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path tsv = Files.writeString(files.resolve("items.tsv"), "ann\t7\nbob\t\\N\n");
        try (Client client = Client.local(dir.resolve("data"), "default", List.of(files))) {
            client.query("CREATE TABLE people (id SERIAL PRIMARY KEY, name text, age int) USING deeplake");
            client.query("COPY people (name, age) FROM '" + tsv + "'");
            List<Row> rows = client.query("SELECT id, name, age FROM people ORDER BY id");
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("ann", "bob");
            assertThat(rows).extracting(r -> r.get("age")).containsExactly(7L, null);
            assertThat(rows).extracting(r -> r.get("id")).containsExactly(1L, 2L);
        }
    }

    @Test
    void arrayColumnsReadPostgresArrayText() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        // as PostgreSQL's COPY TO writes them: CSV quotes the field, the text format leaves it as it is
        Path csv = Files.writeString(
                files.resolve("items.csv"),
                "id,tags,xs\n1,\"{a,\"\"b c\"\",NULL,\"\"x\\\"\"y\"\"}\",\"{1,2}\"\n2,{},\n");
        Path tsv = Files.writeString(files.resolve("items.tsv"), "{3, NULL}\t3\n");
        try (Client client = Client.local(dir.resolve("data"), "default", List.of(files))) {
            client.query("CREATE TABLE items (id int, tags text[], xs int[]) USING deeplake");
            client.query("COPY items FROM '" + csv + "' WITH (FORMAT csv, HEADER)");
            client.query("COPY items (xs, id) FROM '" + tsv + "'");
            List<Row> rows = client.query("SELECT id, tags, xs FROM items ORDER BY id");
            assertThat(rows)
                    .extracting(r -> r.get("tags"))
                    .containsExactly(java.util.Arrays.asList("a", "b c", null, "x\"y"), List.of(), null);
            assertThat(rows)
                    .extracting(r -> r.get("xs"))
                    .containsExactly(List.of(1L, 2L), null, java.util.Arrays.asList(3L, null));
            Path bad = Files.writeString(files.resolve("bad.tsv"), "4\tabc\n");
            assertThatThrownBy(() -> client.query("COPY items (id, tags) FROM '" + bad + "'"))
                    .hasMessageContaining("malformed array literal: \"abc\"");
        }
    }

    @Test
    void aFileOutsideTheAllowedDirectoriesIsRefused() throws Exception {
        Path csv = Files.writeString(dir.resolve("secret.csv"), "id\n1\n");
        try (Client client = Client.local(dir.resolve("data"))) {
            client.query("CREATE TABLE t (id int) USING deeplake");
            assertThatThrownBy(() -> client.query("COPY t FROM '" + csv + "' WITH (FORMAT csv, HEADER)"))
                    .hasMessageContaining("--allow-files");
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void copyFromStdinSaysWhatToWriteInstead() {
        try (Client client = Client.local(dir.resolve("data"))) {
            client.query("CREATE TABLE t (id int) USING deeplake");
            assertThatThrownBy(() -> client.query("COPY t FROM STDIN"))
                    .hasMessageContaining("is not supported by the local engine")
                    .hasMessageContaining("COPY t FROM '");
        }
    }
}
