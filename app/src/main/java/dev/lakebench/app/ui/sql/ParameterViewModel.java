package dev.lakebench.app.ui.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One {@code $N} of the statement: how the value is given (text, number, a JSON vector, or a vector column of
 * the row selected in a grid) and the text typed for it. {@link #value} turns it into the bound value or an
 * error naming the parameter and what is wrong.
 */
public final class ParameterViewModel {

    /** How a parameter's value is given. */
    public enum Kind {
        TEXT("Text"),
        NUMBER("Number"),
        VECTOR("JSON vector"),
        ROW_VECTOR("Vector from selected row");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final int index;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.TEXT);
    private final StringProperty text = new SimpleStringProperty("");
    /** The vector column of the selected row (ROW_VECTOR). */
    private final StringProperty rowColumn = new SimpleStringProperty("");

    public ParameterViewModel(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty rowColumnProperty() {
        return rowColumn;
    }

    public ParameterViewModel set(Kind k, String value) {
        kind.set(k);
        if (k == Kind.ROW_VECTOR) {
            rowColumn.set(value == null ? "" : value);
        } else {
            text.set(value == null ? "" : value);
        }
        return this;
    }

    /** The value to bind; QueryError (QUERY_PARAMETER) naming $N when the input does not fit its kind. */
    public Object value(SelectedRow selected) {
        String t = text.get() == null ? "" : text.get().strip();
        return switch (kind.get()) {
            case TEXT -> text.get();
            case NUMBER -> number(t);
            case VECTOR -> vector(t);
            case ROW_VECTOR -> rowVector(selected);
        };
    }

    private Object number(String t) {
        if (t.isEmpty()) {
            throw error("is empty", "Type a number, e.g. 42 or 0.5");
        }
        try {
            if (t.matches("[+-]?\\d+")) {
                return Long.parseLong(t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(
                    "\"" + t + "\" is not a number",
                    "Type a number such as 42 or 0.5, or switch the parameter to Text");
        }
    }

    private float[] vector(String t) {
        if (t.isEmpty()) {
            throw error("is empty", "Paste a vector such as [0.1, 0.2, 0.3], or take one from the selected row");
        }
        String json = t.startsWith("[") ? t : "[" + t + "]";
        JsonNode n;
        try {
            n = JsonTrees.read(json);
        } catch (IOException e) {
            throw error("is not a JSON array of numbers", "Write it as [0.1, 0.2, 0.3]");
        }
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw error("is not a JSON array of numbers", "Write it as [0.1, 0.2, 0.3]");
        }
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber()) {
                throw error("has a non-number at position " + (i + 1) + " (" + e + ")", "A vector holds numbers only");
            }
            f[i] = (float) e.doubleValue();
        }
        return f;
    }

    private float[] rowVector(SelectedRow selected) {
        if (selected == null) {
            throw error(
                    "takes its vector from the selected row, but no row is selected",
                    "Select a row in a results grid or the thumbnail grid first");
        }
        var vectors = selected.vectorColumns();
        if (vectors.isEmpty()) {
            throw error(
                    "takes a vector from the selected row, but that row has no vector column",
                    "Select a row that has an EMBEDDING column (SELECT it in the query)");
        }
        String col = rowColumn.get() == null || rowColumn.get().isBlank() ? vectors.get(0) : rowColumn.get();
        Object v = selected.row().get(col);
        if (!(v instanceof float[] f)) {
            throw error(
                    "takes column \"" + col + "\" of the selected row, which "
                            + (v == null ? "is NULL or missing" : "is not a vector"),
                    "Pick one of: " + String.join(", ", vectors));
        }
        return f;
    }

    private QueryError error(String what, String hint) {
        return new QueryError(ErrorCode.QUERY_PARAMETER, "Parameter $" + index + " " + what, hint);
    }

    /** Short text of the value for the history and result titles. */
    public String summary() {
        return switch (kind.get()) {
            case TEXT -> "'" + abbreviate(text.get()) + "'";
            case NUMBER -> text.get();
            case VECTOR -> "vector " + abbreviate(text.get());
            case ROW_VECTOR -> "row." + (rowColumn.get().isBlank() ? "vector" : rowColumn.get());
        };
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 24 ? t.substring(0, 24) + "…" : t;
    }

    /** Guesses a kind from typed text (a pasted [..] is a vector, digits a number). */
    public static Kind guess(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("[")) {
            return Kind.VECTOR;
        }
        if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return Kind.NUMBER;
        }
        return Kind.TEXT;
    }
}
