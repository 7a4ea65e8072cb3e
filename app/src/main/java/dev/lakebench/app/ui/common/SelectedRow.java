package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The row last selected in a results grid or the thumbnail grid, with where it came from. The SQL editor takes
 * query vectors from it ("vector from the selected row"), the detail pane shows it.
 */
public record SelectedRow(WorkspaceRef workspace, String table, Row row) {

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
