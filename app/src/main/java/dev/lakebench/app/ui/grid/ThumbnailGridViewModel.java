package dev.lakebench.app.ui.grid;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.ScoreText;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import javafx.collections.ObservableSet;

/**
 * The thumbnail grid's logic: the row keys of a table (optionally filtered by a SQL WHERE clause, or fixed: the
 * result of "find similar" or a result shown as a grid), each row's label (its source file) and score, the cell
 * size (32–256), the selection (a lead row plus more by Ctrl/Shift and the arrow keys), and "find similar" (a
 * vector searched with {@code <#>}: the lead row's, or any row's with a vector). Pictures come from a
 * {@link ThumbnailLoader}.
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
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> snippets = new HashMap<>();
    private final ObjectProperty<TextSearch> textSearch = new SimpleObjectProperty<>();
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private String anchor;
    private final String title;
    private final boolean fixed;
    private Consumer<String> onSelect = k -> {};
    private Consumer<ThumbnailGridViewModel> onSimilar = g -> {};
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

    /** The row's label (its source file's name), or null. */
    public String label(String key) {
        return labels.get(key);
    }

    /** The text a tile shows for a row without a picture (a text chunk found by a search), or null. */
    public String snippet(String key) {
        return snippets.get(key);
    }

    /** True when tiles carry a caption line (scores, or the table names its rows' files). */
    public boolean hasCaptions() {
        return fixed || source.get().labelColumn().isPresent();
    }

    /** A tile's caption: the score first (four significant digits), then the file name. */
    public String caption(String key) {
        Double score = scores.get(key);
        String label = labels.get(key);
        if (score == null) {
            return label == null ? "" : label;
        }
        return ScoreText.format(score) + (label == null ? "" : " · " + label);
    }

    /** A tile's tooltip: the file name, the row key and the score. */
    public String tooltip(String key) {
        StringBuilder sb = new StringBuilder();
        String label = labels.get(key);
        if (label != null) {
            sb.append(label).append('\n');
        }
        sb.append(source.get().keyColumn()).append(' ').append(key);
        Double score = scores.get(key);
        if (score != null) {
            sb.append("\nscore ").append(ScoreText.format(score));
        }
        return sb.toString();
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
                    Map<String, String> named = new HashMap<>();
                    QueryRequest req = QueryRequest.of(s.keysSql(filter)).cancellation(ctx.cancellation());
                    try (RowCursor c = sessions.client(s.workspace()).stream(req)) {
                        while (c.hasNext()) {
                            Row r = c.next();
                            String k = String.valueOf(r.get(0));
                            out.add(k);
                            if (r.get(1) != null) {
                                named.put(k, String.valueOf(r.get(1)));
                            }
                        }
                    }
                    long all = out.size();
                    try (RowCursor c = sessions.client(s.workspace()).stream(
                            QueryRequest.of(s.countSql(filter)).cancellation(ctx.cancellation()))) {
                        if (c.hasNext()) {
                            all = ((Number) c.next().get(0)).longValue();
                        }
                    }
                    return new Keys(out, named, Math.max(0, all - out.size()));
                })
                .untracked()
                .onSuccess(loaded -> {
                    List<String> list = loaded.keys();
                    labels.clear();
                    labels.putAll(loaded.labels());
                    keys.setAll(list);
                    selection.retainAll(new HashSet<>(list));
                    loading.set(false);
                    status.set(Sizes.plural(list.size(), "row", "rows")
                            + (filter == null || filter.isBlank() ? "" : " where " + filter.strip())
                            + (loaded.unpictured() == 0
                                    ? ""
                                    : " · " + Sizes.plural(loaded.unpictured(), "row", "rows")
                                            + " without a picture not shown"));
                    if (selected.get() != null && !list.contains(selected.get())) {
                        selected.set(null);
                    }
                })
                .onFailure(r -> {
                    loading.set(false);
                    status.set("Filter failed: " + r.problem());
                    tasks.report(
                            filter == null || filter.isBlank()
                                    ? r
                                    : ErrorReport.of(
                                            "Filter the grid",
                                            r.code(),
                                            "The filter \"" + filter.strip() + "\" failed: " + r.problem(),
                                            "Write a SQL condition on the table's columns, e.g. filename LIKE '%cat%'"));
                })
                .onCancelled(() -> loading.set(false))
                .start();
        return current;
    }

    /** A vector column an image model made, searchable by text through the model's text tower. */
    public record TextSearch(String column, String model) {}

    /** The column and model text-to-image search uses, or null when no image model made a vector column here. */
    public ObjectProperty<TextSearch> textSearchProperty() {
        return textSearch;
    }

    /**
     * Looks up (in the background) whether an image model made one of the table's vector columns; if so, the
     * grid offers text-to-image search on it.
     */
    public TrackedTask detectTextSearch() {
        GridSource s = source.get();
        List<String> images = GridSource.imageColumns(s.table());
        return tasks.create("Find the image models of " + s.table().name(), ctx -> {
                    for (Row r : sessions.client(s.workspace())
                            .query(GridSource.embeddingModelsSql(), s.table().name())) {
                        String column = String.valueOf(r.get(0));
                        boolean fromPictures = false;
                        for (String src : String.valueOf(r.get(2)).split("[,\n]")) {
                            fromPictures |= images.stream().anyMatch(i -> i.equalsIgnoreCase(src.strip()));
                        }
                        if (fromPictures && s.table().schema().column(column).isPresent()) {
                            return new TextSearch(column, String.valueOf(r.get(1)));
                        }
                    }
                    return (TextSearch) null;
                })
                .untracked()
                .onSuccess(textSearch::set)
                .onFailure(r -> textSearch.set(null))
                .start();
    }

    /** Text-to-image search: the rows whose pictures' vectors are closest to the text's; opens as its own grid. */
    public TrackedTask searchText(String text) {
        TextSearch ts = textSearch.get();
        if (ts == null || text == null || text.isBlank()) {
            return null;
        }
        String about = "\"" + text.strip() + "\"";
        GridSource s = source.get();
        return search(
                s.textSearchSql(ts.column(), ts.model(), SIMILAR),
                "Pictures of " + about,
                about,
                client -> text.strip(),
                "closest to " + about + " by " + ts.model() + "'s text tower");
    }

    /** The pictured rows' keys and labels, and how many rows the filter matches that have no picture. */
    private record Keys(List<String> keys, Map<String, String> labels, long unpictured) {}

    /** The selected rows, in the order they were selected; the lead row is {@link #selectedProperty()}. */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** Selects one row (a click): it alone is selected, it leads, and Shift ranges start from it. */
    public void select(String key) {
        selection.clear();
        if (key != null) {
            selection.add(key);
        }
        anchor = key;
        lead(key);
    }

    /** Adds a row to the selection or takes it out (Ctrl+click). */
    public void toggle(String key) {
        if (!selection.remove(key)) {
            selection.add(key);
            anchor = key;
            lead(key);
        } else {
            anchor = key; // as in file managers: Shift ranges start at the last Ctrl+click, on or off
            if (!selection.contains(selected.get())) { // the lead was taken out: the first still selected leads
                lead(selection.isEmpty() ? null : selection.iterator().next());
            }
        }
    }

    /** Selects the rows from the anchor to {@code key} in grid order (Shift+click, Shift+arrow). */
    public void extendTo(String key) {
        int to = keys.indexOf(key);
        if (to < 0) {
            return;
        }
        int from = anchor == null ? -1 : keys.indexOf(anchor);
        if (from < 0) {
            select(key);
            return;
        }
        selection.clear();
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            selection.add(keys.get(i));
        }
        lead(key);
    }

    /**
     * Moves the lead by {@code delta} rows in grid order (the arrow keys: ±1 across, ±columns down and up),
     * extending the selection when {@code extend} (Shift). Returns the new lead's index, or -1.
     */
    public int move(int delta, boolean extend) {
        if (keys.isEmpty()) {
            return -1;
        }
        int at = selected.get() == null ? -1 : keys.indexOf(selected.get());
        int to = at < 0 ? 0 : Math.max(0, Math.min(keys.size() - 1, at + delta));
        if (extend) {
            extendTo(keys.get(to));
        } else {
            select(keys.get(to));
        }
        return to;
    }

    private void lead(String key) {
        selected.set(key);
        if (key != null) {
            onSelect.accept(key);
        }
    }

    public boolean canFindSimilar() {
        return selected.get() != null && source.get().embeddingColumn().isPresent();
    }

    /** A grid of rows picked elsewhere (a result shown as a grid), in their order, with their scores. */
    public static ThumbnailGridViewModel ofRows(
            GridSource source,
            Sessions sessions,
            Tasks tasks,
            String title,
            List<String> rowKeys,
            Map<String, Double> rowScores,
            Map<String, String> rowLabels,
            Map<String, String> rowSnippets) {
        ThumbnailGridViewModel g = new ThumbnailGridViewModel(source, sessions, tasks, title, true);
        g.keys.setAll(rowKeys);
        g.scores.putAll(rowScores);
        g.labels.putAll(rowLabels);
        g.snippets.putAll(rowSnippets);
        g.status.set(Sizes.plural(rowKeys.size(), "row", "rows") + " of " + title.replaceFirst(" as grid$", ""));
        return g;
    }

    /** Searches the selected row's embedding; the result opens as its own grid. */
    public TrackedTask findSimilar() {
        String key = selected.get();
        GridSource s = source.get();
        var emb = s.embeddingColumn();
        if (key == null || emb.isEmpty()) {
            tasks.report(ErrorReport.of(
                    "Find similar",
                    ErrorCode.COLUMN_NOT_FOUND,
                    key == null
                            ? "No row is selected"
                            : "Table \"" + s.table().name() + "\" has no EMBEDDING column to search",
                    key == null ? "Select a thumbnail first" : "Ingest or add embeddings to search by similarity"));
            return null;
        }
        return similar(emb.get(), labels.getOrDefault(key, key), client -> {
            List<Row> v = client.query(s.vectorSql(emb.get()), key);
            if (v.isEmpty() || !(v.get(0).get(0) instanceof float[] vector)) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "Row " + key + " has no " + emb.get() + " vector",
                        "Pick a row that has an embedding");
            }
            return vector;
        });
    }

    /**
     * Searches the rows whose {@code column} is closest to {@code vector} (any row's vector: a result row, the
     * detail pane's row); the result opens as its own grid titled "Similar to {@code about}". The same search
     * as {@link #findSimilar()}.
     */
    public TrackedTask findSimilarTo(String column, float[] vector, String about) {
        return similar(column, about, client -> vector);
    }

    /** What a search's query vector comes from, read on the worker. */
    private interface QueryVector {
        Object get(Client client);
    }

    private TrackedTask similar(String column, String about, QueryVector query) {
        return search(
                source.get().similarSql(column, SIMILAR),
                "Similar to " + about,
                about,
                query,
                "most similar to " + about + " by " + column);
    }

    /** Runs a nearest-rows search (key, score, label) with one parameter and opens the hits as a grid. */
    private TrackedTask search(String sql, String title, String about, QueryVector query, String what) {
        GridSource s = source.get();
        return tasks.create("Find rows " + (title.startsWith("Similar") ? "similar to " : "matching ") + about, ctx -> {
                    var client = sessions.client(s.workspace());
                    Object parameter = query.get(client);
                    return client.execute(QueryRequest.of(sql, parameter).cancellation(ctx.cancellation()))
                            .rows();
                })
                .onSuccess(hits -> openResults(hits, title, Sizes.plural(hits.size(), "row", "rows") + " " + what))
                .start();
    }

    /** Opens search hits (key, score, label, snippet) as a grid of their own. */
    private void openResults(List<Row> hits, String title, String statusText) {
        GridSource s = source.get();
        ThumbnailGridViewModel g = new ThumbnailGridViewModel(s, sessions, tasks, title, true);
        for (Row r : hits) {
            String k = String.valueOf(r.get(0));
            g.keys.add(k);
            if (r.get(1) instanceof Number n) {
                g.scores.put(k, n.doubleValue());
            }
            if (r.width() > 2 && r.get(2) != null) {
                g.labels.put(k, String.valueOf(r.get(2)));
            }
            if (r.width() > 3 && r.get(3) != null) {
                g.snippets.put(k, String.valueOf(r.get(3)));
            }
        }
        g.size.set(size.get());
        g.status.set(statusText);
        onSimilar.accept(g);
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
