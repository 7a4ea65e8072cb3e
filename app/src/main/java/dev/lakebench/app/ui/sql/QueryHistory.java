package dev.lakebench.app.ui.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.json.JsonTrees;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every statement run in the workbench, newest first, kept across runs in a JSON-lines file and searchable by
 * words (all must occur in the SQL or the workspace). Loading and appending happen on the I/O executor; the
 * list changes on the UI thread.
 */
public final class QueryHistory {

    /** One run: when, where, what, and how it ended. */
    public record Entry(Instant at, String workspace, String sql, long rows, long millis, boolean ok) {}

    static final int KEEP = 2000;

    private final Path file;
    private final Executor io;
    private final Executor ui;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    public QueryHistory(Path file, Executor io, Executor ui) {
        this.file = file;
        this.io = io;
        this.ui = ui;
    }

    /** Newest first. */
    public ObservableList<Entry> entries() {
        return entries;
    }

    /** Reads the file in the background (a damaged line is skipped, the rest still loads). */
    public void load() {
        io.execute(() -> {
            List<Entry> read = read(file);
            ui.execute(() -> entries.addAll(read));
            if (read.size() >= KEEP) {
                compact(read);
            }
        });
    }

    static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = JsonTrees.read(line);
                    out.add(new Entry(
                            Instant.parse(n.path("at").asText()),
                            n.path("workspace").asText(""),
                            n.path("sql").asText(""),
                            n.path("rows").asLong(-1),
                            n.path("millis").asLong(0),
                            n.path("ok").asBoolean(true)));
                } catch (IOException | RuntimeException e) {
                    // a torn or foreign line: skip it
                }
            }
        } catch (IOException e) {
            return out;
        }
        Collections.reverse(out);
        return out.size() > KEEP ? new ArrayList<>(out.subList(0, KEEP)) : out;
    }

    private void compact(List<Entry> newestFirst) {
        List<String> lines = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            lines.add(line(newestFirst.get(i)));
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the history keeps working from memory; the file is compacted next time
        }
    }

    /** Records a run (call on the UI thread); the file is appended in the background. */
    public void add(Entry e) {
        entries.add(0, e);
        if (entries.size() > KEEP) {
            entries.remove(KEEP, entries.size());
        }
        String line = line(e);
        io.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                try (BufferedWriter w = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    w.write(line);
                    w.newLine();
                }
            } catch (IOException ex) {
                // losing one history line is not worth interrupting the user
            }
        });
    }

    private static String line(Entry e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("at", e.at().toString())
                .put("workspace", e.workspace())
                .put("sql", e.sql())
                .put("rows", e.rows())
                .put("millis", e.millis())
                .put("ok", e.ok());
        return JsonTrees.toJson(n);
    }

    /** Entries whose SQL or workspace contains every word of the query (case-insensitive), newest first. */
    public static Predicate<Entry> matcher(String query) {
        String[] words = query == null
                ? new String[0]
                : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return e -> {
            String hay = (e.sql() + " " + e.workspace()).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }
}
