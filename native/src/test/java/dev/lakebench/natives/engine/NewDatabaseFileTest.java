package dev.lakebench.natives.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new database file appears whole under its name, and what a killed creation left is cleared away. */
class NewDatabaseFileTest {

    @TempDir
    Path dir;

    private static long answer(EngineSession session, String sql) throws Exception {
        try (var c = session.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private Stream<String> names() throws Exception {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void aNewFileIsMadeAsideAndOnlyItStays() throws Exception {
        Path db = dir.resolve("w.duckdb");
        try (EngineSession session = EngineSession.open(db)) {
            try (var c = session.connect();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t AS SELECT range AS n FROM range(5)");
            }
        }
        assertThat(names()).containsExactly("w.duckdb");
        try (EngineSession again = EngineSession.open(db)) {
            assertThat(answer(again, "SELECT count(*) FROM t")).isEqualTo(5);
        }
    }

    @Test
    void aHalfWrittenFileOfAKilledCreationIsRemovedAndTheDatabaseMade() throws Exception {
        Path db = dir.resolve("w.duckdb");
        // what a creation killed while the engine wrote its headers leaves: a file the engine cannot open
        Path dead = dir.resolve("w.duckdb." + Long.MAX_VALUE + ".new");
        Files.write(dead, new byte[4096]);
        Files.write(dir.resolve("w.duckdb." + Long.MAX_VALUE + ".new.wal"), new byte[16]);
        Path other = dir.resolve("notes.new");
        Files.writeString(other, "not ours");
        try (EngineSession session = EngineSession.open(db)) {
            assertThat(answer(session, "SELECT 42")).isEqualTo(42);
        }
        assertThat(names()).containsExactly("notes.new", "w.duckdb");
    }

    @Test
    void anExistingFileIsOpenedAsItIs() throws Exception {
        Path db = dir.resolve("w.duckdb");
        try (EngineSession session = EngineSession.open(db);
                var c = session.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (n INTEGER)");
            st.execute("INSERT INTO kept VALUES (7)");
        }
        long size = Files.size(db);
        try (EngineSession session = EngineSession.open(db)) {
            assertThat(answer(session, "SELECT n FROM kept")).isEqualTo(7);
        }
        assertThat(Files.size(db)).isGreaterThanOrEqualTo(size);
        assertThat(names()).containsExactly("w.duckdb");
    }
}
