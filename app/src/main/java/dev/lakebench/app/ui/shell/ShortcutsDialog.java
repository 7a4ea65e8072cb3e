package dev.lakebench.app.ui.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard shortcuts window (F1): the window's accelerators and the editor's own keys. */
final class ShortcutsDialog {

    private final Dialog<Void> dialog = new Dialog<>();

    ShortcutsDialog(Shortcuts shortcuts) {
        dialog.setTitle("Keyboard shortcuts");
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("mono");
            g.addRow(row++, keys, new Label(s.description()));
        }
        g.addRow(row++, new Label("Ctrl+Space"), new Label("Complete tables, columns, functions"));
        g.addRow(row, new Label("Escape"), new Label("Cancel the running statement (in the editor)"));
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("shortcuts-dialog");
    }

    void show(Window owner) {
        dialog.initOwner(owner);
        dialog.show();
    }
}
