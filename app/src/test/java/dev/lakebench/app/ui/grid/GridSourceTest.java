package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridSourceTest {

    private static final WorkspaceRef WS = new WorkspaceRef(new ConnectionSpec.Local(Path.of("/tmp/x")), "default");

    @Test
    void gridsNeedAnImageColumnAndAnId() {
        TableInfo videos = new TableInfo("clips", new TableSchema(FileKind.VIDEO.columns()), 3, List.of());
        assertThat(GridSource.of(WS, videos))
                .get()
                .extracting(GridSource::imageColumn)
                .isEqualTo("thumbnail");
        TableInfo pdf = new TableInfo("docs", new TableSchema(FileKind.PDF.columns()), 3, List.of());
        assertThat(GridSource.of(WS, pdf))
                .get()
                .extracting(GridSource::imageColumn)
                .isEqualTo("image");
        TableInfo text = new TableInfo("notes", new TableSchema(FileKind.TEXT.columns()), 3, List.of());
        assertThat(GridSource.of(WS, text)).isEmpty();
        assertThat(GridSource.whyNot(text))
                .contains("Table \"notes\" has no IMAGE column (images, PDF pages and video thumbnails are)");
    }

    @Test
    void aTableOfImagesAndVideosShowsEachRowsFirstPicture() {
        TableInfo mixed = new TableInfo(
                "media",
                dev.lakebench.core.ingest.files.FileColumns.schema(java.util.Set.of(FileKind.IMAGE, FileKind.VIDEO)),
                3,
                List.of());
        GridSource s = GridSource.of(WS, mixed).orElseThrow();
        assertThat(s.imageColumn()).isEqualTo(GridSource.ANY_PICTURE);
        assertThat(GridSource.choices(mixed)).containsExactly(GridSource.ANY_PICTURE, "thumbnail", "image");
        assertThat(s.pictureColumns()).containsExactly("image", "thumbnail");
        assertThat(s.keysSql(""))
                .isEqualTo(
                        "SELECT \"id\", \"filename\" FROM \"media\" WHERE (\"image\" IS NOT NULL OR \"thumbnail\" IS NOT NULL)");
        assertThat(s.imagesSql(2))
                .isEqualTo(
                        "SELECT \"id\" AS k, COALESCE(\"image\", \"thumbnail\") AS img FROM \"media\" WHERE \"id\" IN ($1, $2)");
        assertThat(s.withImageColumn("thumbnail").keysSql(null))
                .isEqualTo("SELECT \"id\", \"filename\" FROM \"media\" WHERE \"thumbnail\" IS NOT NULL");
    }

    @Test
    void sqlKeepsValuesAsParameters() {
        TableInfo t = new TableInfo(
                "My Photos",
                new TableSchema(List.of(
                        Column.of("id", ColumnType.TEXT),
                        Column.of("image", ColumnType.IMAGE),
                        Column.vector("emb", ColumnType.EMBEDDING, 4))),
                1,
                List.of());
        GridSource s = GridSource.of(WS, t).orElseThrow();
        assertThat(s.keysSql(" filename LIKE '%a' "))
                .isEqualTo(
                        "SELECT \"id\", NULL FROM \"My Photos\" WHERE \"image\" IS NOT NULL AND (filename LIKE '%a')");
        assertThat(GridSource.thumbnailsSql(3))
                .isEqualTo(
                        "SELECT file_id, content FROM thumbnails WHERE column_name = $1 AND dimension = $2 AND file_id IN ($3, $4, $5)");
        assertThat(s.similarSql("emb", 100))
                .isEqualTo(
                        "SELECT \"id\" AS k, \"emb\" <#> $1 AS score, NULL AS label, NULL AS snippet FROM \"My Photos\" ORDER BY score DESC LIMIT 100");
        assertThat(s.embeddingColumn()).contains("emb");
    }

    @Test
    void cellSizesPickTheNextStoredThumbnail() {
        assertThat(GridSource.box(32)).isEqualTo(32);
        assertThat(GridSource.box(33)).isEqualTo(64);
        assertThat(GridSource.box(128)).isEqualTo(128);
        assertThat(GridSource.box(200)).isEqualTo(256);
        assertThat(GridSource.box(256)).isEqualTo(256);
    }
}
