package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.core.ingest.files.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editable drop list without a window: removing files and folders, exclude patterns, stopping a long read. */
class DropListTest {

    @TempDir
    Path dir;

    private final List<ErrorReport> errors = UiFixtures.errors();
    private final UiThread ui = new UiThread(errors);

    @AfterEach
    void drain() {
        ui.drain();
    }

    @Test
    void filesAreRemovedAndExcludedAndTheCountsFollow() throws Exception {
        Path folder = dir.resolve("notes");
        Files.createDirectories(folder.resolve("cache"));
        Files.createDirectories(folder.resolve("raw/deep"));
        Files.writeString(folder.resolve("a.txt"), "alpha");
        Files.writeString(folder.resolve("b.txt"), "beta");
        Files.writeString(folder.resolve("run.log"), "log");
        Files.writeString(folder.resolve("cache/c.txt"), "cached");
        Files.writeString(folder.resolve("raw/deep/d.txt"), "deep");
        Files.copy(UiFixtures.sampleImages().get(0), folder.resolve("photo.png"));
        DropList drops = ui.onUi(() -> {
            DropList d = new DropList(ui.tasks());
            d.add(List.of(folder));
            return d;
        });
        ui.await(() -> drops.summaryProperty().get() != null);
        ui.onUi(() -> {
            assertThat(drops.summaryProperty().get().kinds().get(FileKind.TEXT).files())
                    .isEqualTo(5);
            assertThat(drops.shown())
                    .extracting(DropEntry::relative)
                    .contains("cache/c.txt", "raw/deep/d.txt", "photo.png");

            drops.excludesProperty().set("cache, *.log, raw/**");
            assertThat(drops.summaryProperty().get().kinds().get(FileKind.TEXT).files())
                    .isEqualTo(2);
            assertThat(drops.shown()).extracting(DropEntry::relative).containsExactly("a.txt", "b.txt", "photo.png");

            drops.remove(List.of(drops.shown().get(2)));
            assertThat(drops.summaryProperty().get().kinds()).doesNotContainKey(FileKind.IMAGE);
            assertThat(drops.paths()).containsExactly(folder.resolve("a.txt"), folder.resolve("b.txt"));
            assertThat(drops.removedCount()).isEqualTo(1);

            drops.excludesProperty().set("{cache,raw}, run.???, *.[!t]*");
            assertThat(drops.shown()).extracting(DropEntry::relative).containsExactly("a.txt", "b.txt");
            drops.excludesProperty().set("[unclosed");
            assertThat(drops.excludeProblemProperty().get()).startsWith("Exclude pattern \"[unclosed\" is not valid");
            assertThat(drops.paths()).hasSize(2); // the last valid patterns stay in force
            drops.excludesProperty().set("");
            drops.restoreRemoved();
            assertThat(drops.paths()).hasSize(6);

            drops.removeRoots(List.of(drops.roots().get(0)));
            assertThat(drops.roots()).isEmpty();
            assertThat(drops.summaryProperty().get().isEmpty()).isTrue();
        });
        assertThat(errors).isEmpty();
    }

    @Test
    void aHugeFolderDroppedByMistakeCanBeStoppedOrRemovedWhileItIsRead() throws Exception {
        Path huge = dir.resolve("huge");
        for (int d = 0; d < 50; d++) {
            Path sub = Files.createDirectories(huge.resolve("d" + d));
            for (int i = 0; i < 100; i++) {
                Files.writeString(sub.resolve("f" + i + ".txt"), "x");
            }
        }
        Path keep = dir.resolve("keep.txt");
        Files.writeString(keep, "keep me");
        // Holding the UI thread's hand-offs stands in for a busy FX thread: the reader's first progress report (after
        // 256 files) waits for it, so that Stop lands while the folder is being read however fast the machine is.
        DropList drops = ui.onUi(() -> new DropList(ui.tasks()));
        ui.holdingHandOffs(() -> {
            drops.add(List.of(keep, huge));
            drops.stopScans();
        });
        ui.await(
                () -> !drops.scanningProperty().get() && drops.summaryProperty().get() != null);
        ui.onUi(() -> {
            assertThat(drops.summaryProperty().get().totalFiles()).isLessThan(5001);
            assertThat(drops.statusProperty().get())
                    .isEqualTo("Reading stopped early: only the files found so far are listed");
        });

        DropList again = ui.onUi(() -> {
            DropList d = new DropList(ui.tasks());
            d.add(List.of(keep));
            return d;
        });
        ui.await(
                () -> !again.scanningProperty().get() && again.summaryProperty().get() != null);
        ui.onUi(
                () -> { // the folder's read cannot end within this turn of the UI thread
                    again.add(List.of(huge));
                    assertThat(again.scanningProperty().get()).isTrue();
                    assertThat(again.statusProperty().get()).startsWith("Reading 1 dropped item…");
                    again.removeRoots(List.of(huge.toAbsolutePath()));
                    assertThat(again.scanningProperty().get()).isFalse();
                    assertThat(again.paths()).containsExactly(keep.toAbsolutePath());
                });
        // the stopped read ends in the background and must not bring the folder back
        ui.drain();
        ui.onUi(() -> {
            assertThat(again.paths()).containsExactly(keep.toAbsolutePath());
            assertThat(again.scanningProperty().get()).isFalse();
        });
        assertThat(errors).isEmpty();
    }
}
