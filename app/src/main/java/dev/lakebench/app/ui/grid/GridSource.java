package dev.lakebench.app.ui.grid;

import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.ingest.thumbnail.ThumbnailStore;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a thumbnail grid shows and the SQL it reads with: the rows of a table (optionally filtered by a WHERE
 * clause) keyed by their {@code id}, and for each the JPEG thumbnails that ingest stored in the workspace's
 * {@code thumbnails} table (docs/spec/file-ingest.md: {@code file_id} = the row's id, {@code column_name}, {@code dimension}
 * like "128x128", {@code content}). Rows without stored thumbnails fall back to their image column.
 *
 * <p>A table with several IMAGE columns (a folder of images and videos: {@code image} and {@code thumbnail})
 * starts on {@link #ANY_PICTURE}: every row with any picture, each showing its first non-NULL one.
 */
public record GridSource(WorkspaceRef workspace, TableInfo table, String imageColumn, String keyColumn) {

    /** The thumbnail sizes ingest stores. */
    public static final int[] BOXES = {32, 64, 128, 256};
    /** The image column value meaning "each row's first picture" over all IMAGE columns. */
    public static final String ANY_PICTURE = "Any picture";
    /** Characters of text a tile without a picture shows. */
    public static final int SNIPPET_CHARS = 400;

    /** A grid over a table's first IMAGE column, keyed by {@code id}; empty when the table has neither. */
    public static Optional<GridSource> of(WorkspaceRef ws, TableInfo t) {
        List<String> images = imageColumns(t);
        if (images.isEmpty() || t.schema().column("id").isEmpty()) {
            return Optional.empty();
        }
        String preferred = images.size() > 1 ? ANY_PICTURE : images.get(0);
        return Optional.of(
                new GridSource(ws, t, preferred, t.schema().column("id").get().name()));
    }

    public static List<String> imageColumns(TableInfo t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.schema().columns()) {
            if (c.type() == ColumnType.IMAGE) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Why a table cannot have a grid, or empty when it can. */
    public static Optional<String> whyNot(TableInfo t) {
        if (imageColumns(t).isEmpty()) {
            return Optional.of(
                    "Table \"" + t.name() + "\" has no IMAGE column (images, PDF pages and video thumbnails are)");
        }
        if (t.schema().column("id").isEmpty()) {
            return Optional.of("Table \"" + t.name() + "\" has no id column to find its rows' thumbnails by");
        }
        return Optional.empty();
    }

    /** The choices of the grid's column box: {@link #ANY_PICTURE} (with several) and each IMAGE column. */
    public static List<String> choices(TableInfo t) {
        List<String> out = new ArrayList<>();
        List<String> images = imageColumns(t);
        if (images.size() > 1) {
            out.add(ANY_PICTURE);
        }
        out.addAll(images);
        return out;
    }

    /** The IMAGE columns a row's picture is taken from, in order of preference. */
    public List<String> pictureColumns() {
        if (!ANY_PICTURE.equals(imageColumn)) {
            return List.of(imageColumn);
        }
        List<String> all = imageColumns(table);
        List<String> out = new ArrayList<>();
        for (String preferred : List.of("image", "thumbnail")) {
            if (all.contains(preferred)) {
                out.add(preferred);
            }
        }
        for (String c : all) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    public GridSource withImageColumn(String column) {
        return new GridSource(workspace, table, column, keyColumn);
    }

    /** The smallest stored thumbnail at least {@code size} pixels wide. */
    public static int box(double size) {
        for (int b : BOXES) {
            if (b >= size) {
                return b;
            }
        }
        return BOXES[BOXES.length - 1];
    }

    /**
     * The column that names a row's source for captions and tooltips: {@code filename} (every file-derived
     * row has it), else {@code file_path}, else none.
     */
    public Optional<String> labelColumn() {
        for (String c : List.of("filename", "file_path")) {
            if (table.schema().column(c).isPresent()) {
                return Optional.of(table.schema().column(c).get().name());
            }
        }
        return Optional.empty();
    }

    /** The label of the select lists: the label column, or NULL. */
    private String labelSql() {
        return labelColumn().map(GridSource::q).orElse("NULL");
    }

    /**
     * The keys of rows that have a picture in the image column, in table order, with an optional filter; the
     * second column is each row's label ({@link #labelColumn()}).
     */
    public String keysSql(String where) {
        String w = where == null || where.isBlank() ? "" : " AND (" + where.strip() + ")";
        List<String> any = new ArrayList<>();
        for (String c : pictureColumns()) {
            any.add(q(c) + " IS NOT NULL");
        }
        String pictured = any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")";
        return "SELECT " + q(keyColumn) + ", " + labelSql() + " FROM " + q(table.name()) + " WHERE " + pictured + w;
    }

    /**
     * The number of rows with the optional filter, pictured or not: the grid shows only rows with a picture and
     * says how many it leaves out, so that its count matches the table's.
     */
    public String countSql(String where) {
        String w = where == null || where.isBlank() ? "" : " WHERE (" + where.strip() + ")";
        return "SELECT count(*) FROM " + q(table.name()) + w;
    }

    /** Thumbnails of {@code n} keys: parameters $1 column, $2 dimension, $3.. the keys. */
    public static String thumbnailsSql(int n) {
        return "SELECT file_id, content FROM " + ThumbnailStore.TABLE
                + " WHERE column_name = $1 AND dimension = $2 AND file_id IN (" + placeholders(3, n) + ")";
    }

    /** The picture itself for {@code n} keys ($1..$n), for rows without stored thumbnails. */
    public String imagesSql(int n) {
        List<String> cols = new ArrayList<>();
        for (String c : pictureColumns()) {
            cols.add(q(c));
        }
        String img = cols.size() == 1 ? cols.get(0) : "COALESCE(" + String.join(", ", cols) + ")";
        return "SELECT " + q(keyColumn) + " AS k, " + img + " AS img FROM " + q(table.name()) + " WHERE " + q(keyColumn)
                + " IN (" + placeholders(1, n) + ")";
    }

    /** The first EMBEDDING column ("find similar" searches it), if any. */
    public Optional<String> embeddingColumn() {
        for (Column c : table.schema().columns()) {
            if (c.type() == ColumnType.EMBEDDING) {
                return Optional.of(c.name());
            }
        }
        return Optional.empty();
    }

    /** The vector of one row: $1 the key. */
    public String vectorSql(String embedding) {
        return "SELECT " + q(embedding) + " AS v FROM " + q(table.name()) + " WHERE " + q(keyColumn) + " = $1 LIMIT 1";
    }

    /** The nearest rows to a vector ($1), closest first, as pg_deeplake writes it; the third column is the label. */
    public String similarSql(String embedding, int limit) {
        return similarSql(embedding, "$1", limit);
    }

    /** The nearest rows to a query vector written as SQL (a parameter, an {@code embed(...)} call), closest first. */
    public String similarSql(String embedding, String query, int limit) {
        return "SELECT " + q(keyColumn) + " AS k, " + q(embedding) + " <#> " + query + " AS score, " + labelSql()
                + " AS label, " + snippetSql() + " AS snippet FROM " + q(table.name()) + " ORDER BY score DESC LIMIT "
                + limit;
    }

    /** The column whose text a tile shows when its row has no picture (text chunks): {@code text}, if TEXT. */
    public Optional<String> snippetColumn() {
        return table.schema()
                .column("text")
                .filter(c -> c.type() == ColumnType.TEXT)
                .map(Column::name);
    }

    /** The start of the row's text when it has no picture in the shown columns, else NULL. */
    private String snippetSql() {
        Optional<String> text = snippetColumn();
        if (text.isEmpty()) {
            return "NULL";
        }
        List<String> none = new ArrayList<>();
        for (String c : pictureColumns()) {
            none.add(q(c) + " IS NULL");
        }
        return "CASE WHEN " + String.join(" AND ", none) + " THEN left(" + q(text.get()) + ", " + SNIPPET_CHARS
                + ") END";
    }

    /**
     * The model-made vector columns of this table with the columns they were made from (the workspace's record
     * of which model made each vector column): $1 the table name.
     */
    public static String embeddingModelsSql() {
        return "SELECT column_name, model, source_columns FROM lb_meta.embedding_columns WHERE lower(table_name) = lower($1)";
    }

    /**
     * The nearest rows to a text ($1) embedded by {@code model}'s text tower: text-to-image search on a vector
     * column an image model made.
     */
    public String textSearchSql(String embedding, String model, int limit) {
        return similarSql(embedding, "embed('" + model.replace("'", "''") + "', $1)", limit);
    }

    /** The labels of {@code n} keys ($1..$n), for a grid of rows picked elsewhere (a result shown as a grid). */
    public String labelsSql(int n) {
        return "SELECT " + q(keyColumn) + " AS k, " + labelSql() + " AS label FROM " + q(table.name()) + " WHERE "
                + q(keyColumn) + " IN (" + placeholders(1, n) + ")";
    }

    private static String placeholders(int first, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append('$').append(first + i);
        }
        return sb.toString();
    }

    static String q(String name) {
        return Identifiers.quote(name);
    }
}
