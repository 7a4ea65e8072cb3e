package dev.lakebench.app.ui.common;

import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The embedding models of the workbench's data directory, observable: the wizard's embeddings step, the editors'
 * search forms and the models window all follow this one list, so a model pulled while they are open is offered
 * at once. Also the vector sizes learned from the workspaces' records of which model made which column, for models
 * whose files do not tell (remote endpoints). Read and changed on the UI thread; listing runs in the background.
 */
public final class InstalledModels {

    private final Path dataRoot;
    private final Tasks tasks;
    private final ObservableList<ModelInfo> models = FXCollections.observableArrayList();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableMap<String, Integer> dimensions = FXCollections.observableHashMap();

    public InstalledModels(Path dataRoot, Tasks tasks) {
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.tasks = tasks;
        models.addListener((ListChangeListener<ModelInfo>)
                c -> names.setAll(models.stream().map(ModelInfo::name).toList()));
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** Whether a workspace's models are these (a workspace of the local engine on this data directory). */
    public boolean serves(WorkspaceRef ws) {
        return ws.connection() instanceof ConnectionSpec.Local l
                && l.dataRoot().toAbsolutePath().normalize().equals(dataRoot);
    }

    /** Built-in first, then remote endpoints and pulled models, as {@link Models#list()} orders them. */
    public ObservableList<ModelInfo> models() {
        return models;
    }

    /** The names of {@link #models()}, in the same order. */
    public ObservableList<String> names() {
        return names;
    }

    /** Vector sizes learned from recorded vector columns, by lower-case model name. */
    public ObservableMap<String, Integer> dimensions() {
        return dimensions;
    }

    /** Reads the list again in the background (after a pull or a removal, or at start). */
    public TrackedTask refresh() {
        return tasks.create("List models", ctx -> Models.of(dataRoot).list())
                .untracked()
                .onSuccess(this::set)
                .onFailure(r -> {})
                .start();
    }

    /** Replaces the list with one read in the background (UI thread); unchanged lists notify no one. */
    public void set(List<ModelInfo> list) {
        if (!models.equals(list)) {
            models.setAll(list);
        }
    }

    /** Remembers the sizes a workspace's vector columns record for their models (UI thread). */
    public void learn(Map<String, Integer> byModel) {
        byModel.forEach((m, d) -> {
            if (d != null && d > 0) {
                dimensions.put(m.toLowerCase(Locale.ROOT), d);
            }
        });
    }

    /** The learned vector size of a model, or null. */
    public Integer dimension(String model) {
        return dimensions.get(model.toLowerCase(Locale.ROOT));
    }
}
