package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a workspace's records of vector columns tell about their models' sizes. */
class SchemaCatalogTest {

    @Test
    void aRecordedModelsSizeIsItsColumnsDimension() {
        SchemaCatalog c = new SchemaCatalog(
                Map.of(
                        "Notes",
                        List.of(
                                new Column("text", ColumnType.TEXT, 0, null),
                                Column.vector("text_embedding", ColumnType.EMBEDDING, 768),
                                Column.vector("hand_made", ColumnType.EMBEDDING, 16))),
                Map.of("notes", Map.of("text_embedding", "remote:local-llm")));
        assertThat(c.modelDimensions()).isEqualTo(Map.of("remote:local-llm", 768));
    }
}
