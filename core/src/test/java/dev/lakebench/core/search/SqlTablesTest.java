package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables made and filled through SQL: pg_deeplake DDL, vector writes, CTAS, and ordinary SQL around them. */
class SqlTablesTest {

    static final String PNG_HEX = "89504e470d0a1a0a";

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        client.query(
                "CREATE TABLE media (id SERIAL PRIMARY KEY, emb float4[], patches float4[][], raw bytea, caption text,"
                        + " pic IMAGE, clip VIDEO, sized REAL[4], n INT DEFAULT 7 NOT NULL) USING deeplake");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void createTableMakesALakebenchTable() {
        TableInfo info = client.describeTable("media");
        assertThat(info.schema().names())
                .containsExactly("id", "emb", "patches", "raw", "caption", "pic", "clip", "sized", "n");
        assertThat(info.schema().columns())
                .extracting(c -> c.type())
                .containsExactly(
                        ColumnType.INT32, // SERIAL is PostgreSQL's integer
                        ColumnType.EMBEDDING,
                        ColumnType.EMBEDDING_2D,
                        ColumnType.BINARY,
                        ColumnType.TEXT,
                        ColumnType.IMAGE,
                        ColumnType.VIDEO,
                        ColumnType.EMBEDDING,
                        ColumnType.INT32);
        assertThat(info.schema().column("sized").orElseThrow().dimension()).isEqualTo(4);
        assertThat(info.schema().column("emb").orElseThrow().dimension()).isZero();
        assertThat(client.listTables()).containsExactly("media");
        assertThatThrownBy(() -> client.query("CREATE TABLE media (x text) USING deeplake"))
                .isInstanceOf(TableError.class)
                .hasMessageContaining("Table \"media\" already exists");
        client.query("CREATE TABLE IF NOT EXISTS media (x text) USING deeplake");
        assertThat(client.describeTable("media").schema().size()).isEqualTo(9);
    }

    @Test
    void insertsWriteVectorsBytesAndSerials() {
        float[] a = {1, 2, 3};
        client.query(
                "INSERT INTO media (emb, patches, caption, pic) VALUES ($1, $2, 'first', decode($3, 'hex')::IMAGE)",
                a,
                new float[][] {{1, 0}, {0, 1}},
                PNG_HEX);
        client.query(
                "INSERT INTO media (emb, caption, raw) VALUES (ARRAY[0.5, -1, 2]::FLOAT4[], 'second', '\\x0102'::bytea)");
        client.query("INSERT INTO media (caption) VALUES ('no vector')");
        List<Row> rows = client.query("SELECT * FROM media ORDER BY id");
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(1L, 2L, 3L);
        assertThat(rows).extracting(r -> r.get("n")).containsExactly(7L, 7L, 7L);
        assertThat((float[]) rows.get(0).get("emb")).containsExactly(1, 2, 3);
        assertThat((float[][]) rows.get(0).get("patches")).isDeepEqualTo(new float[][] {{1, 0}, {0, 1}});
        assertThat((byte[]) rows.get(0).get("pic"))
                .containsExactly(HexFormat.of().parseHex(PNG_HEX));
        assertThat((float[]) rows.get(1).get("emb")).containsExactly(0.5f, -1f, 2f);
        assertThat(rows.get(2).get("emb")).isNull();
        // the first vector gave the column its size
        assertThat(client.describeTable("media")
                        .schema()
                        .column("emb")
                        .orElseThrow()
                        .dimension())
                .isEqualTo(3);
        assertThatThrownBy(() -> client.query("INSERT INTO media (emb) VALUES ($1)", (Object) new float[] {1, 2}))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining(
                        "Column \"emb\" of table \"media\" holds 3-dimensional embeddings, got a vector of 2 values");
        assertThatThrownBy(() -> client.query("INSERT INTO media (sized) VALUES (ARRAY[1, 2]::FLOAT4[])"))
                .hasMessageContaining("holds 4-dimensional embeddings");
        // a failed write leaves nothing behind
        assertThat(client.query("SELECT count(*) AS n FROM media").get(0).get("n"))
                .isEqualTo(3L);
        // and searching works on the SQL-made table
        Row best = client.query("SELECT id, emb <#> $1 AS score FROM media ORDER BY score DESC LIMIT 1", (Object)
                        new float[] {1, 2, 3.1f})
                .get(0);
        assertThat(best.get("id")).isEqualTo(1L);
    }

