package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.connections.TokenVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Remote embedding endpoints users named ({@code remote:NAME}): {@code <data>/models/remote/NAME.json} holds the
 * base URL and the model; the token lives in the OS credential store, keyed by the URL, like managed tokens.
 */
public final class RemoteModels {

    public static final String PREFIX = "remote:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TokenVault vault;

    public RemoteModels(Path modelsDir, TokenVault vault) {
        this.dir = modelsDir.resolve("remote");
        this.vault = vault;
    }

    /** Saves an endpoint (and its token, when given, in the credential store). */
    public void add(String name, String baseUrl, String model, String token) {
        if (!NAME.matcher(name).matches()) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "\"" + name + "\" is not a usable name",
                    "Use letters, digits, '.', '_' or '-'");
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "\"" + baseUrl + "\" is not an http(s) URL",
                    "Give the /v1 base URL, e.g. http://127.0.0.1:11434/v1");
        }
        try {
            Files.createDirectories(dir);
            JSON.writeValue(
                    dir.resolve(name + ".json").toFile(),
                    JSON.createObjectNode().put("url", baseUrl).put("model", model));
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Cannot save " + name + ": " + e.getMessage(),
                    "Check the data directory",
                    e);
        }
        if (token != null && !token.isBlank()) {
            vault.save(baseUrl, token);
        }
    }

    Embedder load(String fullName) {
        String name = fullName.substring(PREFIX.length());
        Path cfg = NAME.matcher(name).matches() ? dir.resolve(name + ".json") : null;
        if (cfg == null || !Files.isRegularFile(cfg)) {
            throw new ModelError(
                    ErrorCode.MODEL_NOT_FOUND,
                    "Unknown model \"" + fullName + "\"",
                    "Add it first: lakebench models remote " + name + " --url URL --model MODEL");
        }
        try {
            JsonNode n = JSON.readTree(cfg.toFile());
            String url = n.path("url").asText();
            return new RemoteEmbedder(
                    PREFIX + name,
                    url,
                    n.path("model").asText(),
                    vault.token(url).orElse(null),
                    64,
                    4,
                    Duration.ofMillis(500));
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID, "Cannot read " + cfg + ": " + e.getMessage(), "Add the endpoint again", e);
        }
    }

    List<ModelInfo> list() {
        List<ModelInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (f.endsWith(".json")) {
                    JsonNode n = JSON.readTree(p.toFile());
                    out.add(new ModelInfo(
                            PREFIX + f.substring(0, f.length() - 5),
                            "remote " + n.path("model").asText() + " at "
                                    + n.path("url").asText(),
                            "text",
                            null,
                            0));
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
