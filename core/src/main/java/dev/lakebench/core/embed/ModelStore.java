package dev.lakebench.core.embed;

import dev.lakebench.core.client.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The models folder of a data directory as users manage it: list, remove (and pull, through {@link ModelPull}). */
public final class ModelStore {

    private final Models models;

    public ModelStore(Path dataRoot) {
        this.models = Models.of(dataRoot);
    }

    public List<ModelInfo> list() {
        return models.list();
    }

    /** Deletes a pulled model (complete or a partial download); returns the folder it was in. */
    public Path remove(String name) {
        if (BuiltinModels.canonical(name).isPresent()) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + name + "\" is built in and cannot be removed",
                    "Remove a pulled model: " + models.names().stream().skip(1).toList());
        }
        Path dir = models.folder(name);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelError(
                    ErrorCode.MODEL_NOT_FOUND,
                    "Unknown model \"" + name + "\"",
                    "Installed models: " + models.names() + " (see lakebench models list)");
        }
        models.unload(name);
        ModelFolder.delete(dir);
        return dir;
    }

    Models models() {
        return models;
    }
}
