package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.AllowedFiles;
import dev.lakebench.app.ui.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The workbench's settings: the folders SQL file functions may use (the command line's {@code --allow-files}),
 * saved in the settings file and given to workspaces when they are opened.
 */
final class SettingsDialog {

    private final AllowedFiles allowed;
    private final Executor io;
    private final Function<Window, Path> chooseFolder;

    SettingsDialog(AllowedFiles allowed, Executor io, Function<Window, Path> chooseFolder) {
        this.allowed = allowed;
        this.io = io;
        this.chooseFolder = chooseFolder;
    }

    void show(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Settings");
        d.setHeaderText("Files SQL may use");
        ListView<Path> folders = new ListView<>();
        folders.setId("settings-allow-files");
        folders.getItems().setAll(allowed.folders());
        folders.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        folders.setPrefHeight(140);
        folders.setPlaceholder(new Label("No folders: SQL reaches only the workspace's tables"));
        Button add = new Button("Add folder…");
        add.setId("settings-allow-add");
        add.setOnAction(e -> {
            Path p = chooseFolder.apply(d.getDialogPane().getScene().getWindow());
            if (p != null) {
                Path abs = p.toAbsolutePath().normalize();
                if (!folders.getItems().contains(abs)) {
                    folders.getItems().add(abs);
                }
            }
        });
        Button remove = new Button("Remove");
        remove.setId("settings-allow-remove");
        remove.disableProperty()
                .bind(Bindings.isEmpty(folders.getSelectionModel().getSelectedItems()));
        remove.setOnAction(e -> folders.getItems()
                .removeAll(List.copyOf(folders.getSelectionModel().getSelectedItems())));
        Label what = new Label(AllowedFiles.EXPLANATION);
        what.setId("settings-allow-explanation");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.MUTED);
        what.setPrefWidth(520);
        Label cli = new Label("The same as --allow-files DIR on the command line.");
        cli.getStyleClass().add(Styles.MUTED);
        VBox buttons = new VBox(6, add, remove);
        HBox row = new HBox(8, folders, buttons);
        HBox.setHgrow(folders, Priority.ALWAYS);
        VBox box = new VBox(10, what, row, cli);
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(save).setId("settings-save");
        d.setResultConverter(b -> b);
        d.setOnHidden(e -> {
            if (d.getResult() == save) {
                allowed.save(List.copyOf(folders.getItems()), io);
            }
        });
        d.show();
    }
}
