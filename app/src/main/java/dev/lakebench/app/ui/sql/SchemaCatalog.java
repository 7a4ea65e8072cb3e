package dev.lakebench.app.ui.sql;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.schema.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tables and columns of a workspace as the editor knows them (completion, the hybrid form). Immutable. */
public record SchemaCatalog(Map<String, List<Column>> tables) {

    public static final SchemaCatalog EMPTY = new SchemaCatalog(Map.of());

    public SchemaCatalog {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** Background: reads every table's columns. */
    public static SchemaCatalog load(Client client) {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        for (String t : client.listTables()) {
            try {
                out.put(t, client.describeTable(t).schema().columns());
            } catch (ManagedServiceError e) {
                // dropped meanwhile
            }
        }
        return new SchemaCatalog(out);
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
