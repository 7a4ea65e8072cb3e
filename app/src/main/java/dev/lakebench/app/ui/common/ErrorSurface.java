package dev.lakebench.app.ui.common;

import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The workbench's one error surface: a banner above the tabs that names what failed and how to fix it, with
 * "Details" (a copyable text including the error code) and "Dismiss". Never a stack trace. The newest three
 * failures stay visible; older ones make room, and a failure of the same action replaces its earlier banner
 * (running a broken statement twice shows one banner). The headline wraps rather than being cut, and the
 * buttons keep their labels however long the message is.
 */
public final class ErrorSurface implements Consumer<ErrorReport> {

    private static final int MAX_SHOWN = 3;

    private final VBox box = new VBox();
    private final ObservableList<ErrorReport> shown = FXCollections.observableArrayList();

    public ErrorSurface() {
        box.setId("error-surface");
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
    }

    public Node node() {
        return box;
    }

    /** The reports on screen, newest last. */
    public ObservableList<ErrorReport> shown() {
        return shown;
    }

    @Override
    public void accept(ErrorReport report) {
        show(report);
    }

    /** Shows a report (call on the FX thread). */
    public void show(ErrorReport report) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (shown.get(i).action().equals(report.action())) {
                shown.remove(i);
                box.getChildren().remove(i);
            }
        }
        if (shown.size() >= MAX_SHOWN) {
            shown.remove(0);
            box.getChildren().remove(0);
        }
        shown.add(report);
        box.getChildren().add(banner(report));
        box.setVisible(true);
    }

    public void dismissAll() {
        shown.clear();
        box.getChildren().clear();
        box.setVisible(false);
    }

    private Node banner(ErrorReport r) {
        Label problem = new Label(r.problem());
        problem.setId("error-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Label hint = new Label(r.hint());
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setVisible(!r.hint().isBlank());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox text = new VBox(2, problem, hint);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button details = new Button("Details…");
        details.setId("error-details");
        details.setMinWidth(Region.USE_PREF_SIZE);
        details.setOnAction(e ->
                showDetails(r, box.getScene() == null ? null : box.getScene().getWindow()));
        Button dismiss = new Button("Dismiss");
        dismiss.setId("error-dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.getStyleClass().add(Styles.FLAT);
        HBox banner = new HBox(Icons.of(Icons.Icon.ERROR), text, details, dismiss);
        banner.getStyleClass().add(Styles.ERROR_BANNER);
        banner.setAlignment(Pos.CENTER_LEFT);
        dismiss.setOnAction(e -> {
            int i = box.getChildren().indexOf(banner);
            if (i >= 0) {
                box.getChildren().remove(i);
                shown.remove(i);
            }
            box.setVisible(!shown.isEmpty());
        });
        return banner;
    }

    /** The details window: the whole report as selectable text and a copy button. */
    public static void showDetails(ErrorReport r, Window owner) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle("Error details");
        d.setHeaderText(r.problem());
        if (owner != null) {
            d.initOwner(owner);
        }
        TextArea text = new TextArea(r.detail());
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("error-detail");
        text.setPrefRowCount(10);
        text.setPrefColumnCount(70);
        text.setMinHeight(180);
        text.setPrefHeight(260);
        d.setResizable(true);
        d.getDialogPane().setContent(text);
        ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) d.getDialogPane().lookupButton(copy);
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(r.detail());
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        d.show();
    }
}
