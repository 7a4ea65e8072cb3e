package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Latest;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.app.ui.sql.HybridSearch;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.IngestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One running ingest: started on core's executors ({@code client.async()}), reporting files and rows done,
 * throughput, ETA and the current file, cancellable, ending with the result (rows, per-file failures,
 * warnings) or an error report. Several can run at once; each is also a task in the status bar.
 */
public final class IngestRunViewModel {

    /** Where the run is. */
    public enum State {
        RUNNING,
        DONE,
        CANCELLED,
        FAILED
    }

    private final WorkspaceRef workspace;
    private final String table;
    private final long totalBytes;
    private final Cancellation cancellation = new Cancellation();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final ObjectProperty<IngestProgress> progress = new SimpleObjectProperty<>();
    private final DoubleProperty fraction = new SimpleDoubleProperty(-1);
    private final StringProperty files = new SimpleStringProperty("Starting…");
    private final StringProperty rows = new SimpleStringProperty("");
    private final StringProperty throughput = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty currentFile = new SimpleStringProperty("");
    private final ObjectProperty<IngestResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private TrackedTask task;
    /** Rows of the table before the run, and after it when it was cancelled; -1: no such table. */
    private volatile long rowsBefore = -1;

    private volatile long rowsAfter = -1;

    /** Vector columns this run fills, and how many vectors they held before it. */
    private final List<String> vectorColumns;

    private volatile long vectorsBefore;
    private volatile long vectorsMade = -1;

    IngestRunViewModel(WorkspaceRef workspace, String table, long totalBytes) {
        this(workspace, table, totalBytes, List.of());
    }

    IngestRunViewModel(WorkspaceRef workspace, String table, long totalBytes, List<String> vectorColumns) {
        this.workspace = workspace;
        this.table = table;
        this.totalBytes = totalBytes;
        this.vectorColumns = List.copyOf(vectorColumns);
    }

    /** Starts the ingest of {@code paths} into the table; {@code onEnd} runs on the UI thread when it ends. */
    void start(Sessions sessions, Tasks tasks, List<Path> paths, IngestOptions options, Runnable onEnd) {
        Latest<IngestProgress> latest = new Latest<>(tasks.threads().ui(), this::show);
        options.cancellation(cancellation);
        options.schema("path", "FILE");
        task = tasks.create("Ingest into " + table, ctx -> {
                    ctx.cancellation().onCancel(cancellation::cancel);
                    options.listener(p -> {
                        latest.offer(p);
                        ctx.progress(IngestProgressText.fraction(p, totalBytes));
                        ctx.message(
                                IngestProgressText.isEmbedding(p)
                                        ? IngestProgressText.embedding(p)
                                        : IngestProgressText.files(p));
                    });
                    Client client = sessions.client(workspace);
                    rowsBefore = rows(client);
                    vectorsBefore = vectors(client);
                    IngestResult r;
                    try {
                        r = client.async()
                                .ingest(table, Map.of("path", List.copyOf(paths)), options)
                                .join();
                    } catch (RuntimeException e) {
                        if (!cancellation.isCancelled()) {
                            throw e;
                        }
                        r = null;
                    }
                    if (r == null || r.cancelled() || cancellation.isCancelled()) {
                        // what really stayed is what the table holds now, not what the run had counted when it stopped
                        rowsAfter = rows(client);
                    }
                    if (!vectorColumns.isEmpty()) {
                        vectorsMade = vectors(client) - vectorsBefore;
                    }
                    return r; // null: cancelled before the engine returned a result
                })
                .cancellation(new Cancellation())
                .onSuccess(r -> {
                    result.set(r);
                    // a cancel that lands just as the workers stop can come back as a normal (shorter) result
                    state.set(r == null || r.cancelled() || cancellation.isCancelled() ? State.CANCELLED : State.DONE);
                    onEnd.run();
                })
                .onFailure(r -> {
                    error.set(r);
                    state.set(State.FAILED);
                    onEnd.run();
                })
                .onCancelled(() -> {
                    state.set(State.CANCELLED);
                    onEnd.run();
                })
                .start();
    }

