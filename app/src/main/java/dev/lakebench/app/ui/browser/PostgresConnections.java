package dev.lakebench.app.ui.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.core.backend.postgres.Capabilities;
import dev.lakebench.core.backend.postgres.PgSettings;
import dev.lakebench.core.backend.postgres.PostgresBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.connections.TokenVault;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The workbench's PostgreSQL connections: URL, schema and name in a small JSON file of the workbench, the password
 * in the OS credential store under the same account the command line uses ({@code postgres:<url>}, so a password
 * saved by {@code lakebench login --postgres URL} is found here too). Every method does I/O: background only.
 */
public final class PostgresConnections {

    private final Path file;
    private final Supplier<TokenVault> vault;

    public PostgresConnections(Path file, Supplier<TokenVault> vault) {
        this.file = file;
        this.vault = vault;
    }

    /** The credential store account of a URL's password (the command line's too). */
    static String account(String url) {
        return "postgres:" + url.strip();
    }

    /** Null when the form is acceptable, else what to fix. */
    public static String validate(String url, String workspace) {
        if (url == null || url.isBlank()) {
            return "Enter the JDBC URL, e.g. jdbc:postgresql://localhost:5432/lake?user=me";
        }
        if (!url.strip().startsWith("jdbc:postgresql://")) {
            return "A PostgreSQL URL starts with jdbc:postgresql://host:port/database";
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            return "Leave the password out of the URL: type it in the password field (it is kept in the credential store)";
        }
        if (workspace != null && !workspace.isBlank() && !workspace.strip().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            return "Workspace \"" + workspace.strip() + "\" is not a valid schema name: use letters, digits and '_'";
        }
        return null;
    }

    public synchronized List<ConnectionSpec.Postgres> list() {
        List<ConnectionSpec.Postgres> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = JsonTrees.read(file);
            for (JsonNode n : root.path("postgres")) {
                out.add(new ConnectionSpec.Postgres(
                        n.path("id").asText(),
                        n.path("name").asText(""),
                        n.path("url").asText(),
                        n.path("workspace").asText("public")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the PostgreSQL connections in " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Adds or replaces a connection (by id); a non-blank password goes to the credential store. */
    public synchronized ConnectionSpec.Postgres save(
            String id, String name, String url, String workspace, String password) {
        String ws = workspace == null || workspace.isBlank() ? "public" : workspace.strip();
        ConnectionSpec.Postgres c = new ConnectionSpec.Postgres(
                id == null ? "pg-" + UUID.randomUUID() : id, name == null ? "" : name.strip(), url.strip(), ws);
        if (password != null && !password.isEmpty()) {
            vault.get().saveSecret(account(c.url()), password);
        }
        List<ConnectionSpec.Postgres> all = new ArrayList<>(list());
        all.removeIf(p -> p.id().equals(c.id()));
        all.add(c);
        write(all);
        return c;
    }

    /** Forgets a connection, and its password when no other connection uses the URL. */
    public synchronized boolean remove(String id) {
        List<ConnectionSpec.Postgres> all = new ArrayList<>(list());
        ConnectionSpec.Postgres gone =
                all.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (gone == null) {
            return false;
        }
        all.remove(gone);
        write(all);
        if (all.stream().noneMatch(p -> p.url().equals(gone.url()))) {
            vault.get().forgetSecret(account(gone.url()));
        }
        return true;
    }

    /** Opens a client on a workspace (schema) of a connection, with the saved password (else PGPASSWORD). */
    public Client open(ConnectionSpec.Postgres c, String workspace) {
        return new Client(
                PostgresBackend.connect(PgSettings.of(c.url(), workspace, password(c.url(), null), System::getenv)));
    }

    /**
     * Connects with the form's values (a blank password: the saved one) and says what the server offers, as
     * {@code lakebench --postgres URL info} does.
     */
    public String test(String url, String workspace, String password) {
        String ws = workspace == null || workspace.isBlank() ? "public" : workspace.strip();
        try (PostgresBackend b =
                PostgresBackend.connect(PgSettings.of(url.strip(), ws, password(url, password), System::getenv))) {
            int tables = b.listTables().size();
            return describe(b.capabilities(), ws, tables);
        }
    }

    /** The test's answer: the server, each extension found or missing with what it is for, the tables seen. */
    static String describe(Capabilities caps, String workspace, int tables) {
        StringBuilder sb = new StringBuilder("Connected: PostgreSQL " + caps.serverVersion() + ", workspace \""
                + workspace + "\" with " + tables + (tables == 1 ? " table" : " tables"));
        for (Map.Entry<String, String> e : Capabilities.PURPOSE.entrySet()) {
            String version = caps.extensions().get(e.getKey());
            sb.append('\n')
                    .append(version != null ? "✓ " : "✗ ")
                    .append(e.getValue())
                    .append(version != null ? " (" + version + ")" : " — not offered");
        }
        if (!caps.has(Capabilities.VECTOR)) {
            sb.append("\nVector and hybrid search need pgvector on the server.");
        }
        if (!caps.has(Capabilities.PG_SEARCH)) {
            sb.append("\nBM25 runs in plain SQL (small tables); install pg_search for BM25 indexes.");
        }
        return sb.toString();
    }

    private String password(String url, String typed) {
        if (typed != null && !typed.isEmpty()) {
            return typed;
        }
        return vault.get().secret(account(url)).orElse(null);
    }

    private void write(List<ConnectionSpec.Postgres> all) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = root.putArray("postgres");
        for (ConnectionSpec.Postgres p : all) {
            arr.addObject()
                    .put("id", p.id())
                    .put("name", p.name())
                    .put("url", p.url())
                    .put("workspace", p.workspace());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JsonTrees.toPrettyJson(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot save the PostgreSQL connections in " + file + ": " + e.getMessage(), e);
        }
    }
}
