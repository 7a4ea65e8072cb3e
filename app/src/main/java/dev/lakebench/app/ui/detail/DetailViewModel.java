package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.ImageSniffer;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.ValueText;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.store.Identifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail pane's logic: for the selected row, every column's value, the picture to show (an image, a PDF
 * page), the text that goes with it (page text, chunk text), and a playable file for a video segment (its bytes
 * written to a temporary file in the background, since the media player reads files).
 */
public final class DetailViewModel {

    /** One column of the row. */
    public record Field(String name, String value, Object raw) {}

    /** What the media area shows. */
    public sealed interface Media {
        /** Nothing to show. */
        record None() implements Media {}

        /** A picture (image file, PDF page, thumbnail). */
        record Picture(String column, byte[] bytes) implements Media {}

        /** A playable video segment, with its picture while it loads. */
        record Video(String column, Path file, byte[] poster, double start, double end) implements Media {}
    }

    /** Longer texts are shown without highlighting, so that selecting a row stays instant. */
    static final int MAX_HIGHLIGHTED = 200_000;

    private final Sessions sessions;
    private final Tasks tasks;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObjectProperty<Media> media = new SimpleObjectProperty<>(new Media.None());
    private final ObjectProperty<SelectedRow> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<Annotations> annotations = new SimpleObjectProperty<>(Annotations.NONE);
    private final ObjectProperty<List<QueryWords.Hit>> hits = new SimpleObjectProperty<>(List.of());
    private final Path scratch;
    private long generation;

    public DetailViewModel(Sessions sessions, Tasks tasks, Path scratch) {
        this.sessions = sessions;
        this.tasks = tasks;
        this.scratch = scratch;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** Page text, chunk text, or a row's text column. */
    public StringProperty textProperty() {
        return text;
    }

    /**
     * Where the text holds words the row's statement searched for (BM25 query text, {@code @>} keywords), set
     * together with the text; empty when the row did not come from a text search.
     */
    ObjectProperty<List<QueryWords.Hit>> hitsProperty() {
        return hits;
    }

    /** The COCO boxes, mask and captions of the row's picture (set before the picture); NONE for other rows. */
    ObjectProperty<Annotations> annotationsProperty() {
        return annotations;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObjectProperty<Media> mediaProperty() {
        return media;
    }

    public ObjectProperty<SelectedRow> shownProperty() {
        return shown;
    }

    /** Shows a row already in memory (a results grid selection). */
    public void show(SelectedRow row) {
        generation++;
        apply(row, generation);
    }

    /** Loads and shows a table's row by key (the thumbnail grid), in the background. */
    public void show(WorkspaceRef ws, String table, String keyColumn, Object key) {
        long gen = ++generation;
        title.set(table + " · loading…");
        tasks.create("Load row of " + table, ctx -> {
                    String sql = "SELECT * FROM " + quote(table) + " WHERE " + quote(keyColumn) + " = $1 LIMIT 1";
                    List<Row> rows = sessions.client(ws).query(sql, key);
                    return rows.isEmpty() ? null : rows.get(0);
                })
                .untracked()
                .onSuccess(row -> {
                    if (gen != generation) {
                        return;
                    }
                    if (row == null) {
                        clear();
                        title.set(table + ": the row is gone (deleted meanwhile)");
                        return;
                    }
                    apply(new SelectedRow(ws, table, row), gen);
                })
                .start();
    }

    public void clear() {
        generation++;
        fields.clear();
        hits.set(List.of());
        annotations.set(Annotations.NONE);
        text.set("");
        title.set("");
        media.set(new Media.None());
        shown.set(null);
    }

    private void apply(SelectedRow sel, long gen) {
        Row row = sel.row();
        List<Field> out = new ArrayList<>();
        byte[] picture = null;
        String pictureColumn = null;
        byte[] video = null;
        String videoColumn = null;
        String body = "";
        for (int i = 0; i < row.width(); i++) {
            String name = row.columns().get(i);
            Object v = row.get(i);
            out.add(new Field(name, ValueText.full(v), v));
            if (v instanceof byte[] b) {
                if (video == null && ImageSniffer.isVideo(b)) {
                    video = b;
                    videoColumn = name;
                } else if (ImageSniffer.kind(b).isPresent() && (picture == null || name.equalsIgnoreCase("image"))) {
                    picture = b;
                    pictureColumn = name;
                }
            } else if (v instanceof String s && name.equalsIgnoreCase("text") && !s.isBlank()) {
                body = s;
            }
        }
        fields.setAll(out);
        // hits first: whoever watches the text finds the hits of the new text already in place
        hits.set(body.length() <= MAX_HIGHLIGHTED ? QueryWords.of(sel).find(body) : List.of());
        text.set(body);
        title.set(describe(sel));
        annotations.set(Annotations.of(row));
        if (video != null) {
            byte[] bytes = video;
            String col = videoColumn;
            byte[] poster = picture;
            double start = number(row.get("start_time"));
            double end = number(row.get("end_time"));
            media.set(picture == null ? new Media.None() : new Media.Picture(pictureColumn, picture));
            tasks.create("Prepare video", ctx -> writeTemp(bytes))
                    .untracked()
                    .onSuccess(file -> {
                        if (gen == generation) {
                            media.set(new Media.Video(col, file, poster, start, end));
                        }
                    })
                    .start();
        } else if (picture != null) {
            media.set(new Media.Picture(pictureColumn, picture));
        } else {
            media.set(new Media.None());
        }
        // last: whoever watches the shown row finds its fields, text, title and picture already in place
        shown.set(sel);
    }

    private static String describe(SelectedRow sel) {
        Row r = sel.row();
        StringBuilder sb = new StringBuilder(sel.table() == null ? "Row" : sel.table());
        Object page = r.get("page_index");
        Object chunk = r.get("chunk_index");
        Object file = r.get("filename");
        if (file == null && r.get("file_path") != null) { // a query that kept only the path still names the file
            Path p = Path.of(String.valueOf(r.get("file_path"))).getFileName();
            file = p == null ? r.get("file_path") : p;
        }
        if (file != null) {
            sb.append(" · ").append(file);
        }
        if (page != null) {
            sb.append(" · page ").append(((Number) page).longValue() + 1);
        } else if (r.get("start_time") != null) {
            sb.append(String.format(
                    Locale.ROOT, " · %.1f–%.1f s", number(r.get("start_time")), number(r.get("end_time"))));
        } else if (chunk != null) {
            sb.append(" · chunk ").append(chunk);
        }
        return sb.toString();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private Path writeTemp(byte[] bytes) throws IOException {
        Files.createDirectories(scratch);
        Path f = Files.createTempFile(scratch, "segment-", ".mp4");
        f.toFile().deleteOnExit();
        Files.write(f, bytes);
        return f;
    }

    static String quote(String name) {
        return Identifiers.quote(name);
    }
}
