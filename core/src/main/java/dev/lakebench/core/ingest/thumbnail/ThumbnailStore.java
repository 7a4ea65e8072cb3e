package dev.lakebench.core.ingest.thumbnail;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.SourceLedger;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Values;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's shared {@code thumbnails} table (docs/spec/file-ingest.md): {@code file_id} (the id of the row the image is in),
 * {@code column_name}, {@code dimension} ("128x128") and {@code content} (JPEG). Opened lazily, on the first
 * thumbnail of an ingest, and held until the ingest ends. An ingest commits its thumbnails just before each
 * commit of the rows they belong to, so thumbnails never go missing for committed rows.
 */
public final class ThumbnailStore implements AutoCloseable {

    public static final String TABLE = TableDef.THUMBNAILS_TABLE;
    public static final TableSchema SCHEMA = new TableSchema(List.of(
            Column.of("file_id", ColumnType.TEXT), Column.of("column_name", ColumnType.TEXT),
            Column.of("dimension", ColumnType.TEXT), Column.of("content", ColumnType.IMAGE)));

    private final Backend backend;
    private TableSink sink;
    private Optional<SourceLedger> ledger;
    private int[] positions;
    private long pending;

    public ThumbnailStore(Backend backend) {
        this.backend = backend;
    }

    /** Whether an ingest into {@code table} can have thumbnails (not the thumbnails table itself). */
    public static boolean appliesTo(String table) {
        return !TABLE.equalsIgnoreCase(table);
    }

    public void write(String rowId, String column, Thumbnail t) {
        TableSink s = sink();
        Object[] row = new Object[s.schema().size()];
        row[positions[0]] = rowId;
        row[positions[1]] = column;
        row[positions[2]] = t.dimension();
        row[positions[3]] = Values.coerce(s.schema().get(positions[3]), t.jpeg(), 0);
        s.write(row);
        pending++;
    }

    private TableSink sink() {
        if (sink == null) {
            sink = backend.openSink(TABLE, SCHEMA);
            positions = new int[SCHEMA.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = sink.schema().indexOf(SCHEMA.get(i).name());
            }
        }
        return sink;
    }

    /** Commits the thumbnails written so far (and waits until they are durable). */
    public void commit() {
        if (sink != null && pending > 0) {
            sink.commit();
            pending = 0;
        }
    }

    /** Deletes the committed thumbnails of these rows, when the backend can (see {@link SourceLedger}). */
    public void discard(Collection<String> rowIds) {
        if (rowIds.isEmpty()) {
            return;
        }
        if (ledger == null) {
            ledger = sink().ledger("file_id");
        }
        ledger.ifPresent(l -> l.discard(rowIds));
    }

    public long rowsCommitted() {
        return sink == null ? 0 : sink.rowsCommitted();
    }

    /** Closes the table; thumbnails not committed are dropped. */
    @Override
    public void close() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
