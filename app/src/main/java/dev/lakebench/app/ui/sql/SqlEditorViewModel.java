package dev.lakebench.app.ui.sql;

import dev.lakebench.app.cli.SyntaxCaret;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.TaskContext;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.Models;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;

/**
 * The SQL editor's logic: which statement runs (the selection, else the one at the caret), its {@code $N}
 * parameters, running it on the workspace's client with engine cancellation, streaming the first rows into a
 * new result (earlier results stay in their tabs), history, and the schema used for completion.
 */
public final class SqlEditorViewModel {

    /** Rows a result keeps for the grid; export always writes all. */
    static final int MAX_ROWS = 10_000;
    /** Bytes a result keeps (rows with images are large). */
    static final long MAX_BYTES = 256L << 20;
    /** Result tabs kept per editor; the oldest closes first. */
    static final int MAX_RESULTS = 20;

    private final WorkspaceRef workspace;
    private final Sessions sessions;
    private final Tasks tasks;
    private final QueryHistory history;
    private final ObjectProperty<SelectedRow> selectedRow;
    private final StringProperty text = new SimpleStringProperty("");
    private final IntegerProperty caret = new SimpleIntegerProperty();
    private final StringProperty selectedText = new SimpleStringProperty("");
    private final IntegerProperty selectionStart = new SimpleIntegerProperty();
    private final ObjectProperty<ErrorMark> errorMark = new SimpleObjectProperty<>();
    private final ObservableList<ParameterViewModel> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<SchemaCatalog> catalog = new SimpleObjectProperty<>(SchemaCatalog.EMPTY);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> startedAt = new SimpleObjectProperty<>();
    private final ObservableList<ResultViewModel> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultViewModel> current = new SimpleObjectProperty<>();
    private Runnable onWrite = () -> {};
    private Supplier<String> browserTable = () -> null;
    private ResultViewModel active;
    private int runs;

    public SqlEditorViewModel(
            WorkspaceRef workspace,
            Sessions sessions,
            Tasks tasks,
            QueryHistory history,
            ObjectProperty<SelectedRow> selectedRow) {
        this.workspace = workspace;
        this.sessions = sessions;
        this.tasks = tasks;
        this.history = history;
        this.selectedRow = selectedRow;
        text.addListener((o, a, b) -> errorMark.set(null));
    }

    /** Where the last failed statement went wrong, as a range of the editor's text (the editor underlines it). */
    public record ErrorMark(int start, int end, String problem) {}

    public WorkspaceRef workspace() {
        return workspace;
    }

    public StringProperty textProperty() {
        return text;
    }

    public IntegerProperty caretProperty() {
        return caret;
    }

    public StringProperty selectedTextProperty() {
        return selectedText;
    }

    /** Where the selection starts in the text (set by the view; the offset of a selection that runs). */
    public IntegerProperty selectionStartProperty() {
        return selectionStart;
    }

    /** The position of the last failure in the text; null when none (or the text changed since). */
    public ObjectProperty<ErrorMark> errorMarkProperty() {
        return errorMark;
    }

    public ObservableList<ParameterViewModel> parameters() {
        return parameters;
    }

