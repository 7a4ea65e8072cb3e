package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.common.ImageDecoding;
import dev.lakebench.app.ui.common.Once;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.natives.media.VideoDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The detail pane: the row's picture (full image, PDF page) or video segment with play/pause, the text that
 * goes with it, and every column's value (copyable).
 */
public final class DetailView {

    private static final String PLAY_TIP = "Play or pause the segment";

    private final DetailViewModel vm;
    private final Executor background;
    private final Executor ui;
    private final VBox root = new VBox();
    private final StackPane mediaBox = new StackPane();
    private final PictureView picture = new PictureView();
    private final HBox pictureControls = new HBox(4);
    private final DetailText text;
    private final ToggleButton overlays = new ToggleButton("Overlays");
    private final Label captions = new Label();
    private final HBox videoControls = new HBox(6);
    private final Label mediaNote = new Label();
    private final Button play = new Button("Play", Icons.of(Icons.Icon.PLAY));
    private final Slider seek = new Slider(0, 1, 0);
    private final Label position = new Label();
    private final Speakers speakers;
    private final ToggleButton mute = new ToggleButton("Mute");
    private VideoPlayback player;
    private WritableImage frame;
    private boolean seekFromPlayer;
    private long pictureGeneration;
    private SplitPane body;

    public DetailView(DetailViewModel vm, Threads threads) {
        this(vm, threads, new JavaSoundSpeakers());
    }

