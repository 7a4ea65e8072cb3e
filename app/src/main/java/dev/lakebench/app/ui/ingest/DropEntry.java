package dev.lakebench.app.ui.ingest;

import dev.lakebench.core.ingest.files.FileEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of the drop list: the dropped path it was found under, its path below that folder ('/' separators,
 * and its parts), and a key for removal. All made once, on the thread that read the folder, so that filtering
 * thousands of entries on the UI thread is string work only.
 */
public record DropEntry(Path root, FileEntry file, String relative, List<String> parts, String key) {

    static DropEntry of(Path root, FileEntry file) {
        Path p = file.path();
        Path rel = p.startsWith(root) && !p.equals(root) ? root.relativize(p) : p.getFileName();
        if (rel == null) {
            rel = p;
        }
        List<String> parts = new ArrayList<>(rel.getNameCount());
        for (Path part : rel) {
            parts.add(part.toString());
        }
        return new DropEntry(root, file, rel.toString().replace('\\', '/'), List.copyOf(parts), p.toString());
    }
}
