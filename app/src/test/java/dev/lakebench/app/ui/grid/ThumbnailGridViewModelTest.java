package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailGridViewModelTest {

    @TempDir
    Path dir;

    /** The grid of the seeded images table. */
    private static ThumbnailGridViewModel imagesGrid(WorkspaceRef ws, Sessions sessions, UiThread ui) {
        GridSource s =
                GridSource.of(ws, sessions.client(ws).describeTable("images")).orElseThrow();
        return ui.onUi(() -> new ThumbnailGridViewModel(s, sessions, ui.tasks()));
    }

    private static long webpImages() {
        return UiFixtures.sampleImages().stream()
                .filter(p -> p.toString().endsWith(".webp"))
                .count();
    }

    @Test
    void theStatusSaysHowManyRowsHaveNoPicture() throws Exception {
        UiFixtures.seedImages(dir);
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread(UiFixtures.errors())) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir), "default");
            sessions.client(ws)
                    .query("INSERT INTO images (id, filename) VALUES ('txt-1', 'a.txt'), ('txt-2', 'b.webp')");
            ThumbnailGridViewModel vm = imagesGrid(ws, sessions, ui);
            ui.run(vm::load);
            int n = UiFixtures.sampleImages().size();
            ui.onUi(() -> {
                assertThat(vm.keys()).hasSize(n); // the rows without a picture get no tile
                assertThat(vm.statusProperty().get()).isEqualTo(n + " rows · 2 rows without a picture not shown");
            });

            ui.run(() -> {
                vm.whereProperty().set("filename LIKE '%.webp'");
                return vm.load();
            });
            long webp = webpImages();
            ui.onUi(() -> assertThat(vm.statusProperty().get())
                    .isEqualTo(webp + " rows where filename LIKE '%.webp' · 1 row without a picture not shown"));
        }
    }

    @Test
    void keysLoadFilterAndSelect() throws Exception {
        UiFixtures.seedImages(dir);
        List<ErrorReport> errors = UiFixtures.errors();
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread(errors)) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir), "default");
            ThumbnailGridViewModel vm = imagesGrid(ws, sessions, ui);
            ui.run(vm::load);
            int n = UiFixtures.sampleImages().size();
            ui.onUi(() -> {
                assertThat(vm.keys()).hasSize(n).startsWith("img-000", "img-001");
                assertThat(vm.statusProperty().get()).isEqualTo(n + " rows");
            });

            ui.run(() -> {
                vm.whereProperty().set("filename LIKE '%.webp'");
                return vm.load();
            });
            long webp = webpImages();
            ui.onUi(() -> {
                assertThat(vm.keys()).hasSize((int) webp);
                assertThat(vm.statusProperty().get()).isEqualTo(webp + " rows where filename LIKE '%.webp'");
            });

            ui.run(() -> {
                vm.whereProperty().set("no_such_column = 1");
                return vm.load();
            });
            assertThat(errors).singleElement().satisfies(r -> {
                assertThat(r.problem()).startsWith("The filter \"no_such_column = 1\" failed: ");
                assertThat(r.hint()).contains("SQL condition");
            });
            java.util.concurrent.atomic.AtomicReference<ThumbnailGridViewModel> similar =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ui.onUi(() -> {
                assertThat(vm.keys()).hasSize((int) webp);

                String[] selected = new String[1];
                vm.onSelect(k -> selected[0] = k);
                assertThat(vm.canFindSimilar()).isFalse();
                vm.select(vm.keys().get(0));
                assertThat(selected[0]).isEqualTo(vm.keys().get(0));
                assertThat(vm.canFindSimilar()).isTrue();
                vm.sizeProperty().set(100);
                assertThat(vm.box()).isEqualTo(128);

                // find similar: the selected row's embedding searched with <#>; the row itself comes first
                vm.onSimilar(similar::set);
            });
            String key = ui.onUi(() -> vm.keys().get(0));
            ui.run(vm::findSimilar);
            ThumbnailGridViewModel g = similar.get();
            ui.onUi(() -> {
                assertThat(g.isFixed()).isTrue();
                assertThat(g.title()).isEqualTo("Similar to " + vm.label(key)).endsWith(".webp");
                assertThat(g.keys()).hasSize(n).first().isEqualTo(key);
                assertThat(g.score(key)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                for (int i = 1; i < g.keys().size(); i++) {
                    assertThat(g.score(g.keys().get(i)))
                            .isLessThanOrEqualTo(g.score(g.keys().get(i - 1)));
                }
            });
        }
    }

    @Test
    void captionsNameTheFileAndTheSelectionGrowsWithCtrlShiftAndArrows() throws Exception {
        UiFixtures.seedImages(dir);
        List<ErrorReport> errors = UiFixtures.errors();
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread(errors)) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir), "default");
            ThumbnailGridViewModel vm = imagesGrid(ws, sessions, ui);
            ui.run(vm::load);
            java.util.concurrent.atomic.AtomicReference<ThumbnailGridViewModel> similar =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ui.onUi(() -> {
                String first = UiFixtures.sampleImages().get(0).getFileName().toString();
                assertThat(vm.hasCaptions()).isTrue();
                assertThat(vm.caption("img-000")).isEqualTo(first);
                assertThat(vm.tooltip("img-000")).isEqualTo(first + "\nid img-000");

                List<String> leads = new java.util.ArrayList<>();
                vm.onSelect(leads::add);
                vm.select("img-001");
                assertThat(vm.move(1, false)).isEqualTo(2);
                assertThat(vm.selection()).containsExactly("img-002");
                assertThat(vm.move(4, true)).isEqualTo(6);
                assertThat(vm.selection())
                        .containsExactlyInAnyOrder("img-002", "img-003", "img-004", "img-005", "img-006");
                assertThat(vm.selectedProperty().get()).isEqualTo("img-006");
                vm.move(-1, true);
                assertThat(vm.selection()).hasSize(4).doesNotContain("img-006");
                vm.toggle("img-009");
                assertThat(vm.selection()).hasSize(5).contains("img-009");
                vm.extendTo("img-011");
                assertThat(vm.selection()).containsExactly("img-009", "img-010", "img-011");
                vm.toggle("img-010");
                assertThat(vm.selection()).containsExactly("img-009", "img-011");
                assertThat(vm.selectedProperty().get()).isEqualTo("img-011");
                assertThat(vm.move(-100, false)).isZero();
                assertThat(vm.selection()).containsExactly("img-000");
                assertThat(leads).startsWith("img-001", "img-002").endsWith("img-011", "img-000");

                // similar rows: the score first with four significant digits, then the file name
                vm.onSimilar(similar::set);
            });
            ui.run(() -> vm.findSimilarTo("embedding", new float[] {1, 0, 0, 0, 0, 0, 0, 0}, "a unit vector"));
            ThumbnailGridViewModel g = similar.get();
            ui.onUi(() -> {
                assertThat(g.title()).isEqualTo("Similar to a unit vector");
                String top = g.keys().get(0);
                assertThat(g.caption(top)).matches("-?0\\.\\d{4} · .+\\.\\w+").endsWith(g.label(top));
            });
            assertThat(errors).isEmpty();
        }
    }
}
