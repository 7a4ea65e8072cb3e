package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one reader of vectors written as text. The dialect (query literals) and the engine functions (values the
 * engine hands over) used to read them with two parsers that disagreed on malformed text; these are those cases.
 */
class VectorLiteralTest {

    @Test
    void flatListsInBothSpellings() {
        assertThat(VectorLiteral.floats("[1, 2.5, -3e1]")).containsExactly(1f, 2.5f, -30f);
        assertThat(VectorLiteral.floats(" {1,2} ")).containsExactly(1f, 2f);
        assertThat(VectorLiteral.floats("[]")).isEmpty();
        assertThat(VectorLiteral.parse("[1.0, 2.0]")).isInstanceOf(float[].class);
    }

    @Test
    void nestedListsAreRows() {
        assertThat(VectorLiteral.rows("[[1, 2], [3, 4]]")).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
        assertThat(VectorLiteral.rows("{{1,2},{3,4}}")).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
        assertThat(VectorLiteral.parse("[[1, 2], [3, 4]]")).isInstanceOf(float[][].class);
        assertThat(VectorLiteral.floats("[[1, 2], [3, 4]]"))
                .as("a multi-vector is not a vector")
                .isNull();
    }

    @Test
    void aFlatListIsOneRowOfAMultiVector() {
        assertThat(VectorLiteral.rows("[1, 2]")).isDeepEqualTo(new float[][] {{1, 2}});
    }

    /**
     * An element that is not a number: the engine-side reader threw NumberFormatException (an internal error for
     * the user, not the message naming the column); now it is no vector, like the dialect's reader said.
     */
    @ParameterizedTest
    @ValueSource(strings = {"[1, x]", "[1,,2]", "[1, NULL]", "{1,2,}", "[nan, 1]", "[1f, 2d]", "[0x1p3]"})
    void anElementThatIsNotANumberIsNoVector(String text) {
        assertThat(VectorLiteral.floats(text)).isNull();
        assertThat(VectorLiteral.rows(text)).isNull();
        assertThat(VectorLiteral.parse(text)).isNull();
    }

    /**
     * Unbalanced or decorated nesting: the engine-side reader returned the rows it could find (one row of
     * {@code [[1,2],[3,4]}), or read inside any outer characters; the dialect's reader refused. Both refuse now.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {"[[1,2],[3,4]", "x[1,2],[3,4]y", "[[1,2] junk [3,4]]", "[[1,2],]", "[[1,[2]]]", "[1,2}", "1,2"})
    void malformedNestingIsNoMultiVector(String text) {
        assertThat(VectorLiteral.rows(text)).isNull();
        assertThat(VectorLiteral.parse(text)).isNull();
    }

    @Test
    void storedReferences() {
        assertThat(VectorLiteral.reference("{'lb_vec': 42}")).isEqualTo(42);
        assertThat(VectorLiteral.reference("{'lb_mvec': NULL}")).isEqualTo(-2);
        assertThat(VectorLiteral.reference("[1, 2]")).isEqualTo(-1);
        assertThat(VectorLiteral.reference("{1,2}")).isEqualTo(-1);
    }

    @Test
    void theDialectReadsQuotedVectorsWithTheSameReader() {
        assertThat(Literals.parseVectorText("'ignored'")).isNull();
        assertThat((float[]) Literals.parseVectorText("{1,2}")).containsExactly(1f, 2f);
        assertThat(Literals.parseVectorText("[[1,2],[3,4]")).isNull();
    }

    /** Written through the engine, a malformed vector fails with the message naming the column, and nothing is stored. */
    @Test
    void aMalformedVectorWrittenAsTextNamesTheColumn(@TempDir Path dir) {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE t (id int, emb EMBEDDING) USING deeplake");
            assertThatThrownBy(() -> client.query("INSERT INTO t VALUES (1, '[1, x]')"))
                    .isInstanceOf(QueryError.class)
                    .hasMessageContaining("takes vectors, got [1, x]");
            client.query("INSERT INTO t VALUES (1, '[1, 2]')");
            assertThatThrownBy(() -> client.query("INSERT INTO t VALUES (2, '[3, x]')"))
                    .isInstanceOf(QueryError.class)
                    .hasMessageContaining("Column \"emb\" of table \"t\" takes a float vector, got [3, x]");
            assertThat(client.query("SELECT count(*) AS n FROM t").get(0).get("n"))
                    .isEqualTo(1L);
        }
    }
}
