package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.Latest;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.ingest.files.FileEntry;
import dev.lakebench.core.ingest.files.FolderExpander;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editable list of what was dropped: each dropped path is read in the background on its own (a folder such
 * as /tmp dropped by mistake can be stopped or removed while it is read, without waiting for it), its files are
 * listed, and the user narrows the list by removing files or folders and by exclude patterns. The summary (files
 * per kind, what will not be ingested) and the files handed to the ingest are always those of the list as shown.
 * State changes on the UI thread.
 */
public final class DropList {

    /** One dropped path as read so far: {@code done} once its scan ended, {@code stopped} when it was cut short. */
    private record Scan(
            Cancellation stop,
            List<DropEntry> files,
            List<IngestFailure> failures,
            boolean done,
            boolean stopped,
            boolean folder) {}

    /** What reading one dropped path gave (its entries made on the reading thread). */
    private record Read(List<DropEntry> files, List<IngestFailure> failures, boolean folder) {

        static Read of(Path root, FolderExpander.Expansion x) {
            List<DropEntry> files = new ArrayList<>(x.files().size());
            for (FileEntry f : x.files()) {
                files.add(DropEntry.of(root, f));
            }
            return new Read(files, x.failures(), Files.isDirectory(root));
        }
    }

    private final Tasks tasks;
    private final ObservableList<Path> roots = FXCollections.observableArrayList();
    private final Map<Path, Scan> scans = new LinkedHashMap<>();
    private final Map<Path, Integer> found = new ConcurrentHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final StringProperty excludes = new SimpleStringProperty("");
    private final StringProperty excludeProblem = new SimpleStringProperty("");
    private final ObservableList<DropEntry> shown = FXCollections.observableArrayList();
    private final ObjectProperty<DropSummary> summary = new SimpleObjectProperty<>();
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private ExcludePatterns patterns = ExcludePatterns.NONE;
    private Runnable onChange = () -> {};

    DropList(Tasks tasks) {
        this.tasks = tasks;
        excludes.addListener((o, a, text) -> {
            try {
                patterns = ExcludePatterns.parse(text);
                excludeProblem.set("");
            } catch (IllegalArgumentException e) {
                excludeProblem.set(e.getMessage());
                return;
            }
            refresh();
        });
    }

    /** Called on the UI thread whenever the list or the summary changed. */
    void onChange(Runnable r) {
        this.onChange = r;
    }

    /** Reads the paths not already in the list, each in the background. */
    public void add(List<Path> paths) {
        for (Path p : paths) {
            Path root = p.toAbsolutePath().normalize();
            if (roots.contains(root)) {
                continue;
            }
            roots.add(root);
            Cancellation stop = new Cancellation();
            scans.put(root, new Scan(stop, List.of(), List.of(), false, false, false));
            Latest<Integer> count = new Latest<>(tasks.threads().ui(), n -> found(root, n));
            tasks.create(
                            "Read " + root,
                            ctx -> Read.of(root, FolderExpander.expand(List.of(root), stop::isCancelled, count::offer)))
                    .untracked()
                    .onSuccess(r -> read(root, stop, r))
                    .onFailure(r -> readFailed(root, stop, r.problem()))
                    .start();
        }
        refresh();
    }

    private void read(Path root, Cancellation stop, Read r) {
        if (scans.get(root) != null && scans.get(root).stop() == stop) {
            scans.put(root, new Scan(stop, r.files(), r.failures(), true, stop.isCancelled(), r.folder()));
            found.put(root, r.files().size());
            refresh();
        }
    }

    private void readFailed(Path root, Cancellation stop, String problem) {
        if (scans.get(root) == null || scans.get(root).stop() != stop) {
            return;
        }
        scans.put(
                root,
                new Scan(stop, List.of(), List.of(new IngestFailure(root.toString(), problem)), true, false, false));
        refresh();
    }

    /** Stops reading every folder still being read; what was found so far stays in the list. */
    public void stopScans() {
        scans.values().forEach(s -> s.stop().cancel());
    }

    /** Takes dropped paths out of the list (a folder being read stops being read). */
    public void removeRoots(Collection<Path> paths) {
        for (Path p : List.copyOf(paths)) {
            Scan s = scans.remove(p);
            if (s != null) {
                s.stop().cancel();
            }
            roots.remove(p);
            found.remove(p);
        }
        refresh();
    }

    /** Takes files out of the list; they are not ingested. */
    public void remove(Collection<DropEntry> entries) {
        for (DropEntry e : entries) {
            removed.add(e.key());
        }
        refresh();
    }

    /** Puts removed files back. */
    public void restoreRemoved() {
        removed.clear();
        refresh();
    }

    public int removedCount() {
        return removed.size();
    }

    private void found(Path root, int n) {
        Scan s = scans.get(root);
        if (s != null && !s.done()) {
            found.put(root, n);
            showStatus();
        }
    }

    private void refresh() {
        List<DropEntry> list = new ArrayList<>();
        List<IngestFailure> unsupported = new ArrayList<>();
        boolean busy = false;
        for (Path root : roots) {
            Scan s = scans.get(root);
            if (s == null) {
                continue;
            }
            busy |= !s.done();
            unsupported.addAll(s.failures());
            for (DropEntry e : s.files()) {
                FileEntry f = e.file();
                if (removed.contains(e.key()) || patterns.excludes(e)) {
                    continue;
                }
                if (f.size() == 0) {
                    unsupported.add(new IngestFailure(e.key(), "File is empty (0 bytes); there is nothing to ingest"));
                    continue;
                }
                list.add(e);
            }
        }
        shown.setAll(list);
        summary.set(busy ? null : DropSummary.of(List.copyOf(roots), list, unsupported));
        scanning.set(busy); // last: whoever sees the reading end sees its summary
        showStatus();
        onChange.run();
    }

    private void showStatus() {
        long reading = scans.values().stream().filter(s -> !s.done()).count();
        if (reading > 0) {
            int n = found.values().stream().mapToInt(Integer::intValue).sum();
            status.set("Reading " + Sizes.plural(reading, "dropped item", "dropped items") + "… "
                    + Sizes.plural(n, "file", "files")
                    + " found so far. Stop reading, or remove the folder, if it is not what you meant.");
            return;
        }
        long stopped = scans.values().stream().filter(Scan::stopped).count();
        status.set(stopped == 0 ? "" : "Reading stopped early: only the files found so far are listed");
    }

    /** The files the ingest will read: the list as shown. */
    public List<Path> paths() {
        List<Path> out = new ArrayList<>(shown.size());
        for (DropEntry e : shown) {
            out.add(e.file().path());
        }
        return out;
    }

    /** Whether a dropped path was found to be a folder (false while it is being read). */
    public boolean isFolder(Path root) {
        Scan s = scans.get(root);
        return s != null && s.folder();
    }

    public ObservableList<Path> roots() {
        return roots;
    }

    public ObservableList<DropEntry> shown() {
        return shown;
    }

    public StringProperty excludesProperty() {
        return excludes;
    }

    public StringProperty excludeProblemProperty() {
        return excludeProblem;
    }

    public ObjectProperty<DropSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
