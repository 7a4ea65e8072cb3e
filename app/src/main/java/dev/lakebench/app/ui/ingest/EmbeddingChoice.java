package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.embed.BuiltinModels;
import dev.lakebench.core.embed.EmbedJob;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;

/**
 * The wizard's embeddings choice: vectors for text (chunks, PDF page text) with the built-in model, on by
 * default; vectors for pictures (images, PDF pages, video thumbnails) with an installed image model, on by default
 * when one is installed. Which kinds apply follows the target's columns; embeddings at ingest run on the local
 * engine only. The models are listed in the background.
 */
public final class EmbeddingChoice {

    /** The text column of file rows and the picture columns an image model reads. */
    static final String TEXT = "text";

    static final String IMAGE = "image";
    static final String THUMBNAIL = "thumbnail";

    private final BooleanProperty text = new SimpleBooleanProperty();
    private final StringProperty textModel = new SimpleStringProperty(BuiltinModels.MINILM);
    private final ObservableList<String> textModels = FXCollections.observableArrayList(BuiltinModels.MINILM);
    private final BooleanProperty image = new SimpleBooleanProperty();
    private final StringProperty imageModel = new SimpleStringProperty();
    private final ObservableList<String> imageModels = FXCollections.observableArrayList();
    private final BooleanProperty textApplies = new SimpleBooleanProperty();
    private final BooleanProperty imageApplies = new SimpleBooleanProperty();
    private final StringProperty unavailable = new SimpleStringProperty("");
    private String imageSource = IMAGE;
    private boolean defaulted;
    /** Held here: the shared list holds it weakly, so a closed wizard is not kept alive by it. */
    private ListChangeListener<ModelInfo> following;

    /** Lists the data directory's models (local workspaces; elsewhere embeddings at ingest are not offered). */
    void load(Tasks tasks, WorkspaceRef ws) {
        if (!(ws.connection() instanceof ConnectionSpec.Local local)) {
            unavailable.set(
                    "Embeddings at ingest run on the local engine; compute vectors on the server for this connection.");
            return;
        }
        tasks.create("List models", ctx -> Models.of(local.dataRoot()).list())
                .untracked()
                .onSuccess(this::models)
                .start();
    }

    /**
     * Follows the workbench's list of installed models, so that a model pulled while the wizard is open (from its
     * "Get a model…" action) is offered at once.
     */
    void follow(InstalledModels installed) {
        following = c -> models(List.copyOf(installed.models()));
        installed.models().addListener(new WeakListChangeListener<>(following));
        if (!installed.models().isEmpty()) {
            models(List.copyOf(installed.models()));
        }
    }

    /** The installed models: text models for text, models with an image tower for pictures. */
    void models(List<ModelInfo> models) {
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (ModelInfo m : models) {
            if (m.kinds().contains("image")) {
                images.add(m.name());
            } else if (m.kinds().contains("text")) {
                texts.add(m.name());
            }
        }
        List<String> textNames = texts.isEmpty() ? List.of(BuiltinModels.MINILM) : texts;
        if (!textModels.equals(textNames)) {
            textModels.setAll(textNames);
        }
        boolean first = imageModels.isEmpty() && !images.isEmpty();
        if (!imageModels.equals(images)) {
            imageModels.setAll(images);
        }
        if (imageModel.get() == null || !images.contains(imageModel.get())) {
            imageModel.set(images.isEmpty() ? null : images.get(0));
        }
        if (defaulted) {
            // the first image model to arrive (pulled while the wizard is open) is taken up, as it would have been
            // had it been there when the step opened
            image.set((image.get() || first && imageApplies.get()) && !images.isEmpty());
        }
    }

    /**
     * Called on entering the step: which kinds apply to the target's columns; the defaults on the first visit (text
     * on when text files or PDFs were dropped: images and videos only carry short descriptions in their text).
     */
    void target(TableSchema schema, Set<FileKind> kinds) {
        boolean local = unavailable.get().isEmpty();
        boolean hasText =
                schema.column(TEXT).map(c -> c.type() == ColumnType.TEXT).orElse(false);
        boolean hasImage =
                schema.column(IMAGE).map(c -> c.type() == ColumnType.IMAGE).orElse(false);
        boolean hasThumb =
                schema.column(THUMBNAIL).map(c -> c.type() == ColumnType.IMAGE).orElse(false);
        imageSource = hasImage ? IMAGE : THUMBNAIL;
        textApplies.set(local && hasText);
        imageApplies.set(local && (hasImage || hasThumb));
        if (!defaulted) {
            defaulted = true;
            text.set(textApplies.get() && (kinds.contains(FileKind.TEXT) || kinds.contains(FileKind.PDF)));
            image.set(imageApplies.get() && !imageModels.isEmpty());
        }
        text.set(text.get() && textApplies.get());
        image.set(image.get() && imageApplies.get() && !imageModels.isEmpty());
    }

    /** Adds the chosen vector columns to the ingest. */
    void apply(IngestOptions options) {
        if (text.get()) {
            options.embed(TEXT, textModel.get());
        }
        if (image.get() && imageModel.get() != null) {
            options.embed(imageSource, imageModel.get());
        }
    }

    /** The vector columns the ingest will fill. */
    List<String> outputs() {
        List<String> out = new ArrayList<>();
        if (text.get()) {
            out.add(EmbedJob.defaultInto(TEXT));
        }
        if (image.get() && imageModel.get() != null) {
            out.add(EmbedJob.defaultInto(imageSource));
        }
        return out;
    }

    public BooleanProperty textProperty() {
        return text;
    }

    public StringProperty textModelProperty() {
        return textModel;
    }

    public ObservableList<String> textModels() {
        return textModels;
    }

    public BooleanProperty imageProperty() {
        return image;
    }

    public StringProperty imageModelProperty() {
        return imageModel;
    }

    public ObservableList<String> imageModels() {
        return imageModels;
    }

    public BooleanProperty textAppliesProperty() {
        return textApplies;
    }

    public BooleanProperty imageAppliesProperty() {
        return imageApplies;
    }

    /** Why embeddings are not offered at all (another engine), or empty. */
    public StringProperty unavailableProperty() {
        return unavailable;
    }
}
