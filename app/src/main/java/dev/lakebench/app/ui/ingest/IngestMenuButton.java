package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The toolbar's Ingest button: a menu to choose files, or a whole folder (read recursively). */
public final class IngestMenuButton {

    private IngestMenuButton() {}

    public static MenuButton create(String id, Runnable files, Runnable folder) {
        MenuItem f = new MenuItem("Files…", Icons.of(Icons.Icon.FILE));
        f.setId(id + "-files");
        f.setOnAction(e -> files.run());
        MenuItem d = new MenuItem("Folder…", Icons.of(Icons.Icon.WORKSPACE));
        d.setId(id + "-folder");
        d.setOnAction(e -> folder.run());
        MenuButton b = new MenuButton("Ingest", Icons.of(Icons.Icon.INGEST), f, d);
        b.setId(id);
        b.getStyleClass().add(Styles.FLAT);
        HoverTooltip.install(b, "Ingest files or a folder (Ctrl+I for files) — or drop them anywhere");
        b.setFocusTraversable(false);
        return b;
    }
}
