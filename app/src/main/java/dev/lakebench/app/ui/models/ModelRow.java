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
 * {@code config.json} for pulled ones; a remote endpoint tells only when called), size on disk and where from.
 */
public record ModelRow(String name, String kinds, String dimension, String size, String source, boolean removable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Background: reads a pulled model's config for its dimension. */
    static ModelRow of(ModelInfo m) {
        boolean builtin = BuiltinModels.canonical(m.name()).isPresent();
        boolean remote = m.name().startsWith(RemoteModels.PREFIX);
        String dim = builtin ? String.valueOf(BuiltinModels.MINILM_DIMENSION) : remote ? "—" : dimension(m.location());
        String size = builtin ? "in the app" : remote ? "remote" : megabytes(m.sizeBytes());
        return new ModelRow(m.name(), m.kinds(), dim, size, m.source(), !builtin && !remote);
    }

    /** {@code projection_dim} of a CLIP-style model, else {@code hidden_size} of a sentence encoder. */
    static String dimension(Path folder) {
        if (folder == null) {
            return "—";
        }
        Path config = folder.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return "—";
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
        return "—";
    }

    static String megabytes(long bytes) {
        return bytes < 100_000
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
