package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.ScoreText;
import dev.lakebench.app.ui.grid.GridSource;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What "find similar" and "show as grid" take from rows already on screen: the vector to search with, a
 * readable name for the row, and the keys, scores and file names of a result.
 */
final class ResultGrids {

    /** A row's vector in one of its table's EMBEDDING columns. */
    record QueryVector(String column, float[] vector) {}

    /** A result's rows as grid keys (in order, without repeats), with their scores and labels. */
    record Picked(
            List<String> keys, Map<String, Double> scores, Map<String, String> labels, Map<String, String> snippets) {}

    private ResultGrids() {}

    static List<String> embeddingColumns(TableInfo info) {
        List<String> out = new ArrayList<>();
        for (Column c : info.schema().columns()) {
            if (c.type() == ColumnType.EMBEDDING) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The first of the table's EMBEDDING columns the row holds a vector in. */
    static Optional<QueryVector> queryVector(TableInfo info, Row row) {
        for (String c : embeddingColumns(info)) {
            for (int i = 0; i < row.width(); i++) {
                if (row.columns().get(i).equalsIgnoreCase(c) && row.get(i) instanceof float[] v && v.length > 0) {
                    return Optional.of(new QueryVector(c, v));
                }
            }
        }
        return Optional.empty();
    }

    /** A row's name for titles: its file name (and page or chunk), else its id, else "the row". */
    static String describe(Row row) {
        String name = label(row);
        Object id = value(row, "id");
        if (name == null) {
            return id == null ? "the row" : String.valueOf(id);
        }
        Object page = value(row, "page_index");
        Object chunk = value(row, "chunk_index");
        if (page instanceof Number n) {
            return name + " p." + (n.longValue() + 1);
        }
        if (chunk instanceof Number n) {
            return name + " #" + n.longValue();
        }
        return name;
    }

    /** The row's source file name: {@code filename}, else the last part of {@code file_path}. */
    static String label(Row row) {
        Object name = value(row, "filename");
        if (name != null) {
            return String.valueOf(name);
        }
        Object path = value(row, "file_path");
        if (path != null) {
            Path p = Path.of(String.valueOf(path)).getFileName();
            return p == null ? String.valueOf(path) : p.toString();
        }
        return null;
    }

    /** The rows of a table nearest to a vector, as SQL the editor shows and runs. */
    static String similarSql(TableInfo info, String column, float[] vector) {
        StringBuilder v = new StringBuilder("ARRAY[");
        for (int i = 0; i < vector.length; i++) {
            v.append(i > 0 ? ", " : "").append(vector[i]);
        }
        v.append("]::FLOAT4[]");
        return "SELECT *, " + Identifiers.quote(column) + " <#> " + v + " AS score\nFROM "
                + Identifiers.quote(info.name()) + "\nORDER BY score DESC\nLIMIT 100";
    }

    /**
     * The keys of a result's rows (by the grid's key column), with each row's score column and file name, and the
     * start of its text where the result shows it has no picture (every picture column selected and NULL).
     */
    static Picked picked(GridSource source, List<Row> rows) {
        String keyColumn = source.keyColumn();
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        Map<String, Double> scores = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> snippets = new HashMap<>();
        for (Row r : rows) {
            Object k = value(r, keyColumn);
            if (k == null || !keys.add(String.valueOf(k))) {
                continue;
            }
            String key = String.valueOf(k);
            for (int i = 0; i < r.width(); i++) {
                if (ScoreText.isScoreColumn(r.columns().get(i)) && r.get(i) instanceof Number n) {
                    scores.put(key, n.doubleValue());
                    break;
                }
            }
            String label = label(r);
            if (label != null) {
                labels.put(key, label);
            }
            snippet(source, r).ifPresent(text -> snippets.put(key, text));
        }
        return new Picked(new ArrayList<>(keys), scores, labels, snippets);
    }

    private static Optional<String> snippet(GridSource source, Row r) {
        for (String c : source.pictureColumns()) {
            int i = index(r, c);
            if (i < 0 || r.get(i) != null) {
                return Optional.empty();
            }
        }
        return source.snippetColumn()
                .map(c -> value(r, c))
                .map(String::valueOf)
                .map(t -> t.length() > GridSource.SNIPPET_CHARS ? t.substring(0, GridSource.SNIPPET_CHARS) : t);
    }

    private static int index(Row r, String column) {
        for (int i = 0; i < r.width(); i++) {
            if (r.columns().get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static Object value(Row r, String column) {
        for (int i = 0; i < r.width(); i++) {
            if (r.columns().get(i).equalsIgnoreCase(column)) {
                return r.get(i);
            }
        }
        return null;
    }
}
