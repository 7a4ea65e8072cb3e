package dev.lakebench.app.ui.grid;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The thumbnail grid's logic: the row keys of a table (optionally filtered by a SQL WHERE clause, or fixed: the
 * result of "find similar"), the cell size (32–256), the selected row, and "find similar" (the selected row's
 * embedding searched with {@code <#>}). Pictures come from a {@link ThumbnailLoader}.
 */
public final class ThumbnailGridViewModel {

    /** Results of "find similar". */
    public static final int SIMILAR = 100;

    private final Sessions sessions;
    private final Tasks tasks;
    private final ObjectProperty<GridSource> source;
    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private final DoubleProperty size = new SimpleDoubleProperty(128);
    private final StringProperty where = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Loading…");
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final Map<String, Double> scores = new HashMap<>();
    private final String title;
    private final boolean fixed;
    private Consumer<String> onSelect = k -> { };
    private Consumer<ThumbnailGridViewModel> onSimilar = g -> { };
    private TrackedTask current;

    /** A grid over a table's rows. */
    public ThumbnailGridViewModel(GridSource source, Sessions sessions, Tasks tasks) {
        this(source, sessions, tasks, source.table().name(), false);
    }

    private ThumbnailGridViewModel(GridSource source, Sessions sessions, Tasks tasks, String title, boolean fixed) {
        this.source = new SimpleObjectProperty<>(source);
        this.sessions = sessions;
        this.tasks = tasks;
        this.title = title;
        this.fixed = fixed;
    }

    public String title() {
        return title;
    }

    public boolean isFixed() {
        return fixed;
    }

    public ObjectProperty<GridSource> sourceProperty() {
        return source;
    }

    public GridSource source() {
        return source.get();
    }

    public ObservableList<String> keys() {
        return keys;
    }

    public DoubleProperty sizeProperty() {
        return size;
    }

    /** The stored thumbnail size the cells use for the current cell size. */
    public int box() {
        return GridSource.box(size.get());
    }

    public StringProperty whereProperty() {
        return where;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The similarity score of a row in a "find similar" grid, or null. */
    public Double score(String key) {
        return scores.get(key);
    }

    /** Called with the key of a newly selected row (the detail pane loads it). */
    public void onSelect(Consumer<String> c) {
        this.onSelect = c;
    }

    /** Called with the grid of similar rows (the shell opens it as a tab). */
    public void onSimilar(Consumer<ThumbnailGridViewModel> c) {
        this.onSimilar = c;
    }

    /** (Re)loads the keys with the current filter. */
    public TrackedTask load() {
        if (fixed) {
            return null;
        }
        if (current != null) {
            current.cancel();
        }
        GridSource s = source.get();
        String filter = where.get();
        loading.set(true);
        status.set("Loading…");
        current = tasks.create("Load grid of " + s.table().name(), ctx -> {
            List<String> out = new ArrayList<>();
            QueryRequest req = QueryRequest.of(s.keysSql(filter)).cancellation(ctx.cancellation());
            try (RowCursor c = sessions.client(s.workspace()).stream(req)) {
                while (c.hasNext()) {
                    out.add(String.valueOf(c.next().get(0)));
                }
            }
            return out;
        }).untracked().onSuccess(list -> {
            keys.setAll(list);
            loading.set(false);
            status.set(Sizes.plural(list.size(), "row", "rows") + (filter == null || filter.isBlank() ? "" : " where " + filter.strip()));
            if (selected.get() != null && !list.contains(selected.get())) {
                selected.set(null);
            }
        }).onFailure(r -> {
            loading.set(false);
            status.set("Filter failed: " + r.problem());
            tasks.report(filter == null || filter.isBlank() ? r : ErrorReport.of("Filter the grid", r.code(),
                    "The filter \"" + filter.strip() + "\" failed: " + r.problem(),
                    "Write a SQL condition on the table's columns, e.g. filename LIKE '%cat%'"));
        }).onCancelled(() -> loading.set(false)).start();
        return current;
    }

    public void select(String key) {
        selected.set(key);
        if (key != null) {
            onSelect.accept(key);
        }
    }

    public boolean canFindSimilar() {
        return selected.get() != null && source.get().embeddingColumn().isPresent();
    }

    /** Searches the selected row's embedding; the result opens as its own grid. */
    public TrackedTask findSimilar() {
        String key = selected.get();
        GridSource s = source.get();
        var emb = s.embeddingColumn();
        if (key == null || emb.isEmpty()) {
            tasks.report(ErrorReport.of("Find similar", ErrorCode.COLUMN_NOT_FOUND,
                    key == null ? "No row is selected" : "Table \"" + s.table().name() + "\" has no EMBEDDING column to search",
                    key == null ? "Select a thumbnail first" : "Ingest or add embeddings to search by similarity"));
            return null;
        }
        return tasks.create("Find rows similar to " + key, ctx -> {
            var client = sessions.client(s.workspace());
            List<Row> v = client.query(s.vectorSql(emb.get()), key);
            if (v.isEmpty() || !(v.get(0).get(0) instanceof float[] vector)) {
                throw new dev.lakebench.core.client.QueryError(ErrorCode.QUERY_INVALID,
                        "Row " + key + " has no " + emb.get() + " vector", "Pick a row that has an embedding");
            }
            List<Row> hits = client.execute(QueryRequest.of(s.similarSql(emb.get(), SIMILAR), vector)
                    .cancellation(ctx.cancellation())).rows();
            return hits;
        }).onSuccess(hits -> {
            ThumbnailGridViewModel g = new ThumbnailGridViewModel(s, sessions, tasks, "Similar to " + key, true);
            for (Row r : hits) {
                String k = String.valueOf(r.get(0));
                g.keys.add(k);
                if (r.get(1) instanceof Number n) {
                    g.scores.put(k, n.doubleValue());
                }
            }
            g.size.set(size.get());
            g.status.set(Sizes.plural(hits.size(), "row", "rows") + " most similar to " + key + " by " + emb.get());
            onSimilar.accept(g);
        }).start();
    }

    /** Shows another image column (or {@link GridSource#ANY_PICTURE}): the rows that have a picture there are reloaded. */
    public void imageColumn(String column) {
        source.set(source.get().withImageColumn(column));
        load();
    }

    public void dispose() {
        if (current != null) {
            current.cancel();
        }
    }
}
