package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pg_typeof names types as PostgreSQL does, from the written form where the engine's type does not tell. */
class PgTypeofTest {

    private static final TableDef T = new TableDef(
            "t",
            new TableSchema(List.of(
                    Column.of("id", ColumnType.INT32),
                    new Column("v", ColumnType.TEXT, 0, "VARCHAR(3)"),
                    new Column("c", ColumnType.TEXT, 0, "CHAR(2)"),
                    Column.vector("e", ColumnType.EMBEDDING, 2))),
            Map.of());

    private static final PassContext TABLES = new PassContext(n -> n.equals("t") ? Optional.of(T) : Optional.empty());

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '`',
            value = {
                "SELECT 1 -> SELECT 1",
                "SELECT pg_typeof(1) -> SELECT lb_meta.lb_pg_type(pg_typeof(1))",
                "SELECT pg_typeof('a'), pg_typeof(NULL) -> SELECT 'unknown', lb_meta.lb_pg_type(pg_typeof(NULL))",
                "SELECT pg_typeof('a'::varchar(3)), pg_typeof(CAST('a' AS character varying)) -> SELECT 'character varying', 'character varying'",
                "SELECT pg_typeof('a'::char(2)), pg_typeof('a'::bpchar), pg_typeof('a'::text) -> SELECT 'character', 'character', lb_meta.lb_pg_type(pg_typeof('a'::text))",
                "SELECT pg_typeof(v), pg_typeof(t.c), pg_typeof(e), pg_typeof(id) FROM t -> SELECT 'character varying', 'character', 'embedding', lb_meta.lb_pg_type(pg_typeof(id)) FROM t",
                "SELECT pg_typeof(v || 'x') FROM t -> SELECT lb_meta.lb_pg_type(pg_typeof(v || 'x')) FROM t",
                "SELECT lb_meta.lb_pg_type(pg_typeof(1)) -> SELECT lb_meta.lb_pg_type(pg_typeof(1))",
            })
    void writtenFormOrTheEngineTypeRenamed(String in, String out) {
        assertThat(new PgTypeof().apply(new SqlStatement(in), TABLES).text()).isEqualTo(out);
    }

    @Test
    void engineTypesArePostgresNames() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, v varchar(3), c char(2), s text, b bytea, j jsonb, n numeric,"
                    + " ts timestamp, xs int[])");
            client.query("INSERT INTO t VALUES (1, 'a', 'b', 'c', NULL, '{}', 1, NULL, NULL)");
            assertThat(types(
                            client,
                            "SELECT pg_typeof(1), pg_typeof(3000000000), pg_typeof(1.5), pg_typeof('a'),"
                                    + " pg_typeof('a'::text), pg_typeof(1.5::float8), pg_typeof(1.5::real),"
                                    + " pg_typeof(true), pg_typeof(date '2020-01-01'), pg_typeof(now()),"
                                    + " pg_typeof(timestamp '2020-01-01'), pg_typeof(time '10:00'),"
                                    + " pg_typeof(interval '1 day'), pg_typeof(NULL), pg_typeof(ARRAY[[1, 2]]),"
                                    + " pg_typeof(ARRAY['a']), pg_typeof(ROW(1, 2)), pg_typeof(1::smallint)"))
                    .containsExactly(
                            "integer",
                            "bigint",
                            "numeric",
                            "unknown",
                            "text",
                            "double precision",
                            "real",
                            "boolean",
                            "date",
                            "timestamp with time zone",
                            "timestamp without time zone",
                            "time without time zone",
                            "interval",
                            "unknown",
                            "integer[]",
                            "text[]",
                            "record",
                            "smallint");
            assertThat(types(
                            client,
                            "SELECT pg_typeof(v), pg_typeof(c), pg_typeof(s), pg_typeof(v || 'x'), pg_typeof(b),"
                                    + " pg_typeof(j), pg_typeof(j ->> 'a'), pg_typeof(n), pg_typeof(ts), pg_typeof(xs)"
                                    + " FROM t"))
                    .containsExactly(
                            "character varying",
                            "character",
                            "text",
                            "text",
                            "bytea",
                            "jsonb",
                            "text",
                            "numeric",
                            "timestamp without time zone",
                            "integer[]");
        }
    }

    private static List<String> types(Client client, String sql) {
        Row r = client.query(sql).get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.width(); i++) {
            out.add(String.valueOf(r.get(i)));
        }
        return out;
    }
}