    @Test
    void updatesAppendNewVectors() {
        client.query(
                "INSERT INTO media (emb, caption) VALUES ($1, 'x'), ($2, 'y')",
                new float[] {1, 0, 0},
                new float[] {0, 1, 0});
        client.query("UPDATE media SET emb = $1, caption = upper(caption) WHERE caption = 'x'", (Object)
                new float[] {0, 0, 9});
        client.query("UPDATE media SET emb = NULL WHERE caption = 'y'");
        List<Row> rows = client.query("SELECT caption, emb FROM media ORDER BY id");
        assertThat((float[]) rows.get(0).get("emb")).containsExactly(0, 0, 9);
        assertThat(rows.get(0).get("caption")).isEqualTo("X");
        assertThat(rows.get(1).get("emb")).isNull();
        assertThat(client.query("SELECT caption FROM media WHERE emb IS NULL"))
                .extracting(r -> r.get("caption"))
                .containsExactly("y");
    }

    @Test
    void createTableAsCopiesVectorsIntoItsOwnLogs() {
        client.query(
                "INSERT INTO media (emb, patches, caption) VALUES ($1, $2, 'a'), ($3, NULL, 'b')",
                new float[] {1, 1, 0},
                new float[][] {{1, 2}},
                new float[] {0, 1, 1});
        client.query(
                "CREATE TABLE copy AS SELECT id AS source_id, emb, patches, caption, emb <#> $1 AS score FROM media WHERE caption @> 'a'",
                (Object) new float[] {1, 1, 0});
        TableInfo info = client.describeTable("copy");
        assertThat(info.schema().column("emb").orElseThrow().type()).isEqualTo(ColumnType.EMBEDDING);
        assertThat(info.schema().column("emb").orElseThrow().dimension()).isEqualTo(3);
        assertThat(info.schema().column("patches").orElseThrow().type()).isEqualTo(ColumnType.EMBEDDING_2D);
        assertThat(info.rowCount()).isEqualTo(1);
        client.dropTable("media");
        Row r = client.query("SELECT * FROM copy").get(0);
        assertThat((float[]) r.get("emb")).containsExactly(1, 1, 0);
        assertThat((float[][]) r.get("patches")).isDeepEqualTo(new float[][] {{1, 2}});
        assertThat((Double) r.get("score")).isCloseTo(1.0, within(1e-6));
        // INSERT ... SELECT from another table copies too
        client.query("CREATE TABLE other (v float4[], label text) USING deeplake");
        client.query("INSERT INTO other (v, label) SELECT emb, caption FROM copy");
        client.dropTable("copy");
        assertThat((float[]) client.query("SELECT v FROM other").get(0).get("v"))
                .containsExactly(1, 1, 0);
    }

    @Test
    void ordinarySqlKeepsWorking() {
        client.query(
                "INSERT INTO media (emb, caption, n) VALUES ($1, 'a', 1), ($2, 'b', 2), ($3, 'c', 2)",
                new float[] {1, 0, 0},
                new float[] {0, 1, 0},
                new float[] {1, 1, 0});
        client.query("CREATE TABLE tags (media_id BIGINT, tag TEXT) USING deeplake");
        client.query("INSERT INTO tags VALUES (1, 'red'), (2, 'blue'), (3, 'red')");
        List<Row> joined = client.query(
                "SELECT t.tag, count(*) AS n, max(m.emb <#> $1) AS best FROM media m JOIN tags t ON t.media_id = m.id"
                        + " GROUP BY t.tag ORDER BY t.tag",
                (Object) new float[] {1, 0, 0});
        assertThat(joined).extracting(r -> r.get("tag")).containsExactly("blue", "red");
        assertThat(joined).extracting(r -> r.get("n")).containsExactly(1L, 2L);
        assertThat((Double) joined.get(1).get("best")).isCloseTo(1.0, within(1e-6));
        List<Row> cte =
                client.query("WITH two AS (SELECT * FROM media WHERE n = 2) SELECT caption FROM two ORDER BY caption");
        assertThat(cte).extracting(r -> r.get("caption")).containsExactly("b", "c");
        assertThat(client.execute(dev.lakebench.core.client.QueryRequest.of("DELETE FROM media WHERE n = 2"))
                        .updateCount())
                .isEqualTo(2);
        assertThat(client.query("SELECT count(*) AS c FROM media").get(0).get("c"))
                .isEqualTo(1L);
        client.query("BEGIN; INSERT INTO media (emb, caption) VALUES ($1, 'in a transaction'); COMMIT;", (Object)
                new float[] {0, 0, 1});
        assertThat(client.query("SELECT count(*) AS c FROM media").get(0).get("c"))
                .isEqualTo(2L);
        client.query("BEGIN; INSERT INTO media (emb, caption) VALUES ($1, 'rolled back'); ROLLBACK;", (Object)
                new float[] {0, 0, 1});
        assertThat(client.query("SELECT caption FROM media ORDER BY id"))
                .extracting(r -> r.get("caption"))
                .containsExactly("a", "in a transaction");
    }

