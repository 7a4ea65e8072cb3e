package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.WorkbenchFixture;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.ingest.formats.Coco;
import dev.lakebench.core.ingest.formats.LabelMask;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** An ingested COCO row shows its boxes where the annotation puts them, its mask in category colours, its captions. */
@ExtendWith(FxRobotExtension.class)
class CocoOverlayFxTest {

    private static final Path COCO = UiFixtures.testData("coco-detection-captions-sample");

    @TempDir
    static Path dir;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture(() -> dir);

    @BeforeAll
    static void ingest() {
        try (Client c = Client.local(dir)) {
            c.ingest("coco", new Coco(COCO.resolve("val2017"), COCO.resolve("annotations")), IngestOptions.defaults());
        }
    }

    private static Color pixel(FxRobot robot, PictureView view, Point2D local) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.getScene().snapshot(null));
        Point2D p = view.localToScene(local);
        return shot[0].getPixelReader().getColor((int) Math.floor(p.getX()), (int) Math.floor(p.getY()));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06
                && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }

    @Test
    @SuppressWarnings("unchecked")
    void boxesSitOnTheirAnnotationMaskColoursFollowCategoriesCaptionsShowAndTheToggleHidesThem(FxRobot robot)
            throws Exception {
        JsonNode person = null;
        for (JsonNode a : new ObjectMapper()
                .readTree(COCO.resolve("annotations/instances_val2017.json").toFile())
                .path("annotations")) {
            if (a.path("image_id").asLong() == 139
                    && a.path("category_id").asInt() == 1
                    && a.path("bbox").get(3).asDouble() > 100) {
                person = a;
            }
        }
        assertThat(person).isNotNull();
        double x = person.path("bbox").get(0).asDouble();
        double y = person.path("bbox").get(1).asDouble();
        double h = person.path("bbox").get(3).asDouble();

        FxFixture.await(20, () -> robot.lookup("coco").tryQuery().isPresent());
        robot.interact(() -> window.workbench()
                .openEditor(
                        window.workbench().currentWorkspace(), "SELECT * FROM coco WHERE coco_image_id = 139", true));
        FxFixture.await(
                30,
                () -> !robot.lookup("#results-table").queryAll().isEmpty()
                        && !robot.lookup("#results-table")
                                .queryAs(TableView.class)
                                .getItems()
                                .isEmpty());
        TableView<Row> results = robot.lookup("#results-table").queryAs(TableView.class);
        robot.interact(
                () -> results.getSelectionModel().select(0, results.getColumns().get(0)));
        ImageView mask = robot.lookup("#detail-mask").queryAs(ImageView.class);
        PictureView view = (PictureView) mask.getParent();
        FxFixture.await(30, () -> view.picture() != null && mask.getImage() != null);
        FxFixture.settle();
        assertThat(view.picture().getWidth()).isEqualTo(640);

        FxFixture.snap(robot, view.getScene(), "detail-coco-fitted");
        // zoom in with the keys around the person's left edge (fitted, the pane is small and boxes touch)
        robot.clickOn(view.localToScreen(view.toView(x, y + h * 0.15)));
        for (int i = 0; i < 20 && view.scaleProperty().get() < 1; i++) {
            robot.type(javafx.scene.input.KeyCode.ADD);
        }
        FxFixture.settle();
        // the person's box: its left edge, above the chairs that touch it lower down, is drawn in the person category's
        // colour
        Color personColour = Palette.of(1);
        Point2D edge = view.toView(x, y + h * 0.15);
        Color seen = pixel(robot, view, edge);
        assertThat(near(seen, personColour))
                .as("box edge %s at %s, expected %s", seen, edge, personColour)
                .isTrue();
        robot.clickOn("#detail-zoom-in");
        FxFixture.settle();
        Point2D zoomed = view.toView(x, y + h * 0.15);
        assertThat(zoomed).isNotEqualTo(edge);
        assertThat(near(pixel(robot, view, zoomed), personColour)).isTrue();
        FxFixture.snap(robot, view.getScene(), "detail-coco-light");
        robot.clickOn("#tb-theme");
        FxFixture.settle();
        FxFixture.snap(robot, view.getScene(), "detail-coco-dark");
        robot.clickOn("#tb-theme");

        // the mask: a pixel labelled "person" in the stored PNG is painted in the person colour
        LabelMask labels = LabelMask.fromPng((byte[]) results.getItems().get(0).get("mask"));
        int px = -1;
        int py = -1;
        for (int j = 0; j < labels.height() && px < 0; j++) {
            for (int i = 0; i < labels.width(); i++) {
                if (labels.get(i, j) == 1) {
                    px = i;
                    py = j;
                    break;
                }
            }
        }
        assertThat(px).isNotNegative();
        // (the image stores premultiplied pixels: a channel may come back one off)
        int argb = mask.getImage().getPixelReader().getArgb(px, py);
        int want = Palette.argb(1, MaskColours.ALPHA);
        for (int shift = 0; shift < 32; shift += 8) {
            assertThat((argb >>> shift) & 0xff)
                    .isCloseTo((want >>> shift) & 0xff, org.assertj.core.data.Offset.offset(2));
        }
        assertThat(mask.getImage().getPixelReader().getArgb(0, 0) >>> 24)
                .isEqualTo(labels.get(0, 0) == 0 ? 0 : MaskColours.ALPHA);

        Label captions = robot.lookup("#detail-captions").queryAs(Label.class);
        JsonNode firstCaption = null;
        for (JsonNode c : new ObjectMapper()
                .readTree(COCO.resolve("annotations/captions_val2017.json").toFile())
                .path("annotations")) {
            if (c.path("image_id").asLong() == 139 && firstCaption == null) {
                firstCaption = c;
            }
        }
        String caption = firstCaption.path("caption").asText().strip();
        FxFixture.await(10, () -> captions.isVisible() && captions.getText().contains(caption));

        robot.clickOn("#detail-overlays");
        FxFixture.settle();
        assertThat(mask.isVisible()).isFalse();
        assertThat(near(pixel(robot, view, zoomed), personColour)).isFalse();
    }
}
