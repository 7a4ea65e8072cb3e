package dev.lakebench.core.embed;

import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The models of one data directory: the built-in text model and the models pulled into {@code <data>/models}.
 * A model is loaded on first use and kept for the life of the process (loading takes about a second), shared by
 * every client of the same data directory.
 */
public final class Models {

    private static final Map<Path, Models> BY_ROOT = new ConcurrentHashMap<>();

    private final Path root;
    private final Map<String, Embedder> loaded = new ConcurrentHashMap<>();
    private final QueryEmbeddings queries = new QueryEmbeddings(1024);
    private volatile Supplier<dev.lakebench.core.connections.TokenVault> vault =
            dev.lakebench.core.connections.TokenVault::system;

    private Models(Path root) {
        this.root = root;
    }

    /** The models of the data directory at {@code dataRoot}. */
    public static Models of(Path dataRoot) {
        return BY_ROOT.computeIfAbsent(dataRoot.toAbsolutePath().normalize(), Models::new);
    }

    /** Where pulled models live: one folder per model. */
    public Path modelsDir() {
        return root.resolve("models");
    }

    /** Where tokens of remote endpoints come from (the OS credential store unless a caller says otherwise). */
    public Models tokenVault(Supplier<dev.lakebench.core.connections.TokenVault> vault) {
        this.vault = vault;
        return this;
    }

    /** The remote endpoints users added. */
    public RemoteModels remotes() {
        return new RemoteModels(modelsDir(), vault.get());
    }

    /** Where unpacked native libraries and partial downloads live. */
    public Path cacheDir() {
        return root.resolve("cache");
    }

    /** Embeddings of query texts, cached by (model, text). */
    public QueryEmbeddings queries() {
        return queries;
    }

    /**
     * The model called {@code name}, loaded on first use; a {@link ModelError} naming the models there are when
     * there is no such model, or saying what is wrong with its files.
     */
    public Embedder get(String name) {
        if (name == null || name.isBlank()) {
            throw new ModelError(ErrorCode.MODEL_NOT_FOUND, "No model named", "Name one of: " + names());
        }
        String key = BuiltinModels.canonical(name).orElse(name.toLowerCase(Locale.ROOT));
        Embedder e = loaded.get(key);
        if (e != null) {
            return e;
        }
        synchronized (this) {
            e = loaded.get(key);
            if (e == null) {
                e = load(key, name);
                loaded.put(key, e);
            }
            return e;
        }
    }

    private Embedder load(String key, String asTyped) {
        if (key.startsWith(RemoteModels.PREFIX)) {
            return remotes().load(key);
        }
        if (key.equals(BuiltinModels.MINILM)) {
            return BuiltinModels.load(key, NativeRuntime.environment(cacheDir()));
        }
        Path dir = folder(key);
        if (dir != null && Files.isDirectory(dir)) {
            return ModelFolder.load(key, dir, NativeRuntime.environment(cacheDir()));
        }
        throw new ModelError(
                ErrorCode.MODEL_NOT_FOUND,
                "Unknown model \"" + asTyped + "\"",
                "Use one of: " + names() + "; or get one with: lakebench models pull REPO");
    }

    /** The folder of a pulled model ({@code owner/name} or its folder name), or null when the name cannot be one. */
    Path folder(String name) {
        String folder = ModelFolder.folderName(name);
        return folder == null ? null : modelsDir().resolve(folder);
    }

    /** Forgets a loaded model (after it was removed or replaced on disk). */
    public void unload(String name) {
        String key = BuiltinModels.canonical(name).orElse(name.toLowerCase(Locale.ROOT));
        Embedder e = loaded.remove(key);
        queries.forget(key);
        if (e != null) {
            e.close();
        }
    }

    /** Names users can pass, built-in first. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (ModelInfo m : list()) {
            out.add(m.name());
        }
        return out;
    }

    /** The built-in model and every pulled model that is complete on disk. */
    public List<ModelInfo> list() {
        List<ModelInfo> out = new ArrayList<>();
        out.add(new ModelInfo(
                BuiltinModels.MINILM,
                "built in (all-MiniLM-L6-v2, quantized, " + BuiltinModels.MINILM_DIMENSION + " dimensions)",
                "text",
                null,
                0));
        Path dir = modelsDir();
        if (Files.isDirectory(dir.resolve("remote"))) {
            out.addAll(remotes().list());
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(p -> ModelFolder.describe(p).ifPresent(out::add));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        return out;
    }
}
