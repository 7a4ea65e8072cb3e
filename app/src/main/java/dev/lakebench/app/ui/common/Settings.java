package dev.lakebench.app.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The workbench's own settings (window state, theme, panel sizes), a small JSON file next to the workspaces.
 * Read once at start-up off the FX thread; saved on a background executor, atomically (write then rename).
 */
public final class Settings {

    private final Path file;
    private final ObjectNode values;

    private Settings(Path file, ObjectNode values) {
        this.file = file;
        this.values = values;
    }

    /** Loads the file; a missing or unreadable file gives empty settings (the defaults). */
    public static Settings load(Path file) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode read = JsonTrees.read(file);
                if (read instanceof ObjectNode o) {
                    n = o;
                }
            } catch (IOException e) {
                // a damaged settings file only costs the remembered layout
            }
        }
        return new Settings(file, n);
    }

    public synchronized double number(String key, double fallback) {
        JsonNode v = values.get(key);
        return v != null && v.isNumber() ? v.doubleValue() : fallback;
    }

    public synchronized String text(String key, String fallback) {
        JsonNode v = values.get(key);
        return v != null && v.isTextual() ? v.textValue() : fallback;
    }

    public synchronized boolean flag(String key, boolean fallback) {
        JsonNode v = values.get(key);
        return v != null && v.isBoolean() ? v.booleanValue() : fallback;
    }

    public synchronized JsonNode node(String key) {
        return values.get(key);
    }

    public synchronized void put(String key, double v) {
        values.put(key, v);
    }

    public synchronized void put(String key, String v) {
        values.put(key, v);
    }

    public synchronized void put(String key, boolean v) {
        values.put(key, v);
    }

    public synchronized void put(String key, JsonNode v) {
        values.set(key, v);
    }

    public Path file() {
        return file;
    }

    /** Writes the settings on {@code io}; failures are ignored (the layout is not worth an error dialog). */
    public void saveAsync(Executor io) {
        String text;
        synchronized (this) {
            text = JsonTrees.toPrettyJson(values);
        }
        try {
            io.execute(() -> write(text));
        } catch (RejectedExecutionException e) {
            // the workbench is closing and its last save already ran
        }
    }

    /** Writes now (the caller is on a background thread). */
    public void save() {
        String text;
        synchronized (this) {
            text = JsonTrees.toPrettyJson(values);
        }
        write(text);
    }

    private synchronized void write(String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // see saveAsync
        }
    }
}
