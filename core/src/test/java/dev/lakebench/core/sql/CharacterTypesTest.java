package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * character varying(n) and character(n) columns keep PostgreSQL's length rule on every write: a longer value is
 * refused with its message and SQLSTATE 22001 and nothing of the statement is stored, except that spaces beyond n
 * are cut; an explicit cast cuts without an error; NULL is fine.
 */
class CharacterTypesTest {

    @TempDir
    Path dir;

    private static void tooLong(ThrowingCallable write, String type) {
        assertThatThrownBy(write).isInstanceOfSatisfying(QueryError.class, e -> {
            assertThat(e.problem()).isEqualTo("value too long for type " + type);
            assertThat(e.details()).containsEntry("sqlstate", "22001");
        });
    }

    private static List<String> column(Client client, String sql) {
        return client.query(sql).stream().map(r -> (String) r.get(0)).toList();
    }

    @Test
    void insertUpdateAndInsertSelectRefuseALongerValue() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(3), b char(4), c numeric(5,2))");
            tooLong(() -> client.query("INSERT INTO t VALUES (1, 'abcd', 'x', 1.234)"), "character varying(3)");
            tooLong(() -> client.query("INSERT INTO t (id, b) VALUES (1, 'abcde')"), "character(4)");
            // a multi-row VALUES: the good row is not stored either
            tooLong(() -> client.query("INSERT INTO t (id, a) VALUES (1, 'ab'), (2, 'abcd')"), "character varying(3)");
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(0L);

            client.query("INSERT INTO t (id, a, b) VALUES (1, 'abc', 'abcd'), (2, NULL, NULL), (3, DEFAULT, 'x')");
            tooLong(() -> client.query("UPDATE t SET a = a || 'z' WHERE id = 1"), "character varying(3)");
            tooLong(
                    () -> client.query("INSERT INTO t (id, a) SELECT id + 10, a || 'z' FROM t"),
                    "character varying(3)");
            tooLong(() -> client.query("INSERT INTO t SELECT 9, 'ok', 'abcdef', 1"), "character(4)");
            assertThat(column(client, "SELECT a FROM t ORDER BY id")).containsExactly("abc", null, null);
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(3L);

            client.query("UPDATE t SET a = 'xy' WHERE id = 2");
            client.query("INSERT INTO t (id, a) SELECT 4, 'q'");
            assertThat(column(client, "SELECT a FROM t ORDER BY id")).containsExactly("abc", "xy", null, "q");
        }
    }

    @Test
    void spacesBeyondTheLengthAreCutAndAnExplicitCastCuts() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(3))");
            client.query("INSERT INTO t VALUES (1, 'ab   '), (2, 'abc  ')");
            client.query("INSERT INTO t VALUES (3, 'abcdef'::varchar(3))");
            client.query("INSERT INTO t VALUES (4, 'é€ü')"); // characters, not bytes
            assertThat(column(client, "SELECT a FROM t ORDER BY id")).containsExactly("ab ", "abc", "abc", "é€ü");
            assertThat(column(client, "SELECT 'abcdef'::varchar(3) AS v")).containsExactly("abc");
        }
    }

    @Test
    void parametersAndCopyFromAreChecked() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path csv = Files.writeString(files.resolve("t.csv"), "id,a\n1,ab\n2,abcd\n");
        try (Client client = Client.local(dir.resolve("data"), "default", List.of(files))) {
            client.query("CREATE TABLE t (id int, a varchar(3))");
            tooLong(
                    () -> client.execute(QueryRequest.of("INSERT INTO t VALUES ($1, $2)", 1, "abcd")),
                    "character varying(3)");
            tooLong(() -> client.query("COPY t FROM '" + csv + "' WITH (FORMAT csv, HEADER)"), "character varying(3)");
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(0L);
            client.execute(QueryRequest.of("INSERT INTO t VALUES ($1, $2)", 1, "abc"));
            assertThat(column(client, "SELECT a FROM t")).containsExactly("abc");
        }
    }

    @Test
    void addColumnKeepsTheLengthAndAlterTypeIsRefused() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, s text, v varchar)");
            client.query("INSERT INTO t VALUES (1, 'a long text value', 'another long value')");
            client.query("ALTER TABLE t ADD COLUMN code varchar(2)");
            tooLong(() -> client.query("INSERT INTO t (id, code) VALUES (2, 'abc')"), "character varying(2)");
            client.query("INSERT INTO t (id, code) VALUES (2, 'ab')");
            assertThat(column(client, "SELECT code FROM t ORDER BY id")).containsExactly(null, "ab");
            assertThatThrownBy(() -> client.query("ALTER TABLE t ALTER COLUMN s TYPE varchar(3)"))
                    .isInstanceOf(QueryError.class)
                    .hasMessageContaining("is not supported");
        }
    }

    @Test
    void aLengthMustBeBetweenOneAndPostgresMaximum() {
        try (Client client = Client.local(dir)) {
            assertThatThrownBy(() -> client.query("CREATE TABLE t (a varchar(0))"))
                    .hasMessageContaining("length for type varchar must be at least 1");
            assertThatThrownBy(() -> client.query("CREATE TABLE t (a char(10485761))"))
                    .hasMessageContaining("length for type char cannot exceed 10485760");
        }
    }

    @Test
    void theSchemaShowsTheDeclaredTypes() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (a varchar(3), b char(4), c char, d varchar, e text)");
            var schema = client.describeTable("t").schema();
            assertThat(schema.columns())
                    .extracting(c -> c.name() + " " + c.type() + " " + c.typeName() + " " + c.maxLength())
                    .containsExactly(
                            "a TEXT VARCHAR(3) 3",
                            "b TEXT CHAR(4) 4",
                            "c TEXT CHAR(1) 1",
                            "d TEXT TEXT 0",
                            "e TEXT TEXT 0");
            List<Row> rows = client.query("SELECT column_name, data_type, udt_name, character_maximum_length"
                    + " FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position");
            assertThat(rows)
                    .extracting(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3))
                    .containsExactly(
                            "a|character varying|varchar|3",
                            "b|character|bpchar|4",
                            "c|character|bpchar|1",
                            "d|character varying|varchar|null",
                            "e|text|text|null");
        }
    }

    @Test
    void characterValuesCompareAndCountWithoutTheirPadding() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, b char(4))");
            client.query("INSERT INTO t VALUES (1, 'x'), (2, 'x  '), (3, 'y   ')");
            assertThat(client.query("SELECT count(*) AS n FROM t WHERE b = 'x   '")
                            .get(0)
                            .get("n"))
                    .isEqualTo(2L);
            assertThat(client.query("SELECT count(DISTINCT b) AS n FROM t")
                            .get(0)
                            .get("n"))
                    .isEqualTo(2L);
            assertThat(client.execute(QueryRequest.of("SELECT count(*) AS n FROM t WHERE b = $1", "x  "))
                            .rows()
                            .get(0)
                            .get("n"))
                    .isEqualTo(2L);
            assertThat(column(client, "SELECT b || '|' AS v FROM t ORDER BY id"))
                    .containsExactly("x|", "x|", "y|");
            assertThat(((Number) client.query("SELECT length(b) AS n FROM t WHERE id = 3")
                                    .get(0)
                                    .get("n"))
                            .intValue())
                    .isEqualTo(1);
            Row r = client.query("SELECT 'a'::char(3) = 'a  ' AS eq, 'a  '::char(3) = 'a' AS eq2,"
                            + " 'abcdef'::char(2) AS cut, CAST('abc' AS char) AS one")
                    .get(0);
            assertThat(r.get("eq")).isEqualTo(true);
            assertThat(r.get("eq2")).isEqualTo(true);
            assertThat(r.get("cut")).isEqualTo("ab");
            assertThat(r.get("one")).isEqualTo("a");
        }
    }

    @Test
    void ingestedRowsFollowTheSameRule() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(3), b char(4))");
            assertThatThrownBy(() -> client.ingest("t", java.util.Map.of("id", List.of(1), "a", List.of("abcd"))))
                    .isInstanceOfSatisfying(IngestError.class, e -> {
                        assertThat(e.problem()).startsWith("value too long for type character varying(3)");
                        assertThat(e.details()).containsEntry("sqlstate", "22001");
                    });
            client.ingest("t", java.util.Map.of("id", List.of(2), "a", List.of("ab   "), "b", List.of("xy     ")));
            assertThat(column(client, "SELECT a || b || '|' FROM t WHERE id = 2"))
                    .containsExactly("ab xy|");
        }
    }

    @Test
    void aDefaultIsCheckedWhenItIsWritten() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(2) DEFAULT 'abc', b char(3) DEFAULT 'x  ')");
            tooLong(() -> client.query("INSERT INTO t (id) VALUES (1)"), "character varying(2)");
            client.query("ALTER TABLE t ALTER COLUMN a SET DEFAULT 'ab   '");
            client.query("INSERT INTO t (id) VALUES (2)");
            assertThat(column(client, "SELECT a || b || '|' FROM t")).containsExactly("abx|");
            client.query("ALTER TABLE t ALTER COLUMN a SET DEFAULT 'xyz'");
            tooLong(() -> client.query("INSERT INTO t (id) VALUES (3)"), "character varying(2)");
            tooLong(() -> client.query("ALTER TABLE t ADD COLUMN c varchar(1) DEFAULT 'no'"), "character varying(1)");
            assertThat(client.describeTable("t").schema().column("c")).isEmpty();
        }
    }

    @Test
    void onConflictDoUpdateIsChecked() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int PRIMARY KEY, a varchar(3))");
            client.query("INSERT INTO t VALUES (1, 'ab')");
            tooLong(
                    () -> client.query("INSERT INTO t VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET a = t.a || 'cd'"),
                    "character varying(3)");
            client.query("INSERT INTO t VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET a = excluded.a || 'yz'");
            assertThat(column(client, "SELECT a FROM t")).containsExactly("xyz");
        }
    }

    @Test
    void createTableAsKeepsTheCopiedTypes() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(3), b char(4), e text)");
            client.query("INSERT INTO t VALUES (1, 'abc', 'x', 'long text')");
            client.query("CREATE TABLE c1 AS SELECT * FROM t");
            client.query("CREATE TABLE c2 AS SELECT a AS code, e FROM t");
            assertThat(client.describeTable("c1").schema().columns())
                    .extracting(c -> c.name() + " " + c.typeName())
                    .containsExactly("id INT32", "a VARCHAR(3)", "b CHAR(4)", "e TEXT");
            assertThat(client.describeTable("c2").schema().columns())
                    .extracting(c -> c.name() + " " + c.typeName())
                    .containsExactly("code VARCHAR(3)", "e TEXT");
            tooLong(() -> client.query("INSERT INTO c2 VALUES ('abcd', 'x')"), "character varying(3)");
        }
    }

    @Test
    void aMultiColumnUpdateChecksEachValue() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, a varchar(3), b char(2))");
            client.query("INSERT INTO t VALUES (1, 'x', 'y')");
            tooLong(() -> client.query("UPDATE t SET (a, b) = ('abcd', 'z')"), "character varying(3)");
            tooLong(() -> client.query("UPDATE t SET (b, a) = ROW('xyz', 'q')"), "character(2)");
            client.query("UPDATE t SET (id, a, b) = (2, 'ab   ', 'q ')");
            assertThat(column(client, "SELECT a || b || '|' FROM t")).containsExactly("ab q|");
        }
    }

    @Test
    void aVolatileValueIsComputedOnce() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE SEQUENCE s");
            client.query("CREATE TABLE t (id int PRIMARY KEY, a varchar(5), b char(3))");
            client.query("INSERT INTO t VALUES (1, nextval('s')::text, nextval('s')::text)");
            client.query("UPDATE t SET a = nextval('s')::text");
            client.query("INSERT INTO t VALUES (1, 'x', 'y') ON CONFLICT (id) DO UPDATE SET b = nextval('s')::text");
            // each nextval runs once: a takes 1 then 3, b takes 2 then 4
            assertThat(column(client, "SELECT a || '/' || b FROM t")).containsExactly("3/4");
            assertThat(client.query("SELECT nextval('s') AS n").get(0).get("n")).isEqualTo(5L);
        }
    }

    @Test
    void inListsCompareWithoutPadding() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, b char(4))");
            client.query("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
            assertThat(column(client, "SELECT id::text FROM t WHERE b IN ('x   ', 'z ')"))
                    .containsExactly("1");
            assertThat(
                            client
                                    .execute(QueryRequest.of("SELECT id::text FROM t WHERE b NOT IN ($1)", "x  "))
                                    .rows()
                                    .stream()
                                    .map(r -> r.get(0))
                                    .toList())
                    .containsExactly("2");
        }
    }

    @Test
    void createTableAsKeepsTheTypeOfACast() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, e text)");
            client.query("INSERT INTO t VALUES (1, 'long text')");
            client.query("CREATE TABLE c AS SELECT e::varchar(5), CAST(e AS character(2)) AS ch, e::varchar AS v,"
                    + " e::text AS t FROM t");
            assertThat(client.describeTable("c").schema().columns())
                    .extracting(c -> c.name() + " " + c.typeName())
                    .containsExactly("e VARCHAR(5)", "ch CHAR(2)", "v TEXT", "t TEXT");
            assertThat(column(client, "SELECT e || '|' || ch FROM c")).containsExactly("long |lo");
            tooLong(() -> client.query("INSERT INTO c (e) VALUES ('abcdef')"), "character varying(5)");
        }
    }
}
