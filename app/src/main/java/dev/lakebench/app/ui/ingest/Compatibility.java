package dev.lakebench.app.ui.ingest;

import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.ingest.files.FileKind;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.SchemaCompatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether dropped files can be appended to an existing table, checked before anything runs: per file kind,
 * the rows' columns must exist in the table with fitting types (core's own check). Kinds that do not fit are
 * reported; when no kind fits the append is refused.
 */
public record Compatibility(List<Line> lines, boolean anyFits) {

    /** The verdict for one kind of file. */
    public record Line(FileKind kind, int files, boolean fits, String message) {}

    public static Compatibility check(String table, TableSchema existing, Map<FileKind, DropSummary.KindCount> kinds) {
        List<Line> lines = new ArrayList<>();
        boolean any = false;
        for (var e : kinds.entrySet()) {
            FileKind k = e.getKey();
            String name = k.name().toLowerCase(Locale.ROOT);
            try {
                SchemaCompatibility.check(table, existing, new TableSchema(k.columns()));
                lines.add(new Line(k, e.getValue().files(), true, name + " files fit the table's columns"));
                any = true;
            } catch (ManagedServiceError err) {
                lines.add(new Line(
                        k,
                        e.getValue().files(),
                        false,
                        name + " files do not fit: "
                                + err.problem().replace("Cannot append to table \"" + table + "\": ", "")));
            }
        }
        return new Compatibility(List.copyOf(lines), any);
    }

    /** Files that will fail because their kind does not fit. */
    public int misfitFiles() {
        int n = 0;
        for (Line l : lines) {
            if (!l.fits()) {
                n += l.files();
            }
        }
        return n;
    }
}
