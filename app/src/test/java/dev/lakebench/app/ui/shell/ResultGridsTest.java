package dev.lakebench.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.app.ui.grid.GridSource;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultGridsTest {

    private static final TableInfo MEDIA = new TableInfo(
            "media",
            new TableSchema(List.of(
                    Column.of("id", ColumnType.TEXT),
                    Column.of("image", ColumnType.IMAGE),
                    Column.of("text", ColumnType.TEXT),
                    Column.of("filename", ColumnType.TEXT))),
            3,
            List.of());

    private static GridSource source() {
        return GridSource.of(new WorkspaceRef(new ConnectionSpec.Local(Path.of("unused")), "default"), MEDIA)
                .orElseThrow();
    }

    @Test
    void aResultRowShownWithoutItsPictureGetsItsTextOnTheTile() {
        List<String> all = List.of("id", "image", "text", "filename", "score");
        var picked = ResultGrids.picked(
                source(),
                List.of(
                        new Row(all, new Object[] {"p0", new byte[] {1}, "caption", "a.png", 0.9}),
                        new Row(all, new Object[] {"t1", null, "x".repeat(1000), "b.txt", 0.5})));
        assertThat(picked.keys()).containsExactly("p0", "t1");
        assertThat(picked.snippets()).containsOnlyKeys("t1");
        assertThat(picked.snippets().get("t1")).hasSize(GridSource.SNIPPET_CHARS);
        assertThat(picked.labels()).containsEntry("t1", "b.txt");
    }

    @Test
    void withoutThePictureColumnsInTheResultNoRowIsTakenForText() {
        var picked = ResultGrids.picked(
                source(), List.of(new Row(List.of("id", "text"), new Object[] {"p0", "caption of a picture"})));
        assertThat(picked.keys()).containsExactly("p0");
        assertThat(picked.snippets()).isEmpty();
    }
}
