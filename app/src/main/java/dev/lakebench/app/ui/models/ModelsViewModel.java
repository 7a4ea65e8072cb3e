package dev.lakebench.app.ui.models;

import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.ModelPull;
import dev.lakebench.core.embed.ModelStore;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.hub.HubClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The models of a data directory: lists them, pulls one from the Hugging Face Hub with progress and cancel
 * (a cancelled or broken pull resumes where it stopped when pulled again; a partial model is never listed), and
 * removes pulled ones. Everything touching disk or network runs in the background.
 */
public final class ModelsViewModel {

    private final InstalledModels installed;
    private final Path dataRoot;
    private final Tasks tasks;
    private final Supplier<HubClient> hub;
    private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
    private final BooleanProperty pulling = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private TrackedTask pull;

    /** {@code hub} gives the Hub client ({@code HF_ENDPOINT} and {@code HF_TOKEN} in the workbench). */
    public ModelsViewModel(Path dataRoot, Tasks tasks, Supplier<HubClient> hub) {
        this(new InstalledModels(dataRoot, tasks), tasks, hub);
    }

    /**
     * On the workbench's shared list: what is pulled or removed here is offered at once by the wizard and the
     * editors, and remote models show the vector size their columns record once an editor has read it.
     */
    public ModelsViewModel(InstalledModels installed, Tasks tasks, Supplier<HubClient> hub) {
        this.installed = installed;
        this.dataRoot = installed.dataRoot();
        this.tasks = tasks;
        this.hub = hub;
        installed.dimensions().addListener((MapChangeListener<String, Integer>)
                c -> models.replaceAll(r -> r.learned(installed.dimension(r.name()))));
    }

    public ObservableList<ModelRow> models() {
        return models;
    }

    public BooleanProperty pullingProperty() {
        return pulling;
    }

    /** Bytes done of the total, 0..1 (negative while the file list is read). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What the pull is doing, or how the last action ended. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Why the last action failed (empty when it did not). */
    public StringProperty problemProperty() {
        return problem;
    }

    public TrackedTask refresh() {
        Map<String, Integer> learned = Map.copyOf(installed.dimensions());
        return tasks.create("List models", ctx -> {
                    List<ModelInfo> listed = Models.of(dataRoot).list();
                    List<ModelRow> rows = listed.stream()
                            .map(m -> ModelRow.of(m, learned.get(m.name().toLowerCase(Locale.ROOT))))
                            .toList();
                    return Map.entry(listed, rows);
                })
                .untracked()
                .onSuccess(e -> {
                    installed.set(e.getKey());
                    models.setAll(e.getValue());
                })
                .onFailure(r -> problem.set(r.message()))
                .start();
    }

    /** Pulls {@code repo} (owner/name) at {@code revision} (blank: main). */
    public Optional<TrackedTask> pull(String repo, String revision) {
        if (pulling.get()) {
            return Optional.empty();
        }
        String r = repo == null ? "" : repo.strip();
        if (!r.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problem.set("\"" + r
                    + "\" is not a Hub model repository: name it as owner/name, e.g. Xenova/clip-vit-base-patch32");
            return Optional.empty();
        }
        String rev = revision == null || revision.isBlank() ? null : revision.strip();
        problem.set("");
        pulling.set(true);
        progress.set(-1);
        message.set("Reading the files of " + r + "…");
        Executor ui = tasks.threads().ui();
        AtomicInteger shown = new AtomicInteger(-1);
        pull = tasks.create("Pull " + r, ctx -> {
                    ModelPull p = new ModelPull(hub.get(), new ModelStore(dataRoot));
                    return p.pull(
                            r,
                            rev,
                            (done, total, file) -> {
                                int permille = total > 0 ? (int) (done * 1000 / total) : 0;
                                ctx.progress(total > 0 ? (double) done / total : -1);
                                if (shown.getAndSet(permille)
                                        != permille) { // the screen hears of each 0.1 %, not of every block
                                    String text = String.format(
                                            Locale.ROOT, "%s: %.1f of %.1f MB (%s)", r, done / 1e6, total / 1e6, file);
                                    ui.execute(() -> {
                                        progress.set(total > 0 ? (double) done / total : -1);
                                        message.set(text);
                                    });
                                }
                            },
                            ctx.cancellation());
                })
                .onSuccess(m -> {
                    pulling.set(false);
                    if (m.isPresent()) {
                        ModelInfo info = m.get();
                        progress.set(1);
                        message.set("Pulled " + info.name() + " (" + info.kinds() + ", "
                                + ModelRow.megabytes(info.sizeBytes()) + ")");
                    } else {
                        message.set("Pull of " + r + " cancelled; pull it again to resume where it stopped");
                    }
                    refresh();
                })
                .onFailure(rep -> {
                    pulling.set(false);
                    message.set("");
                    problem.set(rep.message());
                })
                .onCancelled(() -> {
                    pulling.set(false);
                    message.set("Pull of " + r + " cancelled; pull it again to resume where it stopped");
                })
                .start();
        return Optional.of(pull);
    }

    /** Stops the pull under way (what was downloaded stays for a resume). */
    public void cancel() {
        if (pull != null && pulling.get()) {
            pull.cancel();
        }
    }

    /** Removes a pulled model from disk. */
    public TrackedTask remove(ModelRow row) {
        return tasks.create("Remove model " + row.name(), ctx -> new ModelStore(dataRoot).remove(row.name()))
                .onSuccess(dir -> {
                    message.set("Removed " + row.name());
                    refresh();
                })
                .onFailure(r -> problem.set(r.message()))
                .start();
    }

    /** Names in the order listed (tests). */
    List<String> names() {
        return models.stream().map(ModelRow::name).toList();
    }
}
