package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent builder: clauses in order, values always bound, injection attempts inert. */
class FluentQueryTest {

    @TempDir
    Path dir;

    Client client;

    @BeforeEach
    void open() {
        client = Client.local(dir);
        Map<String, List<?>> d = new LinkedHashMap<>();
        d.put("file_id", List.of("abc", "abc", "xyz", "abc"));
        d.put("start_time", List.of(0.0, 70.0, 80.0, 90.0));
        d.put("text", List.of("one", "two", "three", "four"));
        client.ingest("videos", d);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void runsTheSeedExample() {
        var q = client.table("videos")
                .select("text", "start_time")
                .where("file_id = $1", "abc")
                .where("start_time > $2", 60)
                .orderBy("start_time ASC")
                .limit(10)
                .offset(1);
        assertThat(q.sql())
                .isEqualTo("SELECT text, start_time FROM \"videos\" WHERE (file_id = $1) AND (start_time > $2)"
                        + " ORDER BY start_time ASC LIMIT 10 OFFSET 1");
        assertThat(q.params()).containsExactly("abc", 60);
        assertThat(q.execute()).extracting(r -> r.get("text")).containsExactly("four");
    }

    @Test
    void selectsEverythingByDefault() {
        assertThat(client.table("videos").execute()).hasSize(4);
        assertThat(client.table("videos").limit(2).execute()).hasSize(2);
        assertThat(client.table("videos")
                        .where("text = $1", "three")
                        .execute()
                        .get(0)
                        .columns())
                .containsExactly("file_id", "start_time", "text");
    }

    @Test
    void injectionAttemptsStayValues() {
        String attack = "abc' OR '1'='1'; DROP TABLE videos; --";
        assertThat(client.table("videos").where("file_id = $1", attack).execute())
                .isEmpty();
        assertThat(client.table("videos")
                        .where("text = $1", "x\"); DELETE FROM videos; --")
                        .execute())
                .isEmpty();
        assertThat(client.listTables()).contains("videos");
        assertThat(client.query("SELECT count(*) AS n FROM videos").get(0).get("n"))
                .isEqualTo(4L);
    }

    @Test
    void tableNamesAreValidatedAndQuoted() {
        assertThatThrownBy(() -> client.table("videos; DROP TABLE videos")).isInstanceOf(TableError.class);
        assertThatThrownBy(() -> client.table("nope").execute())
                .isInstanceOf(TableError.class)
                .hasMessageContaining("Table \"nope\" does not exist");
    }

    @Test
    void placeholdersBeyondTheGivenValuesAreCaughtEarly() {
        assertThatThrownBy(() -> client.table("videos").where("file_id = $2", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses $2 but only 1 values");
    }

    @Test
    void lineCommentsInFragmentsEndBeforeWhatFollows() {
        var q = client.table("videos")
                .select("text -- the words", "start_time")
                .where("start_time > $1 -- seconds", 0)
                .orderBy("start_time DESC -- latest first")
                .limit(1);
        assertThat(q.execute()).singleElement().satisfies(r -> {
            assertThat(r.columns()).containsExactly("text", "start_time");
            assertThat(r.get("text")).isEqualTo("four");
        });
    }
}
