package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One run of a statement: what ran (SQL and parameters, kept for export and re-run), its columns and the rows
 * read so far (up to a cap; export always re-reads every row), and how it ended. Changed on the UI thread.
 */
public final class ResultViewModel {

    /** Where a run is. */
    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    private final int number;
    private final WorkspaceRef workspace;
    private final String sql;
    private final List<Object> params;
    private final String paramSummary;
    private final ObservableList<ResultColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final StringProperty status = new SimpleStringProperty("Running…");
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private Duration elapsed = Duration.ZERO;
    private Duration firstRows;
    private long updateCount = -1;
    private boolean truncated;
    private TrackedTask task;

    ResultViewModel(int number, WorkspaceRef workspace, String sql, List<Object> params, String paramSummary) {
        this.number = number;
        this.workspace = workspace;
        this.sql = sql;
        this.params = params;
        this.paramSummary = paramSummary;
    }

    public int number() {
        return number;
    }

    public String title() {
        return "Result " + number;
    }

    public WorkspaceRef workspace() {
        return workspace;
    }

    public String sql() {
        return sql;
    }

    public List<Object> params() {
        return params;
    }

    public String paramSummary() {
        return paramSummary;
    }

    /** A fresh request for the same statement (export re-reads every row). */
    public QueryRequest request() {
        return QueryRequest.of(sql, params);
    }

    public ObservableList<ResultColumn> columns() {
        return columns;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Time from the start to the first rows on screen (null until then). */
    public Duration firstRowsAfter() {
        return firstRows;
    }

    public long updateCount() {
        return updateCount;
    }

    /** True when more rows exist than the grid keeps. */
    public boolean truncated() {
        return truncated;
    }

    public TrackedTask task() {
        return task;
    }

    void task(TrackedTask t) {
        this.task = t;
    }

    void columns(List<ResultColumn> cols) {
        columns.setAll(cols);
    }

    void append(List<Row> batch, Duration sinceStart) {
        if (firstRows == null) {
            firstRows = sinceStart;
        }
        rows.addAll(batch);
        status.set(Sizes.plural(rows.size(), "row", "rows") + " so far…");
    }

    void done(Duration took, long updates, boolean cut) {
        elapsed = took;
        updateCount = updates;
        truncated = cut;
        String what;
        if (updates >= 0 && columns.isEmpty()) {
            what = Sizes.plural(updates, "row", "rows") + " changed";
        } else {
            what = Sizes.plural(rows.size(), "row", "rows") + (cut ? " shown (more exist: export saves all)" : "");
        }
        status.set(what + " in " + Sizes.duration(took));
        state.set(State.DONE);
    }

    void failed(ErrorReport r, Duration took) {
        elapsed = took;
        error.set(r);
        status.set("Failed after " + Sizes.duration(took) + ": " + r.problem());
        state.set(State.FAILED);
    }

    void cancelled(Duration took) {
        elapsed = took;
        status.set("Cancelled after " + Sizes.duration(took)
                + (rows.isEmpty() ? "" : " · " + Sizes.plural(rows.size(), "row", "rows") + " read"));
        state.set(State.CANCELLED);
    }
}
