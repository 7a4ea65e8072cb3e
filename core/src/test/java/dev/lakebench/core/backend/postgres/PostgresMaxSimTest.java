package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MaxSim on an EMBEDDING_2D column of a real PostgreSQL server: stored as {@code real[][]}, scored by
 * {@code lakebench.maxsim}, the same scores as the local engine (and as pg_deeplake's definition written out by
 * {@link VectorMath#maxSim(float[][], float[][])}) within 1e-6, for one-row and several-row queries, documents with
 * zero rows and documents without any non-zero row (NULL, ranked last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMaxSimTest {

    static final int DIM = 16;
    static final long ALL_ZERO = 7;

    @TempDir
    static Path dir;

    @RegisterExtension
    static final PgTestDatabase pgdb = new PgTestDatabase();

    Client pg;
    Client local;
    final Map<Long, float[][]> docs = new LinkedHashMap<>();
    final Random rnd = new Random(5);

    @BeforeAll
    void load() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<float[][]> mvs = new ArrayList<>();
        for (long id = 1; id <= 150; id++) {
            float[][] m = new float[1 + rnd.nextInt(6)][];
            for (int r = 0; r < m.length; r++) {
                m[r] = id == ALL_ZERO || (id % 10 == 3 && r == 0) ? new float[DIM] : vector();
            }
            docs.put(id, m);
            ids.add(id);
            mvs.add(m);
        }
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("id", ids);
        columns.put("mv", mvs);
        pg = pgdb.client();
        local = pgdb.ingestHereAndLocally("docs", columns, dir);
    }

    private float[] vector() {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private double expected(long id, float[][] query) {
        return VectorMath.maxSim(docs.get(id), VectorMath.normalizedRows(query));
    }

    @Test
    void theColumnIsStoredAsAMatrixOfReals() {
        assertThat(pg.describeTable("docs").schema().column("mv").orElseThrow().type())
                .isEqualTo(ColumnType.EMBEDDING_2D);
        assertThat(pg.query("SELECT pg_typeof(mv)::text AS t, array_ndims(mv) AS n FROM docs WHERE id = 1")
                        .get(0)
                        .values())
                .containsExactly("real[]", 2L);
    }

    @Test
    void everyScoreMatchesTheLocalEngineAndPgDeeplakesDefinition() {
        float[][] doc = docs.get(42L);
        List<Object> queries = List.of(
                vector(), // one row, as a vector
                new float[][] {vector(), vector(), vector()},
                new float[][] {doc[0].clone(), vector()});
        String sql = "SELECT id, mv <#> $1 AS score FROM docs ORDER BY id";
        for (Object q : queries) {
            float[][] query = q instanceof float[] one ? new float[][] {one} : (float[][]) q;
            List<Row> server = pg.query(sql, q);
            List<Row> engine = local.query(sql, q);
            assertThat(server).hasSize(docs.size()).hasSameSizeAs(engine);
            for (int i = 0; i < server.size(); i++) {
                long id = (Long) server.get(i).get("id");
                Double s = (Double) server.get(i).get("score");
                Double e = (Double) engine.get(i).get("score");
                if (docs.get(id).length == 1 && id % 10 == 3 || id == ALL_ZERO) {
                    assertThat(s).as("a document without a non-zero row").isNull();
                    assertThat(e).isNull();
                    continue;
                }
                assertThat(s).as("server score of %d", id).isCloseTo(e, within(1e-6));
                assertThat(s).as("definition for %d", id).isCloseTo(expected(id, query), within(1e-6));
            }
        }
    }

    @Test
    void topKRanksLikeTheLocalEngine() {
        float[][] q = {vector(), vector()};
        String sql = "SELECT id, mv <#> $1 AS score FROM docs WHERE id > 1 ORDER BY score DESC LIMIT 10";
        List<Row> server = pg.query(sql, (Object) q);
        List<Row> engine = local.query(sql, (Object) q);
        assertThat(server)
                .hasSize(10)
                .allSatisfy(r -> assertThat(r.get("score")).isNotNull());
        assertThat(server.stream().map(r -> r.get("id")).toList())
                .isEqualTo(engine.stream().map(r -> r.get("id")).toList());
        assertThat(pg.query(
                        "SELECT id FROM docs ORDER BY mv <#> ARRAY[[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]::real[][]"
                                + " DESC LIMIT 1 OFFSET 1"))
                .hasSize(1);
    }

    @Test
    void aQueryTheServerCannotScoreFailsWithAClearError() {
        assertThatThrownBy(() -> pg.query("SELECT id, mv <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 3", new float[5]))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("have 5 values, but the column's rows have 16");
        assertThatThrownBy(() -> pg.query("SELECT id, mv <#> $1 AS s FROM docs ORDER BY s DESC LIMIT 3", (Object)
                        new float[][] {vector(), new float[DIM]}))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("Row 2 of the MaxSim query is all zeros");
        assertThatThrownBy(() -> pg.query(
                        "SELECT id FROM docs ORDER BY (mv, id)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, 'x') DESC LIMIT 3",
                        new float[DIM]))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("pairs an EMBEDDING column with a TEXT column");
    }
}
