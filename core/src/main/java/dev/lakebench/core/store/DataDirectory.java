package dev.lakebench.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.client.WorkspaceInfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Lakebench data directory: {@code workspaces/<id>/} folders, each with a {@code workspace.json}, the engine
 * database, vector logs and indexes. Resolution order: an explicit path, {@code LAKEBENCH_HOME}, then the OS
 * convention (XDG data dir, Application Support, LocalAppData).
 */
public final class DataDirectory {

    public static final String DEFAULT_WORKSPACE = "default";
    private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /**
     * {@code workspace.json} is read and written with the streaming parser: every command reads it, and setting up
     * the object mapper (hundreds of classes) would cost a short command a noticeable part of its start-up.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The data directory from the environment and OS conventions. */
    public static DataDirectory fromEnvironment() {
        return new DataDirectory(
                defaultRoot(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home")));
    }

    static Path defaultRoot(Map<String, String> env, String osName, String home) {
        String explicit = env.get("LAKEBENCH_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "Lakebench") : Path.of(home, "AppData", "Local", "Lakebench");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Lakebench");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "lakebench")
                : Path.of(home, ".local", "share", "lakebench");
    }

    public Path root() {
        return root;
    }

    public Path workspaceDir(String id) {
        return root.resolve("workspaces").resolve(id);
    }

    public boolean exists(String id) {
        return Files.isRegularFile(workspaceDir(id).resolve("workspace.json"));
    }

    /** Validates a workspace id, naming the rule when it fails. */
    public static String checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_ID_REQUIRED,
                    "workspace ID is required",
                    "Pass an id, e.g. createWorkspace(\"my-workspace\", \"My Workspace\")");
        }
        if (!WORKSPACE_ID.matcher(id).matches()) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_ID_REQUIRED,
                    "Workspace id \"" + id + "\" is not valid",
                    "Use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    /** Creates the workspace folder and its descriptor; fails when it exists. */
    public WorkspaceInfo create(String id, String name) {
        checkId(id);
        if (exists(id)) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_EXISTS,
                    "Workspace \"" + id + "\" already exists in " + root,
                    "Open it, or choose another id");
        }
        return write(id, name == null || name.isBlank() ? id : name);
    }

    /** Creates the workspace if it does not exist yet (the default workspace is made on first use). */
    public WorkspaceInfo ensure(String id) {
        checkId(id);
        return exists(id) ? read(id) : write(id, id);
    }

    private WorkspaceInfo write(String id, String name) {
        Path dir = workspaceDir(id);
        Instant now = Instant.now();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("workspace.json.tmp");
            try (JsonGenerator g = JSON.createGenerator(tmp.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("name", name);
                g.writeStringField("created_at", now.toString());
                g.writeEndObject();
            }
            Files.move(
                    tmp,
                    dir.resolve("workspace.json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot create workspace \"" + id + "\" in " + dir + ": " + e.getMessage(),
                    "Check that the data directory is writable, or choose another with --data-dir or LAKEBENCH_HOME",
                    e);
        }
        return new WorkspaceInfo(id, name, now, dir);
    }

    public WorkspaceInfo read(String id) {
        Path dir = workspaceDir(id);
        try {
            Map<String, String> fields = topLevelStrings(dir.resolve("workspace.json"));
            return new WorkspaceInfo(
                    fields.getOrDefault("id", id),
                    fields.getOrDefault("name", id),
                    Instant.parse(fields.getOrDefault("created_at", Instant.EPOCH.toString())),
                    dir);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot read workspace \"" + id + "\" at " + dir + ": " + e.getMessage(),
                    "Check the file workspace.json in that folder",
                    e);
        }
    }

    /** The top-level scalar fields of a JSON object, as text (nested values are skipped). */
    private static Map<String, String> topLevelStrings(Path file) throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    out.put(name, p.getText());
                }
            }
        }
        return out;
    }

    /** Workspaces sorted by id. */
    public List<WorkspaceInfo> list() {
        List<WorkspaceInfo> out = new ArrayList<>();
        Path ws = root.resolve("workspaces");
        if (!Files.isDirectory(ws)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ws, Files::isDirectory)) {
            for (Path d : dirs) {
                String id = d.getFileName().toString();
                if (exists(id)) {
                    out.add(read(id));
                }
            }
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot list workspaces in " + ws + ": " + e.getMessage(),
                    "Check that the data directory is readable",
                    e);
        }
        out.sort(Comparator.comparing(WorkspaceInfo::id));
        return out;
    }
}
