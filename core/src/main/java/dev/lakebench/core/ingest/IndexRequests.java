package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** The columns an ingest was asked to index ({@link IngestOptions#index}): checked before writing, built after. */
final class IndexRequests {

    private IndexRequests() {}

    /** Fails naming the column and the choices when {@code source} ("the data", "the format") lacks one. */
    static void check(TableSchema schema, List<String> names, String source, IngestOptions options) {
        for (String col : options.index()) {
            if (schema.column(col).isEmpty()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Cannot index column \"" + col + "\": " + source + " has no such column",
                        "Index one of: " + String.join(", ", names));
            }
        }
    }

    /** Creates the indexes; a managed service that refuses one is a warning, the rows stay. */
    static List<String> build(Backend backend, String table, IngestOptions options) {
        List<String> warnings = new ArrayList<>();
        for (String col : options.index()) {
            try {
                backend.createIndex(table, col, null, null, options.cancellation());
            } catch (ManagedServiceError e) {
                warnings.add("Index on \"" + col + "\" was not created: " + e.getMessage());
            }
        }
        return warnings;
    }
}