    @Test
    void explainTellsHowTheSearchRuns() {
        client.query("INSERT INTO media (emb, caption) VALUES ($1, 'a')", (Object) new float[] {1, 0, 0});
        List<Row> plan = client.query(
                "EXPLAIN SELECT id, emb <#> $1 AS s FROM media WHERE caption @> 'a' ORDER BY s DESC LIMIT 5",
                (Object) new float[] {1, 0, 0});
        String text = plan.stream()
                .map(r -> r.get("explain_key") + ": " + r.get("explain_value"))
                .reduce("", (x, y) -> x + "\n" + y);
        assertThat(text)
                .contains("top-k search: emb <#> $1 on table \"media\"")
                .contains("\"media\".\"emb\": exact cosine scan of the vector log")
                .contains("filter: WHERE")
                .contains("physical_plan");
        String plain = client.query("EXPLAIN SELECT * FROM media").toString();
        assertThat(plain).contains("no search operators");
    }

    @Test
    void badDdlIsRejectedClearly() {
        assertThatThrownBy(() -> client.query("CREATE TABLE x (a text, CHECK (a <> '')) USING deeplake"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("keeps no table constraints");
        assertThatThrownBy(() -> client.query("CREATE TABLE x (a text) USING heap"))
                .hasMessageContaining("access method \"heap\"");
        assertThat(client.listTables()).containsExactly("media");
        // pg_deeplake's FILE is a bytea domain: in a table definition it holds bytes
        client.query("CREATE TABLE files_x (f FILE) USING deeplake");
        assertThat(client.describeTable("files_x")
                        .schema()
                        .column("f")
                        .orElseThrow()
                        .type())
                .isEqualTo(dev.lakebench.core.schema.ColumnType.BINARY);
    }

    @Test
    void jsonAndJsonbColumnsKeepTheirDeclaredTypeAndHoldDocuments() {
        client.query("CREATE TABLE docs (id int, j jsonb, js json)");
        client.query("INSERT INTO docs VALUES (1, '{\"b\":1,  \"a\":{\"c\":\"x\"}}', '{\"a\": 1}')");
        client.close();
        client = Client.local(dir); // the declared types come back from the catalog
        var schema = client.describeTable("docs").schema();
        assertThat(schema.columns())
                .extracting(c -> c.type())
                .containsExactly(ColumnType.INT32, ColumnType.TEXT, ColumnType.TEXT);
        assertThat(schema.columns()).extracting(c -> c.typeName()).containsExactly("INT32", "JSONB", "JSON");
        Row r = client.query("SELECT j, jsonb_build_object('doc', j) AS o, pg_typeof(j) AS t FROM docs")
                .get(0);
        assertThat(r.get("j")).isEqualTo("{\"a\": {\"c\": \"x\"}, \"b\": 1}");
        assertThat(r.get("o")).isEqualTo("{\"doc\": {\"a\": {\"c\": \"x\"}, \"b\": 1}}");
        assertThat(r.get("t")).isEqualTo("jsonb");
        assertThatThrownBy(() -> client.query("INSERT INTO docs VALUES (2, 'not json', NULL)"))
                .isInstanceOf(QueryError.class);
    }

    @Test
    void createTableAsKeepsJsonbColumnsJsonb() {
        client.query("CREATE TABLE docs (id int, j jsonb, js json)");
        client.query("INSERT INTO docs VALUES (1, '{\"b\":1,  \"a\":{\"c\":\"x\"}}', '{\"a\": 1}')");
        client.query("CREATE TABLE star AS SELECT * FROM docs");
        client.query("CREATE TABLE picked AS SELECT d.j AS doc, j -> 'a' AS a, jsonb_build_object('k', id) AS o,"
                + " js, id FROM docs d");
        assertThat(client.describeTable("star").schema().columns())
                .extracting(c -> c.typeName())
                .containsExactly("INT32", "JSONB", "JSON");
        assertThat(client.describeTable("picked").schema().columns())
                .extracting(c -> c.typeName())
                .containsExactly("JSONB", "JSONB", "JSONB", "JSON", "INT32");
        client.query("INSERT INTO picked (doc) VALUES ('{\"zz\":1,\"a\":2}')");
        assertThat(client.query("SELECT doc, pg_typeof(doc) AS t FROM picked ORDER BY id"))
                .extracting(r -> r.get("doc") + " " + r.get("t"))
                .containsExactly("{\"a\": {\"c\": \"x\"}, \"b\": 1} jsonb", "{\"a\": 2, \"zz\": 1} jsonb");
    }

    @Test
    void anIngestIntoAJsonColumnChecksItsValuesAsInsertDoes() {
        client.query("CREATE TABLE docs (id int, j jsonb)");
        Map<String, List<?>> good = new LinkedHashMap<>();
        good.put("id", List.of(1, 2));
        good.put("j", List.of("{\"b\": 1, \"a\": 2}", "{\"q\": [1,2]}"));
        client.ingest("docs", good);
        Map<String, List<?>> bad = new LinkedHashMap<>();
        bad.put("id", List.of(3));
        bad.put("j", List.of("not json"));
        assertThatThrownBy(() -> client.ingest("docs", bad))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Column \"j\" (JSONB)")
                .hasMessageContaining("not JSON");
        // nothing of the refused batch is stored, and the table still reads
        assertThat(client.query("SELECT id, j FROM docs ORDER BY id"))
                .extracting(r -> r.get("j"))
                .containsExactly("{\"a\": 2, \"b\": 1}", "{\"q\": [1, 2]}");
    }

    @Test
    void anIngestIntoAJsonColumnTakesMapsAndListsAsTheirJson() {
        client.query("CREATE TABLE meta (id int, j jsonb, k json)");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "cat \"tom\"");
        doc.put("tags", List.of("a", "b"));
        doc.put("size", 2.5);
        doc.put("none", null);
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", List.of(1, 2, 3));
        data.put("j", java.util.Arrays.asList(doc, List.of(1, true, "x"), null));
        data.put("k", List.of(Map.of("z", 1), List.of(), 7));
        client.ingest("meta", data);
        assertThat(client.query("SELECT id, j, k, j->>'name' AS name, jsonb_typeof(j) AS t FROM meta ORDER BY id"))
                .extracting(r -> r.get("j"), r -> r.get("k"), r -> r.get("name"), r -> r.get("t"))
                .containsExactly(
                        tuple(
                                "{\"name\": \"cat \\\"tom\\\"\", \"none\": null, \"size\": 2.5, \"tags\": [\"a\", \"b\"]}",
                                "{\"z\":1}",
                                "cat \"tom\"",
                                "object"),
                        tuple("[1, true, \"x\"]", "[]", null, "array"),
                        tuple(null, "7", null, null));
    }

