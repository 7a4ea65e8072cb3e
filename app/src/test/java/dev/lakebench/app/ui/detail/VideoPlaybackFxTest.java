package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.FxWatchdog;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A stored video segment plays in the detail pane with the bundled FFmpeg: pictures advance, pause holds, scrubbing moves. */
@ExtendWith(FxRobotExtension.class)
class VideoPlaybackFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    /** The ingest runs before the window starts (off the FX thread, outside TestFX's set-up time limit). */
    @org.junit.jupiter.api.BeforeAll
    static void ingest() {
        try (Client c = Client.local(dir)) {
            c.ingest(
                    "clips",
                    Map.of(
                            "path",
                            List.of(UiFixtures.testData("video-sample")
                                    .resolve("sample_with_increasing_timestamps_320w_240h_5s.mp4"))),
                    IngestOptions.defaults().schema("path", "FILE"));
        }
    }

    private static double seconds(Label time) {
        String t = time.getText();
        return t.contains(" / ") ? Double.parseDouble(t.substring(0, t.indexOf(' '))) : -1;
    }

    /** Opens the clips in a result tab, selects the first segment and waits until it can play; its time label. */
    @SuppressWarnings("unchecked")
    private Label openFirstSegment(FxRobot robot) {
        FxFixture.await(20, () -> robot.lookup("clips").tryQuery().isPresent());
        robot.interact(() -> window.workbench()
                .openEditor(window.workbench().currentWorkspace(), "SELECT * FROM clips ORDER BY chunk_index", true));
        FxFixture.await(
                20,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && !robot.lookup("#results-table")
                                .queryAs(TableView.class)
                                .getItems()
                                .isEmpty());
        TableView<Row> results = robot.lookup("#results-table").queryAs(TableView.class);
        robot.interact(
                () -> results.getSelectionModel().select(0, results.getColumns().get(0)));
        Label time = robot.lookup("#detail-video-time").queryAs(Label.class);
        FxFixture.await(
                30,
                () -> !robot.lookup("#detail-play").queryButton().isDisabled()
                        && time.getText().contains(" / "));
        return time;
    }

    @Test
    void theControlsFitANarrowDetailPane(FxRobot robot) {
        openFirstSegment(robot);
        HBox bar = (HBox) robot.lookup("#detail-play").query().getParent();
        for (double width : new double[] {240, 300}) {
            robot.interact(() -> {
                // the window's split between the result tabs and the detail pane, its last item
                SplitPane split = sideBySideSplitAround(bar);
                split.setDividerPosition(split.getItems().size() - 2, 1 - width / split.getWidth());
            });
            FxFixture.settle();
            double barWidth = FxFixture.onFx(bar::getWidth);
            assertThat(barWidth).as("the bar in a pane of %s px", width).isLessThan(width + 2);
            for (Node control : FxFixture.onFx(() -> List.copyOf(bar.getChildren()))) {
                Bounds b = FxFixture.onFx(control::getBoundsInParent);
                assertThat(b.getMaxX())
                        .as("right edge of %s in a bar of %s px", control.getId(), barWidth)
                        .isLessThanOrEqualTo(barWidth);
            }
        }
    }

    private static SplitPane sideBySideSplitAround(Node node) {
        Node n = node.getParent();
        while (!(n instanceof SplitPane split && split.getOrientation() == Orientation.HORIZONTAL)) {
            n = n.getParent();
        }
        return (SplitPane) n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSegmentPlaysPausesAndScrubs(FxRobot robot) throws Exception {
        Label time = openFirstSegment(robot);
        // the decoded pictures are shown by the detail pane's picture view
        ImageView video = robot.lookup("#detail-image").queryAs(ImageView.class);
        FxFixture.await(10, () -> video.getImage() instanceof WritableImage && video.isVisible());

        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            robot.clickOn("#detail-play");
            FxFixture.await(10, () -> seconds(time) >= 2.0);
            System.out.println("FX watchdog during video playback: " + watchdog.report());
            assertThat(watchdog.ioSamples())
                    .as("Lakebench code doing I/O on the FX thread")
                    .isEmpty();
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
        FxFixture.snap(robot, video.getScene(), "video-playing");
        robot.clickOn("#detail-play");
        // once the screen says it paused (and the FX thread has shown what was sent before), no picture follows:
        // the player hands over a picture only while playing, so a loaded machine cannot deliver one late
        FxFixture.await(
                10, () -> robot.lookup("#detail-play").queryButton().getText().equals("Play"));
        double paused = FxFixture.onFx(() -> seconds(time));
        Thread.sleep(700); // the time a picture a pause let through would need to land (25 frames a second)
        assertThat(FxFixture.onFx(() -> seconds(time))).isEqualTo(paused);

        Slider seek = robot.lookup("#detail-video-seek").queryAs(Slider.class);
        assertThat(seek.getMax()).isGreaterThan(3);
        robot.interact(() -> seek.setValue(3.0));
        FxFixture.await(10, () -> Math.abs(seconds(time) - 3.0) < 0.5);
        robot.interact(() -> seek.setValue(0.5));
        FxFixture.await(10, () -> Math.abs(seconds(time) - 0.5) < 0.5);
        assertThat(robot.lookup("#detail-video-time").queryAs(Label.class).getText())
                .doesNotContain("Cannot");
        assertThat(window.workbench().errors().shown()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVideosPictureZoomsAndPansAndKeepsItsZoomWhilePlaying(FxRobot robot) throws Exception {
        Label time = openFirstSegment(robot);
        ImageView image = robot.lookup("#detail-image").queryAs(ImageView.class);
        PictureView view = (PictureView) image.getParent();
        FxFixture.await(10, () -> view.picture() != null && view.getWidth() > 0);
        assertThat(FxFixture.isShowing(robot.lookup("#detail-zoom-in").query())).isTrue();
        assertThat(view.fitted()).isTrue();
        double fit = view.scaleProperty().get();

        // the same keys and gestures as a picture's: +, drag, 1, 0
        robot.interact(view::requestFocus);
        robot.type(KeyCode.ADD);
        FxFixture.await(5, () -> Math.abs(view.scaleProperty().get() - fit * 1.25) < 1e-6);
        Point2D before = view.toView(0, 0);
        robot.drag(view.localToScreen(view.getWidth() / 2, view.getHeight() / 2), MouseButton.PRIMARY)
                .moveBy(30, 20)
                .drop();
        FxFixture.settle();
        Point2D panned = view.toView(0, 0);
        // (the pane may settle by a few pixels while the segment opens: the drag moved the picture, not the pane)
        assertThat(panned.getX() - before.getX()).isCloseTo(30, within(6.0));
        assertThat(panned.getY() - before.getY()).isCloseTo(20, within(6.0));

        // playing replaces the poster by the decoded pictures, and the zoom and pan stay where they were
        double zoomed = view.scaleProperty().get();
        double width = view.picture().getWidth();
        try (FxWatchdog watchdog = new FxWatchdog(100)) {
            robot.clickOn("#detail-play");
            FxFixture.await(10, () -> seconds(time) >= 1.0 && view.picture() instanceof WritableImage);
            robot.clickOn("#detail-play");
            System.out.println("FX watchdog playing a zoomed video: " + watchdog.report());
            assertThat(watchdog.ourStalls()).as(watchdog.report()).isEmpty();
        }
        double factor = view.picture().getWidth() / width;
        assertThat(view.scaleProperty().get() * factor).isCloseTo(zoomed, within(1e-6));
        assertThat(view.toView(0, 0).getX()).isCloseTo(panned.getX(), within(1e-6));
        assertThat(view.fitted()).isFalse();
        FxFixture.snap(robot, view.getScene(), "video-zoomed");

        robot.interact(view::requestFocus); // the play button had the keys
        robot.type(KeyCode.DIGIT1);
        FxFixture.await(5, () -> Math.abs(view.scaleProperty().get() - 1) < 1e-9);
        robot.type(KeyCode.DIGIT0);
        FxFixture.await(5, view::fitted);
        assertThat(window.workbench().errors().shown()).isEmpty();
    }
}
