package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailViewModelTest {

    @TempDir
    Path dir;

    /** Steps on a detail view model, run on its UI thread. */
    @FunctionalInterface
    interface Steps {
        void run(DetailViewModel vm) throws Exception;
    }

    /** Runs {@code steps} on the UI thread with a detail view model shown rows whole (no workspace read). */
    static void onDetail(Path dir, Steps steps) {
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread()) {
            ui.onUi(() -> steps.run(new DetailViewModel(sessions, ui.tasks(), dir.resolve("scratch"))));
        }
    }

    @Test
    void aPdfPageShowsItsPictureAndText() throws Exception {
        byte[] png = Files.readAllBytes(UiFixtures.sampleImages().stream()
                .filter(p -> p.toString().endsWith(".png"))
                .findFirst()
                .orElseThrow());
        Row page = new Row(
                List.of("id", "file_id", "page_index", "image", "text"),
                new Object[] {"r1", "f1", 2L, png, "Page three says hello"});
        onDetail(dir, vm -> {
            vm.show(new SelectedRow(null, "manuals", page));
            assertThat(vm.titleProperty().get()).isEqualTo("manuals · page 3");
            assertThat(vm.textProperty().get()).isEqualTo("Page three says hello");
            assertThat(vm.mediaProperty().get())
                    .isInstanceOfSatisfying(
                            DetailViewModel.Media.Picture.class,
                            p -> assertThat(p.column()).isEqualTo("image"));
            assertThat(vm.fields())
                    .extracting(DetailViewModel.Field::name)
                    .containsExactly("id", "file_id", "page_index", "image", "text");
            assertThat(vm.fields().get(3).value()).isEqualTo("<PNG, " + png.length + " bytes>");
        });
    }

    @Test
    void aVideoSegmentBecomesAPlayableFile() throws Exception {
        byte[] mp4 =
                Files.readAllBytes(UiFixtures.testData("video-sample").resolve("bbb_176x144_192kbps_15fps_mpeg4.mp4"));
        Row seg = new Row(
                List.of("id", "chunk_index", "start_time", "end_time", "video_data"),
                new Object[] {"s1", 1L, 10.0, 20.0, mp4});
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread()) {
            DetailViewModel vm = ui.onUi(() -> {
                DetailViewModel d = new DetailViewModel(sessions, ui.tasks(), dir.resolve("scratch"));
                d.show(new SelectedRow(null, "clips", seg));
                return d;
            });
            ui.await(() -> vm.mediaProperty().get() instanceof DetailViewModel.Media.Video);
            var v = (DetailViewModel.Media.Video)
                    ui.onUi(() -> vm.mediaProperty().get());
            assertThat(Files.readAllBytes(v.file())).isEqualTo(mp4);
            assertThat(v.start()).isEqualTo(10.0);
            assertThat(ui.onUi(() -> vm.titleProperty().get())).isEqualTo("clips · 10.0–20.0 s");
        }
    }

    @Test
    void aRowIsLoadedByItsKey() throws Exception {
        UiFixtures.seedImages(dir);
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread()) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir), "default");
            // whoever reacts to the shown row finds the row's picture and title already set
            List<Object> seenWithRow = new java.util.ArrayList<>();
            DetailViewModel vm = ui.onUi(() -> {
                DetailViewModel d = new DetailViewModel(sessions, ui.tasks(), dir.resolve("scratch"));
                d.shownProperty().addListener((o, a, row) -> {
                    if (row != null) {
                        seenWithRow.add(d.mediaProperty().get());
                        seenWithRow.add(d.titleProperty().get());
                    }
                });
                d.show(ws, "images", "id", "img-002");
                return d;
            });
            ui.await(() -> vm.shownProperty().get() != null && seenWithRow.size() == 2);
            ui.onUi(() -> {
                assertThat(seenWithRow.get(0)).isInstanceOf(DetailViewModel.Media.Picture.class);
                assertThat((String) seenWithRow.get(1)).startsWith("images · ");
                assertThat(vm.shownProperty().get().row().get("id")).isEqualTo("img-002");
                assertThat(vm.titleProperty().get()).startsWith("images · ");
                assertThat(vm.mediaProperty().get()).isInstanceOf(DetailViewModel.Media.Picture.class);
                vm.show(ws, "images", "id", "no-such-row");
            });
            ui.await(() -> vm.titleProperty().get().contains("gone"));
        }
    }

    @Test
    void aRowFromATextSearchCarriesTheSearchedWordsPositions() throws Exception {
        Row chunk = new Row(List.of("id", "chunk_index", "text"), new Object[] {"c1", 0L, "Flowers bloom. A flower!"});
        onDetail(dir, vm -> {
            vm.show(new SelectedRow(
                    null,
                    "docs",
                    chunk,
                    new SelectedRow.Query("SELECT * FROM docs ORDER BY text <#> $1", List.of("flower"))));
            assertThat(vm.hitsProperty().get()).containsExactly(new QueryWords.Hit(17, 23));
            vm.show(new SelectedRow(null, "docs", chunk));
            assertThat(vm.hitsProperty().get()).isEmpty();
        });
    }
}
