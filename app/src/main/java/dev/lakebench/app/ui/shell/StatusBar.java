package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.common.TaskCenter;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The status bar: a message on the left, the newest background task (title, progress, message, cancel) and a
 * button listing all of them with their own progress and cancel, the workspace on the right.
 */
public final class StatusBar {

    private final HBox bar = new HBox();
    private final Label message = new Label("Ready");
    private final Label workspace = new Label();
    private final HBox current = new HBox(6);
    private final Button more = new Button();
    private final TaskCenter center;
    private Popup popup; // made on the first click on the task count: a popup is a window of its own

    public StatusBar(TaskCenter center) {
        this.center = center;
        bar.getStyleClass().add(Styles.STATUS_BAR);
        bar.setId("status-bar");
        message.setId("status-message");
        current.setAlignment(Pos.CENTER_LEFT);
        current.setId("status-task");
        more.getStyleClass().add(Styles.FLAT);
        more.setId("status-tasks");
        more.setOnAction(e -> togglePopup());
        more.visibleProperty().bind(Bindings.size(center.running()).greaterThan(1));
        more.managedProperty().bind(more.visibleProperty());
        more.textProperty()
                .bind(Bindings.createStringBinding(() -> center.running().size() + " tasks ▴", center.running()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(message, spacer, current, more, workspace);
        center.running().addListener((ListChangeListener<TrackedTask>) c -> showNewest());
    }

    public Node node() {
        return bar;
    }

    public void message(String text) {
        message.setText(text);
    }

    public Label messageLabel() {
        return message;
    }

    public void workspace(String text) {
        workspace.setText(text);
    }

    private void showNewest() {
        current.getChildren().clear();
        if (center.running().isEmpty()) {
            if (popup != null) {
                popup.hide();
            }
            return;
        }
        TrackedTask t = center.running().get(center.running().size() - 1);
        current.getChildren().setAll(row(t, false).getChildren());
        if (popup != null && popup.isShowing()) {
            fillPopup();
        }
    }

    /** Title, progress bar, message and a cancel button for one task. */
    static HBox row(TrackedTask t, boolean wide) {
        Label title = new Label(t.title());
        ProgressBar p = new ProgressBar();
        p.progressProperty().bind(t.progressProperty());
        if (wide) {
            p.setPrefWidth(180);
        }
        Label msg = new Label();
        msg.textProperty().bind(t.messageProperty());
        msg.getStyleClass().add(Styles.MUTED);
        Button cancel = new Button(null, Icons.of(Icons.Icon.STOP));
        cancel.getStyleClass().add(Styles.FLAT);
        HoverTooltip.install(cancel, "Cancel " + t.title());
        cancel.setDisable(!t.isCancellable());
        cancel.setOnAction(e -> {
            t.cancel();
            cancel.setDisable(true);
        });
        cancel.getStyleClass().add("task-cancel");
        HBox row = new HBox(6, title, p, msg, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void togglePopup() {
        if (popup == null) {
            popup = new Popup();
            popup.setAutoHide(true);
        }
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        fillPopup();
        var b = more.localToScreen(more.getBoundsInLocal());
        popup.show(
                more,
                b.getMinX() - 300,
                b.getMinY() - 40 - 32 * center.running().size());
    }

    private void fillPopup() {
        VBox list = new VBox(6);
        list.getStyleClass().addAll("root", "card", "task-list");
        for (TrackedTask t : center.running()) {
            list.getChildren().add(row(t, true));
        }
        if (bar.getScene() != null) {
            list.getStylesheets().setAll(bar.getScene().getStylesheets());
            list.getStyleClass().addAll(bar.getScene().getRoot().getStyleClass());
        }
        popup.getContent().setAll(list);
    }
}