    public ObjectProperty<SchemaCatalog> catalogProperty() {
        return catalog;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<Instant> startedAtProperty() {
        return startedAt;
    }

    public ObservableList<ResultViewModel> results() {
        return results;
    }

    /** The result tab in front. */
    public ObjectProperty<ResultViewModel> currentProperty() {
        return current;
    }

    /** The workbench's threads (the editor's highlighting runs on them). */
    public Threads threads() {
        return tasks.threads();
    }

    public ObjectProperty<SelectedRow> selectedRowProperty() {
        return selectedRow;
    }

    public QueryHistory history() {
        return history;
    }

    /** The table selected in the browser for this editor's workspace (null when none): completion's fallback. */
    public Supplier<String> browserTable() {
        return browserTable;
    }

    public void browserTable(Supplier<String> s) {
        this.browserTable = s;
    }

    /** Called after a statement that may have changed tables (the browser refreshes). */
    public void onWrite(Runnable r) {
        this.onWrite = r;
    }

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private InstalledModels installed;
    /** Held here: the shared list holds it weakly, so a closed editor is not kept alive by it. */
    private ListChangeListener<String> following;

    /**
     * Follows the workbench's installed models (this workspace's data directory), so that a model pulled while the
     * editor is open is listed in its search form at once; the sizes its vector columns record are passed back.
     */
    public void installedModels(InstalledModels m) {
        if (!m.serves(workspace)) {
            return;
        }
        this.installed = m;
        following = c -> models.setAll(m.names());
        m.names().addListener(new WeakListChangeListener<>(following));
        if (!m.names().isEmpty()) {
            models.setAll(m.names());
        }
    }

    /** Names of the embedding models installed for this workspace's data directory (built-in first). */
    public ObservableList<String> models() {
        return models;
    }

    /** Loads table and column names for completion, the models that made vector columns, and the installed models. */
    public void loadCatalog() {
        tasks.create("Read schema of " + workspace.workspaceId(), ctx -> {
                    SchemaCatalog c = SchemaCatalog.load(sessions.client(workspace));
                    List<ModelInfo> listed = workspace.connection() instanceof ConnectionSpec.Local l
                            ? Models.of(l.dataRoot()).list()
                            : List.<ModelInfo>of();
                    return Map.entry(c, listed);
                })
                .untracked()
                .onSuccess(e -> {
                    if (installed == null) {
                        models.setAll(e.getValue().stream().map(ModelInfo::name).toList());
                    } else {
                        installed.set(e.getValue()); // the editors keep the shared list fresh as they open
                        installed.learn(e.getKey().modelDimensions());
                    }
                    catalog.set(e.getKey());
                })
                .onFailure(r -> {})
                .start();
    }

    /** Writes a search by meaning into the editor and runs it. */
    public Optional<ResultViewModel> searchByMeaning(
            String table, String vectorColumn, String model, String words, int limit) {
        load(HybridSearch.meaning(table, vectorColumn, model, words, limit), List.of());
        return run();
    }

    /** Keeps one parameter per $1..$max, preserving what was typed for those that stay. */
    public void parameterCount(int max) {
        while (parameters.size() < max) {
            parameters.add(new ParameterViewModel(parameters.size() + 1));
        }
        if (parameters.size() > max) {
            parameters.remove(max, parameters.size());
        }
    }

    /** The selection if it has text, else the statement at the caret (null when there is nothing to run). */
    public String sqlToRun() {
        String sel = selectedText.get();
        if (sel != null && !sel.isBlank()) {
            return sel.strip();
        }
        SqlScript.Statement st = SqlScript.statementAt(text.get() == null ? "" : text.get(), caret.get());
        return st == null ? null : st.sql();
    }

    /** Where {@link #sqlToRun()}'s text starts in the editor's text. */
    int sqlOffset() {
        String all = text.get() == null ? "" : text.get();
        String sel = selectedText.get();
        int start;
        String raw;
        if (sel != null && !sel.isBlank()) {
            start = selectionStart.get();
            raw = sel;
        } else {
            SqlScript.Statement st = SqlScript.statementAt(all, caret.get());
            if (st == null) {
                return 0;
            }
            start = st.start();
            raw = all.substring(st.start(), Math.min(st.end(), all.length()));
        }
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        return start + lead;
    }

    /** The range to underline for a failure at {@code at} of a statement at {@code base}: the word there. */
    static ErrorMark mark(String text, int base, String sql, int at, String problem) {
        int start = base + Math.min(at, sql.length());
        int limit = Math.min(text.length(), base + sql.length());
        if (start >= limit) {
            // at the end of the input: the last character of the statement
            start = Math.max(base, limit - 1);
            return new ErrorMark(start, Math.max(start, limit), problem);
        }
        int end = start;
        while (end < limit && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return new ErrorMark(start, Math.max(end, start + 1), problem);
    }

    /** Runs the statement at the caret (or the selection). Empty when nothing ran (no SQL, bad parameter). */
    public Optional<ResultViewModel> run() {
        if (running.get()) {
            return Optional.empty();
        }
        String sql = sqlToRun();
        if (sql == null) {
            return Optional.empty();
        }
        errorMark.set(null);
        String textAtRun = text.get();
        int base = sqlOffset();
        int used = SqlScript.maxParameter(sql);
        parameterCount(Math.max(used, parameters.size()));
        List<Object> params = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try {
            for (int i = 0; i < used; i++) {
                params.add(parameters.get(i).value(selectedRow.get()));
                summary.add("$" + (i + 1) + "=" + parameters.get(i).summary());
            }
        } catch (ManagedServiceError e) {
            tasks.report(ErrorReport.of("Run query", e));
            return Optional.empty();
        }
        ResultViewModel result =
                new ResultViewModel(++runs, workspace, sql, List.copyOf(params), String.join(", ", summary));
        results.add(result);
        if (results.size() > MAX_RESULTS) {
            results.remove(0);
        }
        current.set(result);
        active = result;
        running.set(true);
        Instant start = Instant.now();
        startedAt.set(start);
        long t0 = System.nanoTime();
        Executor ui = tasks.threads().ui();
        result.task(tasks.create("Query " + workspace.workspaceId(), ctx -> {
                    try {
                        return execute(sql, params, ctx, result, ui, t0);
                    } catch (ManagedServiceError e) {
                        OptionalInt at = SyntaxCaret.offset(sql, e);
                        if (at.isPresent()) {
                            ErrorMark m = mark(textAtRun, base, sql, at.getAsInt(), e.problem());
                            ui.execute(() -> {
                                if (textAtRun.equals(text.get())) {
                                    errorMark.set(m);
                                }
                            });
                        }
                        throw e;
                    }
                })
                .onSuccess(o -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    result.done(took, o.updateCount(), o.truncated());
                    finish(result, took, true);
                    if (o.mayWrite()) {
                        onWrite.run();
                        loadCatalog();
                    }
                })
                .onFailure(r -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    result.failed(r, took);
                    finish(result, took, false);
                    if (result.rows().isEmpty()) {
                        // nothing to show: the error banner says what failed, no empty result tab stays behind
                        results.remove(result);
                        if (current.get() == result) {
                            current.set(results.isEmpty() ? null : results.get(results.size() - 1));
                        }
                    }
                    tasks.report(r);
                })
                .onCancelled(() -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    result.cancelled(took);
                    finish(result, took, false);
                })
                .start());
        return Optional.of(result);
    }

    /** Background: runs one statement, streaming rows into the result when it returns rows. */
    private Outcome execute(
            String sql, List<Object> params, TaskContext ctx, ResultViewModel result, Executor ui, long t0) {
        Client client = sessions.client(workspace);
        QueryRequest req = QueryRequest.of(sql, params).cancellation(ctx.cancellation());
        if (SqlScript.returnsRows(sql) && SqlScript.statements(sql).size() == 1) {
            return stream(client, req, result, ui, t0);
        }
        QueryResult r = client.execute(req);
        List<Row> rows = r.rows().size() > MAX_ROWS ? r.rows().subList(0, MAX_ROWS) : r.rows();
        ui.execute(() -> {
            result.columns(r.columns());
            if (!rows.isEmpty()) {
                result.append(rows, Duration.ofNanos(System.nanoTime() - t0));
            }
        });
        return new Outcome(r.updateCount(), r.rows().size() > MAX_ROWS, true);
    }

    private record Outcome(long updateCount, boolean truncated, boolean mayWrite) {}

    /** Background: reads rows into the result in batches, the first batch as soon as it exists. */
    private static Outcome stream(Client client, QueryRequest req, ResultViewModel result, Executor ui, long t0) {
        try (RowCursor cursor = client.stream(req)) {
            List<ResultColumn> cols = cursor.columns();
            ui.execute(() -> result.columns(cols));
            List<Row> batch = new ArrayList<>();
            long lastFlush = System.nanoTime();
            long bytes = 0;
            int count = 0;
            boolean first = true;
            boolean cut = false;
            while (cursor.hasNext()) {
                if (count >= MAX_ROWS || bytes >= MAX_BYTES) {
                    cut = true;
                    break;
                }
                Row row = cursor.next();
                batch.add(row);
                count++;
                bytes += RowSize.estimate(row);
                long now = System.nanoTime();
                if (first && batch.size() >= 50 || batch.size() >= 1000 || now - lastFlush > 100_000_000L) {
                    List<Row> out = batch;
                    Duration since = Duration.ofNanos(now - t0);
                    ui.execute(() -> result.append(out, since));
                    batch = new ArrayList<>();
                    lastFlush = now;
                    first = false;
                }
            }
            if (!batch.isEmpty()) {
                List<Row> out = batch;
                Duration since = Duration.ofNanos(System.nanoTime() - t0);
                ui.execute(() -> result.append(out, since));
            }
            return new Outcome(-1, cut, false);
        }
    }

    private void finish(ResultViewModel result, Duration took, boolean ok) {
        if (result == active) {
            running.set(false);
            active = null;
        }
        history.add(new QueryHistory.Entry(
                Instant.now(),
                workspace.label(),
                result.sql(),
                result.updateCount() >= 0 && result.rows().isEmpty()
                        ? result.updateCount()
                        : result.rows().size(),
                took.toMillis(),
                ok));
    }

    /**
     * Writes every row of a result's statement to a file (CSV, JSON or Parquet), re-running it as a stream so
     * that the file has all rows, not the ones on screen.
     */
    public TrackedTask export(ResultViewModel result, ResultExport.Format format, Path file) {
        return tasks.create("Export to " + file.getFileName(), ctx -> {
                    QueryRequest req = result.request().cancellation(ctx.cancellation());
                    try (RowCursor cursor = sessions.client(workspace).stream(req)) {
                        return ResultExport.write(
                                cursor, format, file, n -> ctx.message(Sizes.plural(n, "row", "rows")));
                    }
                })
                .onSuccess(n -> lastExport.set("Exported " + Sizes.plural(n, "row", "rows") + " to " + file))
                .start();
    }

    private final StringProperty lastExport = new SimpleStringProperty("");

    /** A note about the last finished export, for the status line. */
    public StringProperty lastExportProperty() {
        return lastExport;
    }

    /** Stops the running statement through the engine. */
    public void cancel() {
        ResultViewModel r = active;
        if (r != null && r.task() != null) {
            r.task().cancel();
        }
    }

    /** Closes a result tab (cancelling it when it still runs). */
    public void close(ResultViewModel r) {
        if (r.state() == ResultViewModel.State.RUNNING && r.task() != null) {
            r.task().cancel();
        }
        results.remove(r);
    }

    /** Puts SQL and parameter values into the editor (the hybrid form, a history entry). */
    public void load(String sql, List<ParameterSpec> params) {
        text.set(sql);
        caret.set(0);
        selectedText.set("");
        parameters.clear();
        for (int i = 0; i < params.size(); i++) {
            parameters.add(new ParameterViewModel(i + 1)
                    .set(params.get(i).kind(), params.get(i).value()));
        }
        parameterCount(Math.max(params.size(), SqlScript.maxParameter(sql)));
    }

    /** A parameter value given by the hybrid form or a caller. */
    public record ParameterSpec(ParameterViewModel.Kind kind, String value) {}

    /** Stops running work (the tab closes). */
    public void dispose() {
        for (ResultViewModel r : List.copyOf(results)) {
            if (r.state() == ResultViewModel.State.RUNNING && r.task() != null) {
                r.task().cancel();
            }
        }
    }
}
