package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.ImageDecoding;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;

/**
 * The detail pane: the row's picture (full image, PDF page) or video segment with play/pause, the text that
 * goes with it, and every column's value (copyable).
 */
public final class DetailView {

    private final DetailViewModel vm;
    private final Executor background;
    private final VBox root = new VBox();
    private final StackPane mediaBox = new StackPane();
    private final ImageView picture = new ImageView();
    private final MediaView video = new MediaView();
    private final HBox videoControls = new HBox(6);
    private final Label mediaNote = new Label();
    private MediaPlayer player;
    private long pictureGeneration;

    public DetailView(DetailViewModel vm, Executor background) {
        this.vm = vm;
        this.background = background;
        root.getStyleClass().add("detail-pane");
        root.setId("detail");
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add(Styles.TITLE);
        title.setWrapText(true);
        title.setPadding(new javafx.geometry.Insets(8, 10, 4, 10));
        Label empty = new Label("Select a row or a thumbnail to see it here.");
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(12));
        empty.visibleProperty().bind(vm.shownProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setId("detail-image");
        video.setPreserveRatio(true);
        video.setId("detail-video");
        mediaBox.getStyleClass().add("media-box");
        mediaBox.setMinHeight(0);
        mediaBox.getChildren().addAll(picture, video, mediaNote);
        // never 0 or less: an ImageView with no fit shows the picture at full size and pushes the pane wide
        var fitWidth = javafx.beans.binding.Bindings.max(1, mediaBox.widthProperty().subtract(8));
        var fitHeight = javafx.beans.binding.Bindings.max(1, mediaBox.heightProperty().subtract(8));
        picture.fitWidthProperty().bind(fitWidth);
        picture.fitHeightProperty().bind(fitHeight);
        video.fitWidthProperty().bind(fitWidth);
        video.fitHeightProperty().bind(fitHeight);
        mediaBox.setMinWidth(0);
        Button play = new Button("Play", Icons.of(Icons.Icon.PLAY));
        play.setId("detail-play");
        play.setOnAction(e -> {
            if (player == null) {
                return;
            }
            if (player.getStatus() == MediaPlayer.Status.PLAYING) {
                player.pause();
                play.setText("Play");
                play.setGraphic(Icons.of(Icons.Icon.PLAY));
            } else {
                player.play();
                play.setText("Pause");
                play.setGraphic(Icons.of(Icons.Icon.STOP));
            }
        });
        Label position = new Label();
        position.setId("detail-video-time");
        position.getStyleClass().add(Styles.MUTED);
        videoControls.getChildren().addAll(play, position);
        videoControls.setAlignment(Pos.CENTER_LEFT);
        videoControls.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        videoControls.setVisible(false);
        videoControls.managedProperty().bind(videoControls.visibleProperty());
        video.mediaPlayerProperty().addListener((o, a, p) -> {
            position.textProperty().unbind();
            if (p != null) {
                position.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> String.format(java.util.Locale.ROOT, "%.1f s", p.getCurrentTime().toSeconds()), p.currentTimeProperty()));
                play.setText("Play");
                play.setGraphic(Icons.of(Icons.Icon.PLAY));
            }
        });

        TextArea text = new TextArea();
        text.setId("detail-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(vm.textProperty());
        text.visibleProperty().bind(vm.textProperty().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());
        text.setPrefRowCount(6);

        TableView<DetailViewModel.Field> fields = new TableView<>(vm.fields());
        fields.setId("detail-fields");
        TableColumn<DetailViewModel.Field, String> name = new TableColumn<>("Column");
        name.setCellValueFactory(f -> new SimpleStringProperty(f.getValue().name()));
        name.setPrefWidth(110);
        TableColumn<DetailViewModel.Field, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(f -> new SimpleStringProperty(oneLine(f.getValue().value())));
        value.setPrefWidth(260);
        fields.getColumns().setAll(java.util.List.of(name, value));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) {
                var f = fields.getSelectionModel().getSelectedItem();
                if (f != null) {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(f.value());
                    Clipboard.getSystemClipboard().setContent(c);
                }
            }
        });
        fields.visibleProperty().bind(vm.shownProperty().isNotNull());
        VBox media = new VBox(mediaBox, videoControls);
        VBox.setVgrow(mediaBox, Priority.ALWAYS);
        SplitPane body = new SplitPane(media, text, fields);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.45, 0.62);
        body.visibleProperty().bind(vm.shownProperty().isNotNull());
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(title, empty, body);
        // Every part may shrink to nothing, so the pane follows its divider both ways; what does not fit is clipped.
        for (javafx.scene.layout.Region r : java.util.List.of(root, title, empty, body, media, text, fields, videoControls)) {
            r.setMinWidth(0);
        }
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        vm.mediaProperty().addListener((o, a, m) -> showMedia(m));
        showMedia(vm.mediaProperty().get());
    }

    public Node node() {
        return root;
    }

    private static String oneLine(String s) {
        String t = s.length() > 500 ? s.substring(0, 500) + "…" : s;
        return t.replace('\n', ' ');
    }

    private void showMedia(DetailViewModel.Media m) {
        stopVideo();
        mediaNote.setText("");
        video.setVisible(false);
        videoControls.setVisible(false);
        switch (m) {
            case DetailViewModel.Media.None none -> {
                picture.setImage(null);
                mediaBox.setVisible(false);
            }
            case DetailViewModel.Media.Picture p -> {
                mediaBox.setVisible(true);
                picture.setVisible(true);
                decode(p.bytes());
            }
            case DetailViewModel.Media.Video v -> {
                mediaBox.setVisible(true);
                try {
                    player = new MediaPlayer(new Media(v.file().toUri().toString()));
                    player.setOnError(() -> mediaNote.setText("Cannot play this segment: " + player.getError().getMessage()));
                    player.setOnEndOfMedia(() -> player.stop());
                    video.setMediaPlayer(player);
                    video.setVisible(true);
                    picture.setVisible(false);
                    videoControls.setVisible(true);
                } catch (MediaException | IllegalArgumentException ex) {
                    mediaNote.setText("Cannot play this segment: " + ex.getMessage());
                    picture.setVisible(true);
                    if (v.poster() != null) {
                        decode(v.poster());
                    }
                }
            }
        }
    }

    private void decode(byte[] bytes) {
        long gen = ++pictureGeneration;
        background.execute(() -> ImageDecoding.decode(bytes, 0).ifPresent(img -> Platform.runLater(() -> {
            if (gen == pictureGeneration) {
                picture.setImage(img);
            }
        })));
    }

    private void stopVideo() {
        if (player != null) {
            player.dispose();
            player = null;
        }
        video.setMediaPlayer(null);
    }
}
