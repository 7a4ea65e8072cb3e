package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CREATE UNIQUE INDEX} on plain columns of a Lakebench table is a unique key, as in PostgreSQL. */
class UniqueIndexTest {

    @TempDir
    Path dir;

    @Test
    void aUniqueIndexRefusesDuplicatesServesOnConflictAndCanBeDropped() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE tags (id int, name text, emb float4[]) USING deeplake");
            client.query("INSERT INTO tags VALUES (1, 'a', ARRAY[1, 0]::float4[]), (2, 'b', NULL)");
            client.query("CREATE UNIQUE INDEX tags_name_idx ON tags (name)");
            client.query("CREATE UNIQUE INDEX IF NOT EXISTS tags_name_idx ON tags (name)");
            assertThatThrownBy(() -> client.query("INSERT INTO tags (id, name) VALUES (3, 'a')"))
                    .hasMessageContaining("duplicate key value violates unique constraint");
            client.query(
                    "INSERT INTO tags (id, name) VALUES (4, 'a') ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id");
            client.query("ALTER TABLE tags ADD COLUMN note text");
            assertThatThrownBy(() -> client.query("INSERT INTO tags (id, name) VALUES (5, 'b')"))
                    .hasMessageContaining("duplicate key value violates unique constraint");
        }
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.query("INSERT INTO tags (id, name) VALUES (6, 'b')"))
                    .hasMessageContaining("duplicate key value violates unique constraint");
            client.query("DROP INDEX tags_name_idx");
            client.query("INSERT INTO tags (id, name) VALUES (7, 'b')");
            assertThat(client.query("SELECT id, name FROM tags ORDER BY id"))
                    .extracting(r -> r.get("id") + r.get("name").toString())
                    .containsExactly("2b", "4a", "7b");
            assertThat((float[]) client.query("SELECT emb FROM tags WHERE id = 4")
                            .get(0)
                            .get("emb"))
                    .containsExactly(1f, 0f);
            assertThatThrownBy(() -> client.query("CREATE UNIQUE INDEX ON tags (id, name) WHERE id > 1"))
                    .hasMessageContaining("cannot be UNIQUE");
        }
    }
}
