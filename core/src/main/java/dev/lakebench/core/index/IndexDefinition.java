package dev.lakebench.core.index;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declared index: its name, table, column(s), type and options (HNSW {@code m}, {@code ef_construction},
 * {@code ef_search}), and a uid that ties the index directory to this declaration (a directory left by an
 * older declaration of the same name is rebuilt, not trusted).
 */
public record IndexDefinition(
        String name, String table, List<String> columns, IndexType type, Map<String, String> options, String uid) {

    public IndexDefinition {
        columns = List.copyOf(columns);
        options = Map.copyOf(options);
    }

    public boolean covers(String column) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    public boolean onTable(String t) {
        return table.equalsIgnoreCase(t);
    }

    /** Directory name under {@code indexes/}: table and index name, lower-cased. */
    public String directoryName() {
        return table.toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT);
    }

    public int intOption(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new dev.lakebench.core.client.TableError(
                    dev.lakebench.core.client.ErrorCode.TABLE_INDEX_FAILED,
                    "Index \"" + name + "\": option " + key + " must be a whole number, got '" + v + "'",
                    "Write e.g. WITH (" + key + " = 32)");
        }
    }
}