    private long rows(Client client) {
        if (!client.listTables().contains(table)) {
            return -1;
        }
        return ((Number) client.query("SELECT count(*) FROM " + HybridSearch.ident(table))
                        .get(0)
                        .get(0))
                .longValue();
    }

    /** Vectors in this run's vector columns (columns not there yet count 0). */
    private long vectors(Client client) {
        if (vectorColumns.isEmpty() || !client.listTables().contains(table)) {
            return 0;
        }
        var names = client.describeTable(table).schema().names();
        long n = 0;
        for (String c : vectorColumns) {
            if (names.contains(c)) {
                n += ((Number) client.query(
                                        "SELECT count(" + HybridSearch.ident(c) + ") FROM " + HybridSearch.ident(table))
                                .get(0)
                                .get(0))
                        .longValue();
            }
        }
        return n;
    }

    /** Vectors this run made (-1 when it made none by design). */
    public long vectorsMade() {
        return vectorsMade;
    }

    private String vectorsLine() {
        return vectorsMade < 0
                ? ""
                : "; " + Sizes.plural(vectorsMade, "vector", "vectors") + " made (" + String.join(", ", vectorColumns)
                        + ")";
    }

    private void show(IngestProgress p) {
        if (IngestProgressText.isEmbedding(p)) {
            // the rows are in; the files' figures stay as they ended, the vectors' progress shows on its own line
            fraction.set(IngestProgressText.fraction(p, totalBytes));
            currentFile.set(IngestProgressText.embedding(p));
            eta.set("");
            return;
        }
        progress.set(p);
        fraction.set(IngestProgressText.fraction(p, totalBytes));
        files.set(IngestProgressText.files(p));
        rows.set(IngestProgressText.rows(p));
        throughput.set(IngestProgressText.throughput(p));
        eta.set(IngestProgressText.eta(p, totalBytes));
        currentFile.set(p.currentFile() == null ? "" : p.currentFile());
    }

    /** Stops the ingest; whole committed batches stay. */
    public void cancel() {
        cancellation.cancel();
    }

    public WorkspaceRef workspace() {
        return workspace;
    }

    public String table() {
        return table;
    }

    public TrackedTask task() {
        return task;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<IngestProgress> progressProperty() {
        return progress;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public StringProperty filesProperty() {
        return files;
    }

    public StringProperty rowsProperty() {
        return rows;
    }

    public StringProperty throughputProperty() {
        return throughput;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty currentFileProperty() {
        return currentFile;
    }

    public ObjectProperty<IngestResult> resultProperty() {
        return result;
    }

    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    /** Rows of this run that stayed in the table after a cancel (0 when the table was not created). */
    public long rowsKept() {
        return rowsAfter < 0 ? 0 : rowsAfter - Math.max(0, rowsBefore);
    }

    private String cancelledSummary() {
        if (rowsAfter < 0) {
            return "Cancelled before any row was stored: table \"" + table + "\" was not created";
        }
        long kept = rowsKept();
        return "Cancelled: " + (kept == 0 ? "no rows of this run" : Sizes.plural(kept, "row", "rows") + " of this run")
                + " stay in \"" + table + "\" (" + Sizes.plural(rowsAfter, "row", "rows")
                + " in all). Resume ingests the rest,"
                + " skipping the files already stored";
    }

    /** One line about how it ended. */
    public String summary() {
        IngestResult r = result.get();
        return switch (state.get()) {
            case RUNNING -> "Running…";
            case FAILED -> error.get() == null ? "Failed" : error.get().problem();
            case CANCELLED -> cancelledSummary();
            case DONE ->
                "Ingested " + Sizes.plural(r.rowCount(), "row", "rows") + " into \"" + table + "\" in "
                        + Sizes.duration(r.elapsed() == null ? Duration.ZERO : r.elapsed())
                        + (r.failures().isEmpty()
                                ? ""
                                : "; " + Sizes.plural(r.failures().size(), "file", "files") + " failed")
                        + vectorsLine();
        };
    }
}
