package dev.lakebench.core.client;

import dev.lakebench.core.schema.TableSchema;
import java.util.List;

/** A table's columns (with types and vector sizes), its row count and its indexes. */
public record TableInfo(String name, TableSchema schema, long rowCount, List<IndexInfo> indexes) {

    public TableInfo {
        indexes = List.copyOf(indexes);
    }
}