    /** With the given sound output (tests hear what is played through it). */
    DetailView(DetailViewModel vm, Threads threads, Speakers speakers) {
        this.vm = vm;
        this.speakers = speakers;
        this.background = threads.background();
        this.ui = threads.ui();
        root.getStyleClass().add("detail-pane");
        root.setId("detail");
        Label title = title(vm);
        Label empty = new Label("Select a row or a thumbnail to see it here.");
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        empty.visibleProperty().bind(vm.shownProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        mediaBox.getStyleClass().add("media-box");
        mediaBox.setMinHeight(0);
        mediaBox.getChildren().addAll(picture, mediaNote);
        // the note lies over the picture's centre: clicks and drags there belong to the picture
        mediaNote.setMouseTransparent(true);
        mediaBox.setMinWidth(0);
        play.setId("detail-play");
        // their tooltips follow the player's state, and are made on the first hover (the pane is built at start)
        play.setAccessibleHelp(PLAY_TIP);
        HoverTooltip.followingHelp(play);
        // icons only, with the words kept as the buttons' text for tooltips and screen readers: with words the
        // bar did not fit a narrow detail pane and cut off the mute button
        play.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        mute.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        mute.graphicProperty()
                .bind(Bindings.createObjectBinding(
                        () -> Icons.of(mute.isSelected() ? Icons.Icon.MUTED : Icons.Icon.SOUND),
                        mute.selectedProperty()));
        mute.setId("detail-mute");
        mute.getStyleClass().add("flat");
        mute.setMinWidth(Region.USE_PREF_SIZE);
        mute.setFocusTraversable(false);
        mute.setAccessibleHelp("Silence the segment's sound");
        HoverTooltip.followingHelp(mute);
        mute.selectedProperty().addListener((o, a, on) -> {
            if (player != null) {
                player.mute(on);
            }
        });
        play.setOnAction(e -> {
            if (player == null) {
                return;
            }
            if (player.isPlaying()) {
                player.pause();
            } else {
                player.play();
            }
        });
        seek.setId("detail-video-seek");
        seek.setMinWidth(40);
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.valueProperty().addListener((o, a, v) -> {
            if (!seekFromPlayer && player != null) {
                player.seek(v.doubleValue());
            }
        });
        position.setId("detail-video-time");
        position.getStyleClass().add(Styles.MUTED);
        position.setMinWidth(Region.USE_PREF_SIZE);
        play.setMinWidth(Region.USE_PREF_SIZE);
        videoControls.getChildren().addAll(play, seek, position, mute);
        videoControls.setAlignment(Pos.CENTER_LEFT);
        videoControls.setPadding(new Insets(4, 8, 4, 8));
        videoControls.setVisible(false);
        videoControls.managedProperty().bind(videoControls.visibleProperty());

        text = new DetailText(vm.textProperty().isNotEmpty());
        vm.textProperty().addListener((o, a, t) -> showText());
        vm.hitsProperty().addListener((o, a, h) -> showText());

        buildPictureControls();
        captions.setId("detail-captions");
        captions.setWrapText(true);
        // a few lines at most: the picture keeps the room; the tooltip has them all
        captions.setMinHeight(0);
        captions.setMaxHeight(76);
        HoverTooltip.install(captions, () -> {
            Tooltip allCaptions = new Tooltip();
            allCaptions.setWrapText(true);
            allCaptions.setMaxWidth(480);
            allCaptions.textProperty().bind(captions.textProperty());
            return allCaptions;
        });
        captions.setPadding(new Insets(2, 10, 6, 10));
        captions.managedProperty().bind(captions.visibleProperty());
        captions.setVisible(false);
        captions.visibleProperty().bind(captions.textProperty().isNotEmpty().and(pictureControls.visibleProperty()));
        root.getChildren().addAll(title, empty);
        // Every part may shrink to nothing, so the pane follows its divider both ways; what does not fit is clipped.
        for (Region r : List.of(root, title, empty, videoControls, pictureControls, captions)) {
            r.setMinWidth(0);
        }
        // the body (picture, fields table, text) is built for the first row shown: a window that starts with no row
        // selected does not style, skin and lay out a table, a slider and a split pane it does not show
        Once.when(vm.shownProperty(), Objects::nonNull, row -> buildBody());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        vm.mediaProperty().addListener((o, a, m) -> showMedia(m));
        showMedia(vm.mediaProperty().get());
        showText();
    }

    /** The pane's body, for the first row shown: the media, the row's text and its fields. */
    private void buildBody() {
        TableView<DetailViewModel.Field> fields = new TableView<>(vm.fields());
        fields.setId("detail-fields");
        TableColumn<DetailViewModel.Field, String> name = new TableColumn<>("Column");
        name.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().name()));
        name.setPrefWidth(110);
        TableColumn<DetailViewModel.Field, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(
                f -> new SimpleStringProperty(oneLine(f.getValue().value())));
        value.setPrefWidth(260);
        fields.getColumns().setAll(List.of(name, value));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                var f = fields.getSelectionModel().getSelectedItem();
                if (f != null) {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(f.value());
                    Clipboard.getSystemClipboard().setContent(c);
                }
            }
        });
        fields.visibleProperty().bind(vm.shownProperty().isNotNull());
        VBox media = new VBox(mediaBox, pictureControls, captions, videoControls);
        VBox.setVgrow(mediaBox, Priority.ALWAYS);
        body = new SplitPane(media, fields);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);
        // a hidden text section would still take its share of the split: take it out while there is no text
        vm.textProperty().addListener((o, a, t) -> placeText(media, fields));
        placeText(media, fields);
        body.visibleProperty().bind(vm.shownProperty().isNotNull());
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().add(body);
        for (Region r : List.of(body, media, fields)) {
            r.setMinWidth(0);
        }
    }

    /** Puts the text section into the body while the row has text, takes it out otherwise. */
    private void placeText(Node media, Node fields) {
        String t = vm.textProperty().get();
        boolean has = t != null && !t.isEmpty();
        if (has != (text.built() && body.getItems().contains(text.pane()))) {
            if (has) {
                body.getItems().setAll(media, text.pane(), fields);
                body.setDividerPositions(0.45, 0.62);
            } else {
                body.getItems().setAll(media, fields);
                body.setDividerPositions(0.62);
            }
        }
    }

    /** Whether the body was built (a row has been shown). */
    boolean bodyBuilt() {
        return body != null;
    }

    public Node node() {
        return root;
    }

    /**
     * The row's title, whole: wrapped over as many lines as it needs (a long file name breaks inside the name)
     * instead of being cut to "…", never shrunk below that height by the pane under it; the full text is also the
     * tooltip, and the context menu copies it.
     */
    private static Label title(DetailViewModel vm) {
        Label title = new Label();
        title.setId("detail-title");
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add(Styles.TITLE);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setPadding(new Insets(8, 10, 4, 10));
        // the full-title tooltip and the copy menu are popups: made with the first title, not with the window
        Once.when(vm.titleProperty(), t -> t != null && !t.isEmpty(), t -> titlePopups(title, vm));
        return title;
    }

    private static void titlePopups(Label title, DetailViewModel vm) {
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.titleProperty());
        full.setWrapText(true);
        full.setMaxWidth(640);
        title.tooltipProperty()
                .bind(Bindings.when(vm.titleProperty().isEmpty())
                        .then((Tooltip) null)
                        .otherwise(full));
        MenuItem copy = new MenuItem("Copy title");
        copy.setId("detail-title-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.titleProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        title.setContextMenu(new ContextMenu(copy));
    }

    /** Zoom buttons under a picture: out, in, fit, pixel for pixel, and the current scale. */
    private void buildPictureControls() {
        Button out = small("−", "detail-zoom-out", "Zoom out (−, or the mouse wheel over the picture)");
        out.setOnAction(e -> picture.zoomBy(1 / 1.25));
        Button in = small("+", "detail-zoom-in", "Zoom in (+, or the mouse wheel over the picture)");
        in.setOnAction(e -> picture.zoomBy(1.25));
        Button fit = small("Fit", "detail-fit", "Show the whole picture (0, or double-click the picture)");
        fit.setOnAction(e -> picture.fit());
        Button actual = small("1:1", "detail-actual-size", "One picture pixel per screen pixel (1)");
        actual.setOnAction(e -> picture.actualSize());
        Label level = new Label();
        level.setId("detail-zoom-level");
        level.getStyleClass().add(Styles.MUTED);
        level.setMinWidth(Region.USE_PREF_SIZE);
        // plain arithmetic, not a format binding: the pane is built with the window, and a formatter's first use
        // loads the locale data on the FX thread
        level.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Math.round(picture.scaleProperty().get() * 100) + " %", picture.scaleProperty()));
        overlays.setId("detail-overlays");
        overlays.getStyleClass().add("flat");
        overlays.setSelected(true);
        overlays.setMinWidth(Region.USE_PREF_SIZE);
        overlays.setFocusTraversable(false);
        HoverTooltip.install(overlays, "Show or hide the annotation boxes, labels and mask");
        overlays.managedProperty().bind(overlays.visibleProperty());
        overlays.setVisible(false);
        picture.overlaysProperty().bind(overlays.selectedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        pictureControls.getChildren().addAll(out, in, fit, actual, level, gap, overlays);
        pictureControls.setAlignment(Pos.CENTER_LEFT);
        pictureControls.setPadding(new Insets(2, 8, 2, 8));
        pictureControls.setVisible(false);
        pictureControls.managedProperty().bind(pictureControls.visibleProperty());
    }

    private static Button small(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("flat");
        b.setMinWidth(Region.USE_PREF_SIZE);
        HoverTooltip.install(b, tip);
        b.setFocusTraversable(false);
        return b;
    }

    /** The row's text with the searched words marked, scrolled to the first of them. */
    private void showText() {
        text.show(vm.textProperty().get(), vm.hitsProperty().get());
    }

    private static String oneLine(String s) {
        String t = s.length() > 500 ? s.substring(0, 500) + "…" : s;
        return t.replace('\n', ' ');
    }

    private void showMedia(DetailViewModel.Media m) {
        stopVideo();
        mediaNote.setText("");
        videoControls.setVisible(false);
        pictureControls.setVisible(false);
        switch (m) {
            case DetailViewModel.Media.None none -> {
                pictureGeneration++;
                picture.show(null);
                mediaBox.setVisible(false);
            }
            case DetailViewModel.Media.Picture p -> {
                mediaBox.setVisible(true);
                picture.setVisible(true);
                pictureControls.setVisible(true);
                Annotations a = vm.annotationsProperty().get();
                overlays.setVisible(!a.boxes().isEmpty() || a.mask() != null);
                captions.setText(String.join(
                        "\n", a.captions().stream().map(c -> "• " + c).toList()));
                decode(p.bytes(), a);
            }
            case DetailViewModel.Media.Video v -> {
                mediaBox.setVisible(true);
                picture.setVisible(true);
                captions.setText("");
                if (v.poster() != null) {
                    decode(v.poster(), Annotations.NONE);
                } else {
                    pictureGeneration++;
                    picture.show(null);
                }
                videoControls.setVisible(true);
                // the poster and then the playing pictures zoom and pan as any picture does
                pictureControls.setVisible(true);
                overlays.setVisible(false);
                play.setDisable(true);
                position.setText("Opening…");
                VideoPlayback[] self = new VideoPlayback[1];
                mute.setDisable(true);
                play.setAccessibleHelp(PLAY_TIP);
                self[0] = new VideoPlayback(
                        v.file(),
                        background,
                        ui,
                        new VideoPlayback.Screen() {
                            @Override
                            public void opened(double duration, int width, int height) {
                                if (player != self[0]) {
                                    return;
                                }
                                play.setDisable(false);
                                seekFromPlayer = true;
                                seek.setMax(Math.max(0.1, duration));
                                seek.setValue(0);
                                seekFromPlayer = false;
                                position.setText(time(0, duration));
                            }

                            @Override
                            public void picture(VideoDecoder.Picture p) {
                                if (player == self[0]) {
                                    showFrame(p);
                                }
                            }

                            @Override
                            public void playing(boolean on) {
                                if (player == self[0]) {
                                    play.setText(on ? "Pause" : "Play");
                                    play.setGraphic(Icons.of(on ? Icons.Icon.PAUSE : Icons.Icon.PLAY));
                                }
                            }

                            @Override
                            public void sound(String silentBecause) {
                                if (player == self[0]) {
                                    mute.setDisable(silentBecause != null);
                                    String tip = silentBecause == null
                                            ? PLAY_TIP
                                            : "Play or pause the segment (silently: " + silentBecause + ")";
                                    play.setAccessibleHelp(tip);
                                    mute.setAccessibleHelp(
                                            silentBecause == null
                                                    ? "Silence the segment's sound"
                                                    : "No sound: " + silentBecause);
                                }
                            }

                            @Override
                            public void failed(String why) {
                                if (player == self[0]) {
                                    play.setDisable(true);
                                    position.setText("");
                                    mediaNote.setText("Cannot play this segment: " + why);
                                }
                            }
                        },
                        speakers);
                player = self[0];
                player.mute(mute.isSelected());
            }
        }
    }

    /**
     * Writes a decoded picture into the frame the picture view shows; the first one (or one of another size) takes
     * the poster's place keeping its zoom, later ones only change the pixels.
     */
    private void showFrame(VideoDecoder.Picture p) {
        if (frame == null || (int) frame.getWidth() != p.width() || (int) frame.getHeight() != p.height()) {
            frame = new WritableImage(p.width(), p.height());
        }
        frame.getPixelWriter()
                .setPixels(0, 0, p.width(), p.height(), PixelFormat.getByteBgraInstance(), p.bgra(), 0, p.width() * 4);
        if (picture.picture() != frame) {
            pictureGeneration++; // a poster still being decoded must not cover the playing pictures
            picture.replace(frame);
        }
        seekFromPlayer = true;
        if (!seek.isValueChanging()) {
            seek.setValue(p.seconds());
        }
        seekFromPlayer = false;
        position.setText(time(p.seconds(), seek.getMax()));
    }

    private static String time(double at, double duration) {
        return String.format(Locale.ROOT, "%.1f / %.1f s", at, duration);
    }

    /** Decodes the picture at full resolution in the background (zooming shows its own pixels). */
    private void decode(byte[] bytes, Annotations a) {
        long gen = ++pictureGeneration;
        picture.show(null);
        background.execute(() -> {
            ImageDecoding.decode(bytes, 0)
                    .ifPresent(img -> ui.execute(() -> {
                        if (gen == pictureGeneration) {
                            picture.show(img);
                            picture.setBoxes(a.boxes());
                        }
                    }));
            if (a.mask() != null) {
                MaskColours.paint(a.mask(), a.segmentCategories())
                        .ifPresent(m -> ui.execute(() -> {
                            if (gen == pictureGeneration && picture.picture() != null) {
                                picture.setMask(m);
                            }
                        }));
            }
        });
    }

    private void stopVideo() {
        if (player != null) {
            player.close();
            player = null;
        }
        frame = null;
        play.setText("Play");
        play.setGraphic(Icons.of(Icons.Icon.PLAY));
    }
}
