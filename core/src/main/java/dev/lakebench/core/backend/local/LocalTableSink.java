package dev.lakebench.core.backend.local;

import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.index.TableListener;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.TableWriter;
import dev.lakebench.core.store.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** A local table opened for appending: a {@link TableWriter} under the table's write permit. */
final class LocalTableSink implements TableSink {

    private final Workspace workspace;
    private final TableWriter writer;
    private final Semaphore permit;
    private final List<TableListener> listeners;
    private final String datasetPath;
    private boolean closed;
    /** Completion records go into the transaction of each commit (see LocalSourceLedger). */
    private LocalSourceLedger ledger;

    LocalTableSink(
            Workspace workspace, TableDef def, Semaphore permit, List<TableListener> listeners, String datasetPath) {
        this.workspace = workspace;
        this.permit = permit;
        this.listeners = listeners;
        this.datasetPath = datasetPath;
        this.writer = new TableWriter(workspace, def);
    }

    @Override
    public TableSchema schema() {
        return writer.table().schema();
    }

    @Override
    public void write(Object[] row) {
        writer.append(row);
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public void commit() {
        if (ledger != null) {
            ledger.beforeCommit();
        }
        writer.commit();
        TableDef def = workspace.catalog().table(writer.table().name()).orElse(writer.table());
        for (TableListener l : listeners) {
            l.afterWrite(def);
        }
    }

    @Override
    public void commitAsync() {
        if (ledger != null) {
            ledger.beforeCommit();
        }
        writer.commitAsync();
    }

    @Override
    public long rowsCommitted() {
        return writer.rowsCommitted();
    }

    @Override
    public Optional<SourceLedger> ledger(String sourceColumn) {
        if (ledger == null) {
            ledger = new LocalSourceLedger(workspace, writer, writer.table(), sourceColumn, () -> {
                TableDef def = workspace.catalog().table(writer.table().name()).orElse(writer.table());
                for (TableListener l : listeners) {
                    l.afterWrite(def);
                }
            });
        }
        return Optional.of(ledger);
    }

    @Override
    public Optional<SourceLedger> batchLedger() {
        return ledger(null);
    }

    @Override
    public String datasetPath() {
        return datasetPath;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } finally {
            permit.release();
        }
    }
}
