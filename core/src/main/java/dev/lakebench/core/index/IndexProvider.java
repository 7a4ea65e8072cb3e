package dev.lakebench.core.index;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.store.TableDef;
import java.util.List;

/** Source of a local table's indexes: lists them and creates them (the local backend asks its providers in turn). */
public interface IndexProvider {

    List<IndexInfo> indexes(TableDef table);

    /**
     * Creates the index if this provider serves the column (idempotent); returns false when it does not serve
     * this column or index type, so the next provider can.
     */
    boolean createIndex(
            TableDef table, String column, String indexType, IngestListener listener, Cancellation cancellation);
}
