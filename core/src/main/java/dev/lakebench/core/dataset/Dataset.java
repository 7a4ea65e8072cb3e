package dev.lakebench.core.dataset;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.spi.EngineServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A table (or a view of it) for training and bulk reads: {@link #batches(int)} yields columnar batches built one
 * ahead in the background; {@link #query(String)} narrows columns and rows the way the seed does
 * ({@code ds.query("SELECT state_x, action_x WHERE episode_index < 100")}); {@link #exportParquet} and {@link #exportArrow}
 * write it for Python trainers.
 */
public final class Dataset {

    private final Backend backend;
    private final String table;
    private final String sql;

    private Dataset(Backend backend, String table, String sql) {
        this.backend = backend;
        this.table = table;
        this.sql = sql;
    }

    /** The whole table. */
    public static Dataset open(Backend backend, String table) {
        EngineServices engine = EngineServices.get();
        engine.checkTableName(table);
        backend.describeTable(table);
        return new Dataset(backend, table, engine.datasetTable(table));
    }

    public String table() {
        return table;
    }

    /** The SQL this dataset reads. */
    public String sql() {
        return sql;
    }

    public TableInfo info() {
        return backend.describeTable(table);
    }

    /** Number of rows of this view. */
    public long size() {
        var rows = backend.execute(QueryRequest.of(EngineServices.get().datasetCount(sql)))
                .rows();
        return (Long) rows.get(0).get("n");
    }

    /**
     * A view of this dataset. Accepts {@code SELECT cols [WHERE ..] [ORDER BY ..] [LIMIT ..]} without a FROM (the
     * table is implied), or a full SELECT over the dataset's table.
     */
    public Dataset query(String select) {
        return new Dataset(backend, table, EngineServices.get().datasetView(sql, table, select));
    }

    /**
     * Row {@code index} (0-based) in this dataset's order: random access for samplers.
     *
     * @throws IndexOutOfBoundsException when the dataset has no such row
     */
    public Row get(long index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("row index must not be negative: " + index);
        }
        List<Row> rows = backend.execute(QueryRequest.of(EngineServices.get().datasetRow(sql, index)))
                .rows();
        if (rows.isEmpty()) {
            throw new IndexOutOfBoundsException("row " + index + " of a dataset of " + size() + " rows");
        }
        return rows.get(0);
    }

    /**
     * This dataset in a shuffled order that depends only on {@code seed} and the rows: the same seed gives the
     * same order on every run, another seed another order ({@code ds.shuffled(epoch).batches(32)}).
     */
    public Dataset shuffled(long seed) {
        return new Dataset(backend, table, EngineServices.get().datasetShuffled(sql, seed));
    }

    /** Batches of {@code batchSize} rows; close the iterator if you stop early. */
    public BatchIterator batches(int batchSize) {
        return new BatchIterator(rows(Cancellation.none()), batchSize);
    }

    /** Writes every row to a Parquet file and returns the row count. */
    public long exportParquet(Path file, LongConsumer progress) {
        return ParquetExport.write(rows(Cancellation.none()), file, progress);
    }

    public long exportParquet(Path file) {
        return exportParquet(file, null);
    }

    /**
     * Writes every row to an Arrow IPC file (the file format pyarrow's {@code feather}/{@code ipc} readers,
     * polars and Arrow Java open) and returns the row count; embeddings become fixed-size float32 lists.
     */
    public long exportArrow(Path file, LongConsumer progress) {
        return ArrowExport.write(rows(Cancellation.none()), file, progress);
    }

    public long exportArrow(Path file) {
        return exportArrow(file, null);
    }

    /**
     * Writes every row to a file in {@code format} (Parquet, CSV, JSON lines or Arrow) and returns the row count;
     * {@code progress} (may be null) gets the running row count. A cancel leaves no file, and an existing file is
     * replaced only once the new one is complete.
     */
    public long export(Path file, ExportFormat format, LongConsumer progress, Cancellation cancellation) {
        return FileExport.write(rows(cancellation), file, format, progress, cancellation);
    }

    /** Every row of this dataset, streamed: bulk reads may take long, so the query timeout is a day. */
    private RowCursor rows(Cancellation cancellation) {
        return backend.stream(QueryRequest.of(sql).timeout(Duration.ofDays(1)).cancellation(cancellation));
    }
}
