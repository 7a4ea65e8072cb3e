package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SERIAL columns take PostgreSQL's integer types: serial and smallserial are integer, bigserial is bigint. */
class SerialColumnsTest {

    @TempDir
    Path dir;

    @Test
    void serialIsIntegerAndBigserialIsBigint() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE s (a serial PRIMARY KEY, b bigserial, c smallserial, d serial4, e serial8,"
                    + " name text) USING deeplake");
            var schema = client.describeTable("s").schema();
            assertThat(schema.column("a").orElseThrow().type()).isEqualTo(ColumnType.INT32);
            assertThat(schema.column("b").orElseThrow().type()).isEqualTo(ColumnType.INT64);
            assertThat(schema.column("c").orElseThrow().type()).isEqualTo(ColumnType.INT32);
            assertThat(schema.column("d").orElseThrow().type()).isEqualTo(ColumnType.INT32);
            assertThat(schema.column("e").orElseThrow().type()).isEqualTo(ColumnType.INT64);
            QueryResult r =
                    client.execute(QueryRequest.of("INSERT INTO s (name) VALUES ('x'), ('y') RETURNING a, b, name"));
            assertThat(r.columns())
                    .extracting(ResultColumn::type)
                    .containsExactly(ColumnType.INT32, ColumnType.INT64, ColumnType.TEXT);
            assertThat(client.query("SELECT a, b FROM s ORDER BY a"))
                    .extracting(row -> row.get("a") + "/" + row.get("b"))
                    .containsExactly("1/1", "2/2");
        }
    }
}
