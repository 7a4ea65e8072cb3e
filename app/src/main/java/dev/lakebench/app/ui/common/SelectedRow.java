package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The row last selected in a results grid or the thumbnail grid, with where it came from: the workspace, the
 * table, and the statement that produced it when there was one ({@code query}, null otherwise). The SQL editor
 * takes query vectors from it ("vector from the selected row"), the detail pane shows it and highlights the
 * words the statement searched for.
 */
public record SelectedRow(WorkspaceRef workspace, String table, Row row, Query query) {

    /** The statement a row came from, with the values of its {@code $n} parameters. */
    public record Query(String sql, List<Object> params) {
        public Query {
            params = params == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
        }
    }

    /** A row not known to come from a statement (a thumbnail, a row loaded by key). */
    public SelectedRow(WorkspaceRef workspace, String table, Row row) {
        this(workspace, table, row, null);
    }

    /** Names of the row's vector-valued columns. */
    public List<String> vectorColumns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.width(); i++) {
            if (row.get(i) instanceof float[]) {
                out.add(row.columns().get(i));
            }
        }
        return out;
    }
}
