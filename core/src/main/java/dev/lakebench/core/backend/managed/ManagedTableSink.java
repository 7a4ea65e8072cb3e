package dev.lakebench.core.backend.managed;

import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ErrorFamily;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.schema.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A managed table opened for appending: rows are buffered and sent as {@link InsertBatch}es of about
 * {@code batchBytes} of payload (and never more bind parameters than PostgreSQL takes). One batch is in flight on
 * the sink's sender thread while the next fills, so serialising and the round trip overlap row production.
 * Each batch is durable once the server answered; {@link #commit()} sends what is buffered and waits.
 *
 * <p>Batches carry ids ({@code <ingest>-<n>}) recorded atomically with their rows, so a batch whose answer was
 * lost is safely sent again (the HTTP layer retries it), and a batch that failed for good is kept: the next
 * {@link #commit()} resends it under the same id. Either way its rows land once.
 */
final class ManagedTableSink implements TableSink {

    /** How long a batch's answer is waited for. */
    static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    /** A batch's rows and number. */
    private record Pending(List<Object[]> rows, long number) {}

    private final ManagedBackend backend;
    private final String table;
    private final TableSchema schema;
    private final String datasetPath;
    private final String ingestId = UUID.randomUUID().toString();
    private volatile long batchBytes;
    /** Ids of batches (and halves of split batches) the server has answered: a resend skips them. */
    private final Set<String> landed = ConcurrentHashMap.newKeySet();

    private final int maxRows;
    private final ExecutorService sender;
    private List<Object[]> buffer = new ArrayList<>();
    private long bufferBytes;
    private long nextBatch;
    private volatile long committed;
    private Future<?> inFlight;
    private Pending inFlightBatch;
    /** A batch that failed for good; resent first by the next commit. */
    private Pending failed;

    ManagedTableSink(ManagedBackend backend, String table, TableSchema schema, String datasetPath, int batchBytes) {
        this.backend = backend;
        this.table = table;
        this.schema = schema;
        this.datasetPath = datasetPath;
        this.batchBytes = batchBytes;
        this.maxRows = InsertBatch.maxRows(schema.size());
        this.sender = Executors.newSingleThreadExecutor(NamedThreads.factory("lakebench-remote-ingest", true));
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public void write(Object[] row) {
        buffer.add(row);
        bufferBytes += InsertBatch.estimate(row);
        if (bufferBytes >= batchBytes || buffer.size() >= maxRows) {
            dispatch();
        }
    }

    /** Batches go out by size, not by the writer's flush cadence: small statements would cost a round trip each. */
    @Override
    public void flush() {}

    @Override
    public void commit() {
        awaitInFlight();
        if (failed != null) {
            Pending p = failed;
            send(p);
            failed = null;
        }
        if (!buffer.isEmpty()) {
            Pending p = take();
            try {
                send(p);
            } catch (RuntimeException e) {
                failed = p;
                throw e;
            }
        }
    }

    /** Hands the full buffer to the sender thread, after the previous batch has landed. */
    private void dispatch() {
        awaitInFlight();
        if (failed != null) {
            commit();
            return;
        }
        Pending p = take();
        inFlightBatch = p;
        inFlight = sender.submit(() -> send(p));
    }

    private Pending take() {
        Pending p = new Pending(buffer, nextBatch++);
        buffer = new ArrayList<>();
        bufferBytes = 0;
        return p;
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        Future<?> f = inFlight;
        Pending p = inFlightBatch;
        inFlight = null;
        inFlightBatch = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = p;
            throw new IngestError(
                    ErrorCode.INGEST_CANCELLED,
                    "Ingest into \"" + table + "\" was interrupted",
                    "Nothing of the current batch was lost; commit again to resend it",
                    e);
        } catch (ExecutionException e) {
            failed = p;
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void send(Pending p) {
        try {
            sendRows(p.rows(), ingestId + "-" + p.number());
        } catch (AuthError e) {
            throw e;
        } catch (IngestError e) {
            throw e;
        } catch (ManagedServiceError e) {
            String problem = "Ingest into \"" + table + "\" stopped at batch " + p.number() + " ("
                    + p.rows().size() + " rows): " + e.problem();
            String hint = committed + " rows before it are stored once; commit again to resend the batch"
                    + " (its id makes a repeat harmless), or ingest the remaining rows. " + e.hint();
            ManagedServiceError out;
            if (ApiErrors.isOutcomeUnknown(e)) {
                out = unconfirmed(p, e);
            } else if (e.code() == ErrorCode.QUERY_TIMEOUT && ApiErrors.cancelledByServer(e.problem())) {
                out = cancelled(p, e);
            } else if (refusedData(e.code())) {
                // the statement is Lakebench's own: what the database refused in it is the data
                out = new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        problem,
                        "Check the values of these rows against the column types of \"" + table + "\". " + hint,
                        e);
            } else if (e.code().family().fits(IngestError.class)) {
                // service faults
                out = new IngestError(e.code(), problem, hint, e);
            } else {
                // the class of the code (e.g. a TableError for a table dropped meanwhile)
                out = ErrorFamily.create(e.code(), problem, hint, e);
            }
            e.details().forEach(out::detail);
            throw out;
        }
    }

    /**
     * No answer said whether the batch was stored (the wait ran out, the gateway gave up, or the connection broke
     * after it was sent) and the server may
     * still be storing it, so it is not sent again here. A rerun of the whole ingest would append every row again
     * (a new ingest has new batch ids), so the hint says how to find out what arrived instead.
     */
    private IngestError unconfirmed(Pending p, ManagedServiceError e) {
        return new IngestError(
                ErrorCode.INGEST_BATCH_UNCONFIRMED,
                "Ingest into \"" + table + "\" stopped at batch " + p.number() + " ("
                        + p.rows().size() + " rows): " + e.problem() + "; the batch may or may not have been stored",
                committed + " rows before it are stored once. The server may still be storing this batch: once the"
                        + " service answers again, check with SELECT count(*) FROM \"" + table + "\" whether its rows"
                        + " arrived and ingest only the rows that did not; running the same ingest again appends every"
                        + " row again",
                e);
    }

    /**
     * The service answered that the database cancelled the batch's statement, mostly because the service's statement
     * timeout fired: the statement's transaction was rolled back, ledger row and data alike, so nothing of the batch
     * was stored and resending it is safe. The code stays {@code QUERY_TIMEOUT}, as for a query the service timed
     * out, but the way out is a different one: a query's timeout does not reach ingest batches, smaller ones do.
     */
    private QueryError cancelled(Pending p, ManagedServiceError e) {
        return new QueryError(
                ErrorCode.QUERY_TIMEOUT,
                "Ingest into \"" + table + "\" stopped at batch " + p.number() + " ("
                        + p.rows().size()
                        + " rows): the service cancelled the batch's statement before it finished, so none of its rows"
                        + " were stored: " + e.problem(),
                "The batch took longer than the service's statement timeout allows. " + committed
                        + " rows before it are stored once. Send smaller batches so that each finishes in time"
                        + " (ManagedSettings.withInsertBatchBytes(bytes), now " + batchBytes + " bytes), or ask the"
                        + " service's operator to raise the statement timeout; then commit again to resend the batch"
                        + " (its id makes a repeat harmless), or ingest the remaining rows",
                e);
    }

    /** A batch statement the database refused for what it holds (bad input syntax, a value out of range). */
    private static boolean refusedData(ErrorCode code) {
        return code == ErrorCode.QUERY_INVALID || code == ErrorCode.QUERY_SYNTAX || code == ErrorCode.QUERY_PARAMETER;
    }

    /**
     * Sends rows as one batch; a body the service finds too large (413) is sent as two halves with ids derived
     * from this one (".0", ".1"), and later batches are cut to the size that was accepted. A resend of the whole
     * batch splits the same way, so the ledger still recognises halves that landed.
     */
    private void sendRows(List<Object[]> rows, String batchId) {
        if (landed.contains(batchId)) {
            return;
        }
        if (rows.size() > 1 && estimate(rows) > batchBytes) {
            // larger than what the service has been seen to accept: split before sending
            split(rows, batchId);
            return;
        }
        InsertBatch b = InsertBatch.build(
                table,
                schema,
                rows,
                batchId,
                backend.capabilities().ledger(),
                !backend.capabilities().params());
        try {
            // idempotent: the ledger makes a second delivery of this batch id a no-op
            backend.post(b.sql(), b.params(), null, true, Cancellation.none(), backend.batchTimeout());
        } catch (ManagedServiceError e) {
            if (!"413".equals(e.details().get("http_status")) || e instanceof AuthError) {
                throw e;
            }
            if (rows.size() == 1) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "A single row of \"" + table + "\" is larger than the managed API accepts in"
                                + " one request (413, " + b.sql().length() / 1024 + " KiB of SQL)",
                        "Store large values (files, media) in"
                                + " smaller pieces, or ask the service's operator about the request-size limit",
                        e);
            }
            batchBytes = Math.max(1024, Math.min(batchBytes, estimate(rows) / 2));
            split(rows, batchId);
            return;
        }
        landed.add(batchId);
        committed += rows.size();
    }

    private void split(List<Object[]> rows, String batchId) {
        int half = rows.size() / 2;
        sendRows(rows.subList(0, half), batchId + ".0");
        sendRows(rows.subList(half, rows.size()), batchId + ".1");
    }

    private static long estimate(List<Object[]> rows) {
        long n = 0;
        for (Object[] r : rows) {
            n += InsertBatch.estimate(r);
        }
        return n;
    }

    /** Rows the server has stored; waits for the batch in flight so the count is exact (a failure is kept for commit). */
    @Override
    public long rowsCommitted() {
        try {
            awaitInFlight();
        } catch (RuntimeException e) {
            // the failed batch is kept in `failed`; the next commit resends it or reports the failure again
        }
        return committed;
    }

    @Override
    public String datasetPath() {
        return datasetPath;
    }

    /** Waits for the batch in flight (it may land); rows not yet handed on are discarded. */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                try {
                    inFlight.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // reported by whoever committed; closing only releases
                }
            }
        } finally {
            sender.shutdownNow();
            buffer.clear();
            backend.catalog().invalidate(table);
        }
    }
}
