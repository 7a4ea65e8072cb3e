package dev.lakebench.app.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The folders SQL file functions may read and write (the command line's {@code --allow-files DIR}), kept in the
 * workbench's settings and passed to every local workspace when it is opened. Empty by default: SQL then reaches
 * only the workspace's tables.
 */
public final class AllowedFiles {

    /** The settings key (a JSON array of absolute paths). */
    public static final String KEY = "sql.allowFiles";

    /** What the setting allows, said where it is changed. */
    public static final String EXPLANATION =
            "SQL run in the workbench may read and write files inside these folders only"
                    + " (read_csv, read_parquet, read_text, glob, COPY … TO). Everything else on this computer stays out of reach of SQL."
                    + " Lakebench's own ingest and export do not need this. Applies to workspaces opened after saving;"
                    + " restart the workbench for workspaces already open.";

    private final Settings settings;

    public AllowedFiles(Settings settings) {
        this.settings = settings;
    }

    /** The folders, as saved. */
    public List<Path> folders() {
        List<Path> out = new ArrayList<>();
        JsonNode n = settings.node(KEY);
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (e.isTextual() && !e.textValue().isBlank()) {
                    out.add(Path.of(e.textValue()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Replaces the folders and writes the settings on {@code io}. */
    public void save(List<Path> folders, Executor io) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Path p : folders) {
            a.add(p.toAbsolutePath().normalize().toString());
        }
        settings.put(KEY, a);
        settings.saveAsync(io);
    }
}
