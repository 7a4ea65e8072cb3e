package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE on Lakebench tables: the catalog, the data, indexes and constraints follow, and survive a reopen. */
class AlterTableTest {

    @TempDir
    Path dir;

    @Test
    void addedColumnsAreCatalogColumnsWithTheirDomainTypes() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE media (id int, caption text) USING deeplake");
            client.query("INSERT INTO media VALUES (1, 'a')");
            client.query(
                    "ALTER TABLE media ADD COLUMN picture IMAGE, ADD COLUMN emb EMBEDDING, ADD COLUMN n int NOT NULL DEFAULT 7");
            client.query("UPDATE media SET picture = decode('89504e47', 'hex')::IMAGE, emb = ARRAY[1, 2]::float4[]");
            client.query("INSERT INTO media (id, caption) VALUES (2, 'b')");
        }
        try (Client client = Client.local(dir)) {
            var schema = client.describeTable("media").schema();
            assertThat(schema.column("picture").orElseThrow().type()).isEqualTo(ColumnType.IMAGE);
            assertThat(schema.column("emb").orElseThrow().type()).isEqualTo(ColumnType.EMBEDDING);
            List<Row> rows = client.query("SELECT id, picture, emb, n FROM media ORDER BY id");
            assertThat((byte[]) rows.get(0).get("picture")).containsExactly(0x89, 0x50, 0x4e, 0x47);
            assertThat((float[]) rows.get(0).get("emb")).containsExactly(1f, 2f);
            assertThat(rows).extracting(r -> r.get("n")).containsExactly(7L, 7L);
            assertThatThrownBy(() -> client.query("INSERT INTO media (id, n) VALUES (3, NULL)"))
                    .hasMessageContaining("violates not-null constraint");
        }
    }

    @Test
    void fileColumnsHoldBytesInATableDefinition() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE docs (id int, f FILE) USING deeplake");
            client.query("INSERT INTO docs VALUES (1, decode('0102', 'hex'))");
            assertThat((byte[]) client.query("SELECT f FROM docs").get(0).get("f"))
                    .containsExactly(1, 2);
        }
    }

    @Test
    void droppingAnIndexedColumnDropsItsIndex() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE d (id int, body text, tag text) USING deeplake");
            client.query("INSERT INTO d VALUES (1, 'red apple', 'x'), (2, 'green pear', 'y')");
            client.query("CREATE INDEX d_body ON d USING deeplake_index (body)");
            client.query("CREATE INDEX d_tag ON d USING deeplake_index (tag) WITH (index_type = 'exact_text')");
            client.query("ALTER TABLE d DROP COLUMN body");
            assertThat(client.describeTable("d").indexes())
                    .extracting(i -> i.name())
                    .containsExactly("d_tag");
            assertThat(client.query("SELECT id FROM d WHERE tag = 'y'"))
                    .extracting(r -> r.get("id"))
                    .containsExactly(2L);
            assertThatThrownBy(() -> client.query("ALTER TABLE d RENAME COLUMN tag TO label"))
                    .isInstanceOf(QueryError.class)
                    .hasMessageContaining("is not supported by the local engine");
        }
    }

    @Test
    void aRenamedTableKeepsItsRowsKeysAndSerials() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE a (id SERIAL PRIMARY KEY, name text UNIQUE, emb float4[]) USING deeplake");
            client.query("INSERT INTO a (name, emb) VALUES ('x', ARRAY[1, 0]::float4[]), ('y', ARRAY[0, 1]::float4[])");
            client.query("ALTER TABLE a RENAME TO b");
            client.query("INSERT INTO b (name, emb) VALUES ('z', ARRAY[1, 1]::float4[])");
            assertThat(client.listTables()).contains("b").doesNotContain("a");
            assertThatThrownBy(() -> client.query("INSERT INTO b (name) VALUES ('x')"))
                    .hasMessageContaining("duplicate key value violates unique constraint");
            client.query("CREATE TABLE a (id int) USING deeplake");
        }
        try (Client client = Client.local(dir)) {
            List<Row> rows = client.query("SELECT id, name, emb FROM b ORDER BY id");
            assertThat(rows).extracting(r -> r.get("id")).containsExactly(1L, 2L, 3L);
            assertThat((float[]) rows.get(2).get("emb")).containsExactly(1f, 1f);
            assertThat(client.query("SELECT count(*) FROM a").get(0).get("count"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void unsupportedActionsSayWhatToDoInstead() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int) USING deeplake");
            assertThatThrownBy(() -> client.query("ALTER TABLE t ALTER COLUMN id TYPE bigint"))
                    .hasMessageContaining("ALTER TABLE t ALTER COLUMN is not supported by the local engine")
                    .hasMessageContaining("add a new column");
            assertThatThrownBy(() -> client.query("ALTER TABLE t ADD CONSTRAINT c UNIQUE (id)"))
                    .hasMessageContaining("is not supported by the local engine");
        }
    }

    @Test
    void alterColumnChangesDefaultsAndNotNull() {
        try (Client client = Client.local(dir)) {
            client.query(
                    "CREATE TABLE u (id serial PRIMARY KEY, email text UNIQUE, age int, emb float4[]) USING deeplake");
            client.query("INSERT INTO u (email) VALUES ('a')");
            client.query("ALTER TABLE u ALTER COLUMN age SET DEFAULT 18, ALTER email SET NOT NULL");
            client.query("INSERT INTO u (email, emb) VALUES ('b', ARRAY[1, 0]::float4[])");
            assertThat(client.query("SELECT email, age FROM u ORDER BY id"))
                    .extracting(r -> r.get("email") + "/" + r.get("age"))
                    .containsExactly("a/null", "b/18");
            assertThatThrownBy(() -> client.query("INSERT INTO u (age) VALUES (1)"))
                    .hasMessageContaining(
                            "null value in column \"email\" of relation \"u\" violates not-null constraint");
            assertThatThrownBy(() -> client.query("INSERT INTO u (email) VALUES ('a')"))
                    .hasMessageContaining("duplicate key value violates unique constraint");
            client.query("ALTER TABLE u ALTER COLUMN age DROP DEFAULT");
            client.query("ALTER TABLE u ALTER COLUMN email DROP NOT NULL");
            client.query("INSERT INTO u (emb) VALUES (ARRAY[0, 1]::float4[])");
            assertThat(client.query("SELECT email, age FROM u WHERE email IS NULL"))
                    .extracting(r -> r.get("email") + "/" + r.get("age"))
                    .containsExactly("null/null");
            assertThatThrownBy(() -> client.query("ALTER TABLE u ALTER COLUMN nope SET DEFAULT 1"))
                    .hasMessageContaining("column \"nope\" of relation \"u\" does not exist");
        }
        try (Client client = Client.local(dir)) {
            assertThat(client.query("SELECT count(*) FROM u").get(0).get("count"))
                    .isEqualTo(3L);
            assertThat((float[]) client.query("SELECT emb FROM u WHERE id = 2")
                            .get(0)
                            .get("emb"))
                    .containsExactly(1f, 0f);
        }
    }
}
