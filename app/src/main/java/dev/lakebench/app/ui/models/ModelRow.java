package dev.lakebench.app.ui.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.embed.BuiltinModels;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.RemoteModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One installed model as the dialog lists it: name, what it embeds, vector size (from the model's
 * {@code config.json} for pulled ones; for a remote endpoint, the size its vector columns record, else unknown
 * until it is first called), size on disk and where from. {@code dimensionNote} explains the size (the tooltip).
 */
public record ModelRow(
        String name,
        String kinds,
        String dimension,
        String size,
        String source,
        boolean removable,
        String dimensionNote) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNKNOWN = "—";
    static final String UNKNOWN_REMOTE =
            "Unknown until first use: the endpoint tells its vector size when it first embeds something"
                    + " (a vector column made with it records the size)";
    static final String LEARNED_REMOTE = "The size of the vector columns this endpoint made";

    /** Background: reads a pulled model's config for its dimension; {@code learned} is a remote model's known size. */
    static ModelRow of(ModelInfo m, Integer learned) {
        boolean builtin = BuiltinModels.canonical(m.name()).isPresent();
        boolean remote = m.name().startsWith(RemoteModels.PREFIX);
        String size = builtin ? "in the app" : remote ? "remote" : megabytes(m.sizeBytes());
        ModelRow row = new ModelRow(m.name(), m.kinds(), UNKNOWN, size, m.source(), !builtin && !remote, "");
        if (builtin) {
            return row.withDimension(String.valueOf(BuiltinModels.MINILM_DIMENSION), "Built in");
        }
        if (remote) {
            return row.learned(learned);
        }
        String dim = dimension(m.location());
        return row.withDimension(
                dim, dim.equals(UNKNOWN) ? "The model's config.json does not say" : "From the model's config.json");
    }

    /** A remote model's row with the size learned since it was listed (unchanged for other models). */
    ModelRow learned(Integer d) {
        if (!name.startsWith(RemoteModels.PREFIX)) {
            return this;
        }
        return d == null ? withDimension(UNKNOWN, UNKNOWN_REMOTE) : withDimension(String.valueOf(d), LEARNED_REMOTE);
    }

    private ModelRow withDimension(String d, String note) {
        return new ModelRow(name, kinds, d, size, source, removable, note);
    }

    /** {@code projection_dim} of a CLIP-style model, else {@code hidden_size} of a sentence encoder. */
    static String dimension(Path folder) {
        if (folder == null) {
            return UNKNOWN;
        }
        Path config = folder.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return UNKNOWN;
        }
        try {
            JsonNode n = JSON.readTree(config.toFile());
            for (JsonNode d : new JsonNode[] {
                n.get("projection_dim"), n.path("text_config").get("projection_dim"), n.get("hidden_size")
            }) {
                if (d != null && d.canConvertToInt()) {
                    return String.valueOf(d.intValue());
                }
            }
        } catch (IOException e) {
            // an unreadable config only costs the column
        }
        return UNKNOWN;
    }

    static String megabytes(long bytes) {
        return bytes < 100_000
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