    @Test
    void anIngestOfAValueJsonCannotHoldNamesTheValue() {
        client.query("CREATE TABLE meta2 (id int, j jsonb)");
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", List.of(1));
        data.put("j", List.of(Map.of("at", new Object())));
        assertThatThrownBy(() -> client.ingest("meta2", data))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Column \"j\" (JSONB)")
                .hasMessageContaining("row 0")
                .hasMessageContaining("java.lang.Object");
        Map<String, List<?>> nan = new LinkedHashMap<>();
        nan.put("id", List.of(2));
        nan.put("j", List.of(List.of(Double.NaN)));
        assertThatThrownBy(() -> client.ingest("meta2", nan))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("NaN");
        assertThat(client.query("SELECT count(*) AS n FROM meta2").get(0).get("n"))
                .isEqualTo(0L);
    }

    @Test
    void plainCreateTableWithoutUsingIsALakebenchTableToo() {
        client.query("CREATE TABLE notes (id BIGINT, body VARCHAR(200), at TIMESTAMP)");
        assertThat(client.listTables()).contains("notes");
        client.query("INSERT INTO notes VALUES (1, 'hello', TIMESTAMP '2024-01-02 03:04:05')");
        assertThat(client.describeTable("notes")
                        .schema()
                        .column("at")
                        .orElseThrow()
                        .typeName())
                .isEqualTo("TIMESTAMP");
        assertThat(client.query("SELECT body FROM notes").get(0).get("body")).isEqualTo("hello");
        client.query("DROP TABLE notes");
        assertThat(client.listTables()).doesNotContain("notes");
        // recreating reuses nothing stale (SERIAL sequences are dropped with the table)
        client.query("DROP TABLE media");
        client.query("CREATE TABLE media (id SERIAL, caption text) USING deeplake");
        client.query("INSERT INTO media (caption) VALUES ('again')");
        assertThat(client.query("SELECT id FROM media").get(0).get("id")).isEqualTo(1L);
        assertThat(Map.of()).isEmpty();
    }
}
