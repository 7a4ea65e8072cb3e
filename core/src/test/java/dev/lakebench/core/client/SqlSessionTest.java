package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session keeps its connection between calls: a transaction spans them, as in psql. */
class SqlSessionTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        client.query("CREATE TABLE items (id int, name text, emb float4[]) USING deeplake");
        client.query("INSERT INTO items VALUES (1, 'a', ARRAY[1,0,0]), (2, 'b', ARRAY[0,1,0])");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private long count(String where) {
        return client.query("SELECT count(*) AS n FROM items WHERE " + where)
                .get(0)
                .getLong("n");
    }

    @Test
    void aRollbackInALaterCallUndoesTheCallsBefore() {
        try (SqlSession s = client.session()) {
            s.query("BEGIN");
            assertThat(s.inTransaction()).isTrue();
            s.query("UPDATE items SET name = 'changed' WHERE id = 1");
            s.query("INSERT INTO items VALUES (3, 'c', ARRAY[0,0,1])");
            // the session sees its own writes, streamed or not; other connections do not
            assertThat(s.query("SELECT name FROM items WHERE id = 1").get(0).get("name"))
                    .isEqualTo("changed");
            try (RowCursor c = s.stream(QueryRequest.of("SELECT id FROM items ORDER BY id"))) {
                assertThat(c).toIterable().extracting(r -> r.get("id")).containsExactly(1L, 2L, 3L);
            }
            assertThat(count("name = 'changed'")).isZero();
            s.query("ROLLBACK");
            assertThat(s.inTransaction()).isFalse();
        }
        assertThat(count("true")).isEqualTo(2);
        assertThat(count("name = 'a'")).isEqualTo(1);
        // the vector search sees neither the rolled-back row nor a stale one
        List<Row> top =
                client.query("SELECT id, emb <#> ARRAY[0,0,1]::float4[] AS s FROM items ORDER BY s DESC LIMIT 5");
        assertThat(top).extracting(r -> r.get("id")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void aCommitInALaterCallKeepsTheirWrites() {
        try (SqlSession s = client.session()) {
            s.query("BEGIN");
            s.query("INSERT INTO items VALUES (3, 'c', ARRAY[0,0,1])");
            s.query("COMMIT");
        }
        assertThat(count("true")).isEqualTo(3);
        List<Row> top =
                client.query("SELECT id, emb <#> ARRAY[0,0,1]::float4[] AS s FROM items ORDER BY s DESC LIMIT 1");
        assertThat(top.get(0).get("id")).isEqualTo(3L);
    }

    @Test
    void closingRollsBackWhatWasLeftOpen() {
        SqlSession s = client.session();
        s.query("BEGIN");
        s.query("DELETE FROM items");
        s.close();
        assertThat(count("true")).isEqualTo(2);
        assertThatThrownBy(() -> s.query("SELECT 1"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("session is closed");
    }

    @Test
    void settingsLastForTheSession() {
        try (SqlSession s = client.session()) {
            s.query("CREATE SCHEMA other");
            s.query("CREATE TABLE other.notes (id int)");
            s.query("INSERT INTO other.notes VALUES (7)");
            s.query("SET search_path = other, public");
            assertThat(s.query("SELECT id FROM notes").get(0).get("id")).isEqualTo(7L);
            try (RowCursor c = s.stream(QueryRequest.of("SELECT id FROM notes"))) {
                assertThat(c.next().get("id")).isEqualTo(7L);
            }
        }
        // a request on the client is a session of its own
        assertThatThrownBy(() -> client.query("SELECT id FROM notes")).isInstanceOf(TableError.class);
    }

    @Test
    void withoutASessionEachRequestIsItsOwn() {
        // as two psql -c calls: the transaction ends with the request that opened it
        client.query("BEGIN; DELETE FROM items");
        assertThat(count("true")).isEqualTo(2);
    }
}
