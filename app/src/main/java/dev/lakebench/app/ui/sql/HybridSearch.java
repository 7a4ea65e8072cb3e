package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.sql.SqlEditorViewModel.ParameterSpec;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the SQL of a search from the hybrid form: BM25 on a text column ({@code text <#> $1}), cosine on an
 * embedding ({@code emb <#> $1}, the vector taken from the selected row), or both merged by pg_deeplake's
 * hybrid record with the slider's weights. The values stay parameters, never spliced into the SQL.
 */
public final class HybridSearch {

    /** What the form holds. {@code vectorWeight} is 0..1; the text side gets the rest. */
    public record Form(
            String table,
            String textColumn,
            String queryText,
            String embeddingColumn,
            boolean useRowVector,
            String rowVectorColumn,
            double vectorWeight,
            int limit) {}

    /** The SQL and its parameters. */
    public record Search(String sql, List<ParameterSpec> params) {}

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private HybridSearch() {}

    /** The search, or an IllegalArgumentException saying what the form lacks. */
    public static Search build(Form f) {
        if (f.table() == null || f.table().isBlank()) {
            throw new IllegalArgumentException("Choose a table to search");
        }
        boolean text = f.textColumn() != null
                && !f.textColumn().isBlank()
                && f.queryText() != null
                && !f.queryText().isBlank();
        boolean vector = f.useRowVector()
                && f.embeddingColumn() != null
                && !f.embeddingColumn().isBlank();
        if (!text && !vector) {
            throw new IllegalArgumentException(
                    "Type query text for a text column, or take a query vector from the selected row");
        }
        int limit = Math.max(1, f.limit());
        String table = ident(f.table());
        List<ParameterSpec> params = new ArrayList<>();
        String score;
        if (text && vector) {
            double wv = Math.max(0, Math.min(1, f.vectorWeight()));
            score = "(" + ident(f.embeddingColumn()) + ", " + ident(f.textColumn()) + ")::deeplake_hybrid_record <#> "
                    + "deeplake_hybrid_record($1, $2, " + weight(wv) + ", " + weight(1 - wv) + ")";
            params.add(new ParameterSpec(ParameterViewModel.Kind.ROW_VECTOR, f.rowVectorColumn()));
            params.add(new ParameterSpec(
                    ParameterViewModel.Kind.TEXT, f.queryText().strip()));
        } else if (text) {
            score = ident(f.textColumn()) + " <#> $1";
            params.add(new ParameterSpec(
                    ParameterViewModel.Kind.TEXT, f.queryText().strip()));
        } else {
            score = ident(f.embeddingColumn()) + " <#> $1";
            params.add(new ParameterSpec(ParameterViewModel.Kind.ROW_VECTOR, f.rowVectorColumn()));
        }
        String sql = "SELECT *, " + score + " AS score\nFROM " + table + "\nORDER BY score DESC\nLIMIT " + limit;
        return new Search(sql, params);
    }

    /**
     * A search by meaning: {@code words} embedded by {@code model} (the model that made the column's vectors) and
     * the rows whose vectors are nearest first. The words are a string literal, so the statement reads as typed.
     */
    public static String meaning(String table, String vectorColumn, String model, String words, int limit) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("Choose a table to search");
        }
        if (vectorColumn == null || vectorColumn.isBlank()) {
            throw new IllegalArgumentException(
                    "Table \"" + table + "\" has no vector column: ingest it with embeddings, "
                            + "or add them with lakebench embed " + table + " COLUMN");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("Choose the model that made the vectors of \"" + vectorColumn + "\"");
        }
        if (words == null || words.isBlank()) {
            throw new IllegalArgumentException("Type the words to search for");
        }
        String score = ident(vectorColumn) + " <#> embed(" + literal(model) + ", " + literal(words.strip()) + ")";
        return "SELECT *, " + score + " AS score\nFROM " + ident(table) + "\nORDER BY " + score + " DESC\nLIMIT "
                + Math.max(1, limit);
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String weight(double w) {
        return String.format(Locale.ROOT, "%.2f", w);
    }

    /** A name as SQL: bare when it is a plain lower-case identifier and no keyword, else double-quoted. */
    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !SqlTokens.KEYWORDS.contains(name)) {
            return name;
        }
        return Identifiers.quote(name);
    }
}
