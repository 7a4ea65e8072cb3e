package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail pane's title names the row's source file, from {@code filename} or else from {@code file_path}. */
class DetailTitleTest {

    @TempDir
    Path dir;

    @Test
    void theTitleNamesTheSourceFile() {
        DetailViewModelTest.onDetail(dir, vm -> {
            vm.show(new SelectedRow(
                    null, "docs", new Row(List.of("id", "chunk_index", "text", "filename", "file_path"), new Object[] {
                        "r1", 4L, "words", "notes.txt", "/data/in/notes.txt"
                    })));
            assertThat(vm.titleProperty().get()).isEqualTo("docs · notes.txt · chunk 4");
            vm.show(new SelectedRow(null, "docs", new Row(List.of("id", "page_index", "file_path"), new Object[] {
                "r2", 0L, "/data/in/manual.pdf"
            })));
            assertThat(vm.titleProperty().get()).isEqualTo("docs · manual.pdf · page 1");
        });
    }
}
