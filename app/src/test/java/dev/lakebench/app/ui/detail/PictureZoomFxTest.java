package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Zoom and pan of the detail pane's picture: wheel around the pointer, drag, keys, buttons, reset per row. */
@ExtendWith(FxRobotExtension.class)
class PictureZoomFxTest {

    @TempDir
    static Path dir;

    @RegisterExtension
    final DetailPaneFixture pane = new DetailPaneFixture(() -> dir);

    @Start
    void start(Stage stage) {
        pane.show(
                stage,
                640,
                720,
                dev.lakebench.app.ui.theme.Theme.valueOf(System.getProperty("lakebench.theme", "LIGHT"))
                        .stylesheets());
    }

    static byte[] png(int w, int h, int seed) throws Exception {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | (seed * 40 & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(b, "png", out);
        return out.toByteArray();
    }

    private PictureView show(FxRobot robot, String id, byte[] png) {
        Row row = new Row(List.of("id", "image"), new Object[] {id, png});
        robot.interact(() -> pane.vm().show(new SelectedRow(null, "pictures", row)));
        ImageView image = robot.lookup("#detail-image").queryAs(ImageView.class);
        PictureView view = (PictureView) image.getParent();
        FxFixture.await(20, () -> view.picture() != null && view.getWidth() > 0);
        FxFixture.settle();
        return view;
    }

    private static Point2D pictureAt(PictureView v, double viewX, double viewY) {
        Point2D origin = v.toView(0, 0);
        double s = v.scaleProperty().get();
        return new Point2D((viewX - origin.getX()) / s, (viewY - origin.getY()) / s);
    }

    @Test
    void theWheelZoomsAroundThePointerDragPansKeysAndButtonsFitAndANewRowResets(FxRobot robot) throws Exception {
        PictureView view = show(robot, "a", png(1600, 1200, 1));
        assertThat(view.fitted()).isTrue();
        double fit = view.scaleProperty().get();
        assertThat(fit).isCloseTo(Math.min(view.getWidth() / 1600, view.getHeight() / 1200), within(1e-6));
        // the full-resolution picture, not a thumbnail
        assertThat(view.picture().getWidth()).isEqualTo(1600);

        double px = view.getWidth() * 0.3;
        double py = view.getHeight() * 0.6;
        Point2D under = pictureAt(view, px, py);
        robot.moveTo(view.localToScreen(px, py)).scroll(3, VerticalDirection.UP);
        FxFixture.settle();
        assertThat(view.scaleProperty().get()).isNotCloseTo(fit, within(1e-3));
        Point2D same = view.toView(under.getX(), under.getY());
        assertThat(same.getX()).isCloseTo(px, within(1.0));
        assertThat(same.getY()).isCloseTo(py, within(1.0));

        Point2D before = view.toView(0, 0);
        robot.drag(view.localToScreen(px, py), MouseButton.PRIMARY)
                .moveBy(40, 25)
                .drop();
        FxFixture.settle();
        Point2D after = view.toView(0, 0);
        assertThat(after.getX() - before.getX()).isCloseTo(40, within(2.0));
        assertThat(after.getY() - before.getY()).isCloseTo(25, within(2.0));

        robot.type(KeyCode.DIGIT1);
        assertThat(view.scaleProperty().get()).isCloseTo(1, within(1e-9));
        robot.type(KeyCode.ADD);
        assertThat(view.scaleProperty().get()).isCloseTo(1.25, within(1e-9));
        robot.type(KeyCode.SUBTRACT);
        robot.type(KeyCode.SUBTRACT);
        assertThat(view.scaleProperty().get()).isCloseTo(0.8, within(1e-9));
        assertThat(robot.lookup("#detail-zoom-level").queryLabeled().getText()).isEqualTo("80 %");

        robot.doubleClickOn(view);
        assertThat(view.fitted()).isTrue();
        assertThat(view.scaleProperty().get()).isCloseTo(fit, within(1e-6));

        robot.clickOn("#detail-zoom-in");
        robot.clickOn("#detail-actual-size");
        assertThat(view.scaleProperty().get()).isCloseTo(1, within(1e-9));
        FxFixture.snap(robot, view.getScene(), "detail-zoom-1to1");

        // another row starts fitted again
        PictureView next = show(robot, "b", png(300, 900, 2));
        FxFixture.await(10, () -> next.picture().getWidth() == 300);
        FxFixture.settle();
        assertThat(next.fitted()).isTrue();
        assertThat(next.scaleProperty().get())
                .isCloseTo(Math.min(next.getWidth() / 300, next.getHeight() / 900), within(1e-6));
        robot.clickOn("#detail-fit");
        assertThat(next.fitted()).isTrue();
    }

    @Test
    void aWhitePageHasAVisibleEdgeOnThePane(FxRobot robot) throws Exception {
        BufferedImage page = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page, "png", out);
        PictureView view = show(robot, "page", out.toByteArray());
        Point2D topLeft = view.toView(0, 0);
        Point2D bottomRight = view.toView(850, 1100);
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        javafx.scene.image.PixelReader px = shot[0].getPixelReader();
        int midY = (int) ((topLeft.getY() + bottomRight.getY()) / 2);
        int midX = (int) ((topLeft.getX() + bottomRight.getX()) / 2);
        // the page itself is white; the line just outside its left and top edges is darker than the pane around it
        assertThat(px.getColor(midX, midY).getBrightness()).isGreaterThan(0.99);
        int left = (int) Math.floor(topLeft.getX()) - 1;
        int top = (int) Math.floor(topLeft.getY()) - 1;
        if (left >= 0) {
            assertThat(px.getColor(left, midY).getBrightness())
                    .isLessThan(px.getColor(Math.max(0, left - 3), midY).getBrightness() - 0.05);
        }
        if (top >= 0) {
            assertThat(px.getColor(midX, top).getBrightness())
                    .isLessThan(px.getColor(midX, Math.max(0, top - 3)).getBrightness() - 0.05);
        }
        assertThat(left >= 3 || top >= 3)
                .as("the fitted page leaves room on one side")
                .isTrue();
    }
}
