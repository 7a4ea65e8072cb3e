package dev.lakebench.app.ui.sql;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.embed.EmbeddingCatalog;
import dev.lakebench.core.schema.Column;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and columns of a workspace as the editor knows them (completion, the search forms), and which model
 * made each vector column ({@code models}: table, then column, lower case, to model name). Immutable.
 */
public record SchemaCatalog(Map<String, List<Column>> tables, Map<String, Map<String, String>> models) {

    public static final SchemaCatalog EMPTY = new SchemaCatalog(Map.of());

    public SchemaCatalog {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        models = Map.copyOf(models);
    }

    public SchemaCatalog(Map<String, List<Column>> tables) {
        this(tables, Map.of());
    }

    /** Background: reads every table's columns, and the models recorded for vector columns (embedded engine). */
    public static SchemaCatalog load(Client client) {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        Map<String, Map<String, String>> models = new HashMap<>();
        var recorded = client.backend() instanceof LocalBackend local ? new EmbeddingCatalog(local.workspace()) : null;
        for (String t : client.listTables()) {
            try {
                out.put(t, client.describeTable(t).schema().columns());
            } catch (ManagedServiceError e) {
                continue; // dropped meanwhile
            }
            if (recorded != null) {
                Map<String, String> byColumn = new HashMap<>();
                try {
                    for (var e : recorded.list(t)) {
                        byColumn.put(e.column().toLowerCase(Locale.ROOT), e.model());
                    }
                } catch (RuntimeException e) {
                    // without the record the search form asks for the model instead
                }
                models.put(t.toLowerCase(Locale.ROOT), Map.copyOf(byColumn));
            }
        }
        return new SchemaCatalog(out, models);
    }

    /** The vector size of each model that made a column here (from the column's type), by model name. */
    public Map<String, Integer> modelDimensions() {
        Map<String, Integer> out = new HashMap<>();
        tables.forEach((t, cols) -> {
            Map<String, String> made = models.getOrDefault(t.toLowerCase(Locale.ROOT), Map.of());
            for (Column c : cols) {
                String model = made.get(c.name().toLowerCase(Locale.ROOT));
                if (model != null && c.dimension() > 0) {
                    out.put(model, c.dimension());
                }
            }
        });
        return out;
    }

    /** The model recorded as the maker of a vector column, if any. */
    public Optional<String> model(String table, String column) {
        return Optional.ofNullable(
                models.getOrDefault(table.toLowerCase(Locale.ROOT), Map.of()).get(column.toLowerCase(Locale.ROOT)));
    }

    /** Columns of a table, matched case-insensitively. */
    public Optional<List<Column>> columns(String table) {
        for (var e : tables.entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    public Optional<String> canonical(String table) {
        for (String t : tables.keySet()) {
            if (t.toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
