package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.Threads;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/** The completion list at the caret: Up/Down to move, Enter or Tab to insert, Escape to close; refilters while typing. */
final class CompletionPopup {

    private final CodeArea area;
    private final SqlEditorViewModel vm;
    private final Popup popup = new Popup();
    private final ListView<SqlCompletion.Suggestion> list = new ListView<>();
    private SqlCompletion.Result current;

    CompletionPopup(CodeArea area, SqlEditorViewModel vm) {
        this.area = area;
        this.vm = vm;
        list.setId("completion-list");
        list.getStyleClass().add("completion-popup");
        list.setPrefSize(320, 220);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SqlCompletion.Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(s.text());
                Label detail = new Label(s.detail());
                detail.getStyleClass().add("type");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                setGraphic(new HBox(8, name, spacer, detail));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                accept();
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // the list's window can hold the keyboard (after a click on it, or where the window system gives popups
        // focus): the same keys work there
        popup.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handle(e)) {
                e.consume();
            }
        });
        area.textProperty().addListener((o, a, b) -> {
            if (popup.isShowing()) {
                Threads.later(this::refresh);
            }
        });
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void show() {
        refresh();
    }

    private void refresh() {
        current = SqlCompletion.complete(
                area.getText(),
                area.getCaretPosition(),
                vm.catalogProperty().get(),
                vm.browserTable().get());
        if (current.suggestions().isEmpty()) {
            popup.hide();
            return;
        }
        list.getItems().setAll(current.suggestions());
        list.getSelectionModel().selectFirst();
        list.scrollTo(0);
        if (!popup.isShowing()) {
            Bounds b = area.getCaretBounds().orElse(null);
            if (b == null) {
                return;
            }
            if (area.getScene() != null) {
                list.getStylesheets().setAll(area.getScene().getStylesheets());
                list.getStyleClass().setAll("list-view", "completion-popup", "root");
                list.getStyleClass()
                        .addAll(area.getScene().getRoot().getStyleClass().filtered(c -> c.startsWith("theme-")));
            }
            popup.show(area, b.getMinX(), b.getMaxY() + 2);
        }
    }

    /** Handles navigation keys while the list shows; true when the key was used. */
    boolean handle(KeyEvent e) {
        if (!popup.isShowing()) {
            return false;
        }
        if (e.getCode() == KeyCode.DOWN) {
            list.getSelectionModel().selectNext();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            return true;
        }
        if (e.getCode() == KeyCode.UP) {
            list.getSelectionModel().selectPrevious();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            return true;
        }
        if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
            accept();
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            popup.hide();
            return true;
        }
        return false;
    }

    private void accept() {
        var s = list.getSelectionModel().getSelectedItem();
        if (s != null && current != null) {
            String text = switch (s.kind()) {
                case FUNCTION -> s.text() + "(";
                case TABLE, COLUMN -> HybridSearch.ident(s.text());
                default -> s.text();
            };
            area.replaceText(current.from(), area.getCaretPosition(), text);
        }
        popup.hide();
    }
}
