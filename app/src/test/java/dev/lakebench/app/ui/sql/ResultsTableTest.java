package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.schema.ColumnType;
import org.junit.jupiter.api.Test;

/** Column headers name what a column holds in Lakebench's words where the engine's would mislead. */
class ResultsTableTest {

    @Test
    void mediaAndVectorsByTheirLakebenchTypeOthersByTheEngines() {
        assertThat(ResultsTable.typeName(new ResultColumn("image", ColumnType.IMAGE, "BLOB")))
                .isEqualTo("image");
        assertThat(ResultsTable.typeName(new ResultColumn("emb", ColumnType.EMBEDDING, "STRUCT(lb_vec BIGINT)")))
                .isEqualTo("embedding");
        assertThat(ResultsTable.typeName(new ResultColumn("score", null, "DOUBLE")))
                .isEqualTo("double");
        assertThat(ResultsTable.typeName(new ResultColumn("x", null, null))).isEmpty();
    }

    @Test
    void theCatalogNamesWhatTheEngineOnlyCallsBytes() {
        ResultColumn blob = new ResultColumn("image", ColumnType.BINARY, "BLOB");
        assertThat(ResultsTable.typeName(ResultsTable.refined(blob, ColumnType.IMAGE)))
                .isEqualTo("image");
        assertThat(ResultsTable.typeName(ResultsTable.refined(blob, null))).isEqualTo("binary");
        // a computed column that shares a name with a text column keeps the engine's type
        ResultColumn count = new ResultColumn("image", null, "BIGINT");
        assertThat(ResultsTable.typeName(ResultsTable.refined(count, ColumnType.IMAGE)))
                .isEqualTo("bigint");
    }

    @Test
    void scoreColumnsComeFirst() {
        var cols = java.util.List.of(
                new ResultColumn("id", null, "VARCHAR"),
                new ResultColumn("text", null, "VARCHAR"),
                new ResultColumn("score", null, "DOUBLE"),
                new ResultColumn("bm25_score", null, "DOUBLE"));
        assertThat(ResultsTable.scoresFirst(cols)).containsExactly(2, 3, 0, 1);
    }
}
