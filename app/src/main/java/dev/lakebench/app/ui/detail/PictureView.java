package dev.lakebench.app.ui.detail;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A picture that zooms and pans: the wheel, a pinch and the +/- keys zoom around the pointer, dragging pans, a
 * double-click (or 0) fits the whole picture, 1 shows it pixel for pixel. Only the visible part of the picture
 * is drawn (the image view's viewport), so a deep zoom into a large page costs no more than the fitted view.
 * Annotation boxes with their labels and a coloured label mask can be laid over the picture; they follow the
 * zoom and can be hidden.
 */
final class PictureView extends Region {

    /** An annotation box in picture pixels, with the label drawn on it and its category (which picks the colour). */
    record Box(double x, double y, double w, double h, int category, String label) {}

    private static final double STEP = 1.25;

    private final ImageView image = new ImageView();
    /** A thin line around the whole picture: a white page on a light pane has no edge of its own. */
    private final Rectangle edge = new Rectangle();

    private final ImageView mask = new ImageView();
    private final Canvas boxes = new Canvas();
    private final Zoom zoom = new Zoom();
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final BooleanProperty overlays = new SimpleBooleanProperty(true);
    private List<Box> boxList = List.of();
    private double dragX;
    private double dragY;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    PictureView() {
        getStyleClass().add("picture-view");
        image.setId("detail-image");
        image.setSmooth(true);
        mask.setId("detail-mask");
        mask.setOpacity(0.5);
        mask.setSmooth(false);
        boxes.setId("detail-boxes");
        boxes.setMouseTransparent(true);
        edge.getStyleClass().add("picture-edge");
        edge.setFill(null);
        edge.setStrokeType(StrokeType.OUTSIDE);
        edge.setStrokeWidth(1);
        edge.setManaged(false);
        edge.setMouseTransparent(true);
        edge.setVisible(false);
        getChildren().addAll(edge, image, mask, boxes);
        setMinSize(0, 0);
        setPrefSize(1, 1);
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        overlays.addListener((o, a, on) -> requestLayout());
        setOnScroll(e -> {
            if (e.getDeltaY() != 0 && hasPicture()) {
                zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
                e.consume();
            }
        });
        setOnZoom(e -> {
            if (hasPicture()) {
                zoomAt(e.getX(), e.getY(), e.getZoomFactor());
                e.consume();
            }
        });
        setOnMouseMoved(e -> {
            pointerX = e.getX();
            pointerY = e.getY();
        });
        setOnMouseExited(e -> pointerX = Double.NaN);
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            boolean moved = e.getX() != dragX || e.getY() != dragY;
            if (e.getButton() == MouseButton.PRIMARY && hasPicture() && moved) {
                zoom.pan(e.getX() - dragX, e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
                requestLayout();
            }
        });
        setOnMouseClicked(e -> {
            // a drag that follows a click is not a double-click
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                fit();
            }
        });
        setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            String t = e.getText();
            if (k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS || "+".equals(t)) {
                zoomBy(STEP);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT || "-".equals(t)) {
                zoomBy(1 / STEP);
            } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                fit();
            } else if (k == KeyCode.DIGIT1 || k == KeyCode.NUMPAD1) {
                actualSize();
            } else {
                return;
            }
            e.consume();
        });
    }

    /** A new picture, fitted; its mask and boxes are cleared. */
    void show(Image picture) {
        image.setImage(picture);
        mask.setImage(null);
        boxList = List.of();
        zoom.reset();
        requestLayout();
    }

    /**
     * Another picture in place of the shown one without refitting (a video's decoded pictures after its poster):
     * a zoomed view keeps showing the same part; the overlays stay.
     */
    void replace(Image next) {
        Image old = image.getImage();
        if (old != null && next != null && old.getWidth() > 0) {
            zoom.rescale(next.getWidth() / old.getWidth());
        } else {
            zoom.reset();
        }
        image.setImage(next);
        requestLayout();
    }

    Image picture() {
        return image.getImage();
    }

    /** A coloured mask the picture's size (or any size: it is stretched over the picture). */
    void setMask(Image coloured) {
        mask.setImage(coloured);
        requestLayout();
    }

    void setBoxes(List<Box> list) {
        boxList = List.copyOf(list);
        requestLayout();
    }

    BooleanProperty overlaysProperty() {
        return overlays;
    }

    /** View pixels per picture pixel. */
    ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    boolean fitted() {
        return zoom.fitted();
    }

    /** The view point of a picture point. */
    Point2D toView(double px, double py) {
        return new Point2D(zoom.viewX(px), zoom.viewY(py));
    }

    void fit() {
        zoom.reset();
        requestLayout();
    }

    void actualSize() {
        if (hasPicture()) {
            zoom.actualSize(getWidth(), getHeight());
            requestLayout();
        }
    }

    /** Zooms around the pointer when it is over the picture, else around the centre. */
    void zoomBy(double factor) {
        if (hasPicture()) {
            boolean inside = !Double.isNaN(pointerX);
            zoomAt(inside ? pointerX : getWidth() / 2, inside ? pointerY : getHeight() / 2, factor);
        }
    }

    private void zoomAt(double x, double y, double factor) {
        zoom.zoomAt(x, y, factor);
        requestLayout();
    }

    private boolean hasPicture() {
        return image.getImage() != null;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boxes.setWidth(w);
        boxes.setHeight(h);
        GraphicsContext g = boxes.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        Image pic = image.getImage();
        if (pic == null) {
            mask.setVisible(false);
            edge.setVisible(false);
            return;
        }
        double pw = pic.getWidth();
        double ph = pic.getHeight();
        zoom.layout(w, h, pw, ph);
        scale.set(zoom.scale());
        edge.setVisible(true);
        edge.setX(zoom.viewX(0));
        edge.setY(zoom.viewY(0));
        edge.setWidth(pw * zoom.scale());
        edge.setHeight(ph * zoom.scale());
        Rectangle2D visible = place(image, pw, ph, pw, ph, w, h);
        mask.setVisible(overlays.get() && mask.getImage() != null && visible != null);
        if (mask.isVisible()) {
            place(mask, mask.getImage().getWidth(), mask.getImage().getHeight(), pw, ph, w, h);
        }
        if (overlays.get()) {
            drawBoxes(g);
        }
    }

    /**
     * Shows the part of {@code view}'s image that falls inside the view. The image is {@code iw}×{@code ih}
     * pixels stretched over the picture's {@code pw}×{@code ph}. Returns the visible part in picture pixels.
     */
    private Rectangle2D place(ImageView view, double iw, double ih, double pw, double ph, double w, double h) {
        double s = zoom.scale();
        double x0 = Math.max(0, -zoom.x() / s);
        double y0 = Math.max(0, -zoom.y() / s);
        double x1 = Math.min(pw, (w - zoom.x()) / s);
        double y1 = Math.min(ph, (h - zoom.y()) / s);
        if (x1 <= x0 || y1 <= y0) {
            view.setVisible(false);
            return null;
        }
        double fx = iw / pw;
        double fy = ih / ph;
        view.setVisible(true);
        view.setViewport(new Rectangle2D(x0 * fx, y0 * fy, (x1 - x0) * fx, (y1 - y0) * fy));
        view.setPreserveRatio(false);
        view.setFitWidth((x1 - x0) * s);
        view.setFitHeight((y1 - y0) * s);
        view.relocate(zoom.viewX(x0), zoom.viewY(y0));
        // pixel for pixel and beyond: show the pixels as squares instead of blurring them
        view.setSmooth(s < 2);
        return new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
    }

    private void drawBoxes(GraphicsContext g) {
        Font font = Font.font("System", FontWeight.BOLD, 11);
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(2);
        for (Box b : boxList) {
            Color c = Palette.of(b.category());
            double x = zoom.viewX(b.x());
            double y = zoom.viewY(b.y());
            double bw = b.w() * zoom.scale();
            double bh = b.h() * zoom.scale();
            g.setStroke(c);
            g.strokeRect(x, y, bw, bh);
            if (b.label() != null && !b.label().isEmpty()) {
                Text probe = new Text(b.label());
                probe.setFont(font);
                double tw = probe.getLayoutBounds().getWidth() + 6;
                double th = probe.getLayoutBounds().getHeight() + 2;
                double ty = y - th >= 0 ? y - th : y;
                g.setFill(c);
                g.fillRect(x - 1, ty, tw, th);
                g.setFill(Palette.textOn(c));
                g.fillText(b.label(), x + 2, ty + 1);
            }
        }
    }
}
