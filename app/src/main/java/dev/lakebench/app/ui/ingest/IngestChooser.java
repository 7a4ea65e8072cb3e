package dev.lakebench.app.ui.ingest;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files or for a folder to ingest (the system's dialogs; tests give their own answers). */
public interface IngestChooser {

    /** Files chosen, or an empty list when the dialog was cancelled. */
    List<Path> files(Window owner, String title);

    /** The folder chosen, or null when the dialog was cancelled. */
    Path folder(Window owner, String title);

    static IngestChooser system() {
        return new IngestChooser() {
            @Override
            public List<Path> files(Window owner, String title) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                List<File> chosen = fc.showOpenMultipleDialog(owner);
                return chosen == null
                        ? List.of()
                        : chosen.stream().map(File::toPath).toList();
            }

            @Override
            public Path folder(Window owner, String title) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(title);
                File dir = dc.showDialog(owner);
                return dir == null ? null : dir.toPath();
            }
        };
    }
}
