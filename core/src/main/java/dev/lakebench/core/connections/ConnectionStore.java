package dev.lakebench.core.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved managed connections in a JSON file ({@code <data dir>/connections.json}): id, name, API URL,
 * workspace and (when chosen) organisation of each — no tokens. Writes replace the file atomically; a missing file is an empty list.
 */
public final class ConnectionStore {

    public static final String FILE = "connections.json";

    private final Path file;

    public ConnectionStore(Path file) {
        this.file = file;
    }

    /** The store of a data directory. */
    public static ConnectionStore in(Path dataDir) {
        return new ConnectionStore(dataDir.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    public synchronized List<ManagedConnection> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = JsonTrees.read(file);
            List<ManagedConnection> out = new ArrayList<>();
            for (JsonNode n : root.path("connections")) {
                out.add(new ManagedConnection(
                        n.path("id").asText(),
                        n.path("name").asText(null),
                        n.path("api_url").asText(),
                        n.path("workspace").asText(null),
                        n.path("org_id").asText(null)));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot read the saved connections in " + file + ": " + e.getMessage(),
                    "Fix or delete that file; it only holds connection URLs and workspaces",
                    e);
        }
    }

    public Optional<ManagedConnection> find(String id) {
        return list().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Adds the connection, or replaces the one with the same id (editing). */
    public synchronized void save(ManagedConnection connection) {
        List<ManagedConnection> all = new ArrayList<>(list());
        all.removeIf(c -> c.id().equals(connection.id()));
        all.add(connection);
        write(all);
    }

    /** Removes a connection; false when there was none with that id. */
    public synchronized boolean remove(String id) {
        List<ManagedConnection> all = new ArrayList<>(list());
        boolean removed = all.removeIf(c -> c.id().equals(id));
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(List<ManagedConnection> all) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ArrayNode a = root.putArray("connections");
        for (ManagedConnection c : all) {
            ObjectNode o = a.addObject()
                    .put("id", c.id())
                    .put("name", c.name())
                    .put("api_url", c.apiUrl())
                    .put("workspace", c.workspaceId());
            if (c.orgId() != null) {
                o.put("org_id", c.orgId());
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JsonTrees.toPrettyJson(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Cannot save the connections to " + file + ": " + e.getMessage(),
                    "Check that the data directory is writable",
                    e);
        }
    }
}
