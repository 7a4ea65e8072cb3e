package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The hybrid-search form: pick columns, type the query, weigh vector against text; "Write SQL" fills the editor. */
final class HybridSearchForm {

    private final VBox box = new VBox(6);

    HybridSearchForm(SqlEditorViewModel vm) {
        ComboBox<String> table = new ComboBox<>();
        table.setId("hybrid-table");
        ComboBox<String> textCol = new ComboBox<>();
        ComboBox<String> embCol = new ComboBox<>();
        TextField query = new TextField();
        query.setId("hybrid-query");
        query.setPromptText("query text");
        CheckBox useRow = new CheckBox("Vector of the selected row");
        useRow.setWrapText(true);
        useRow.setId("hybrid-use-row");
        Label rowNote = new Label();
        rowNote.getStyleClass().add(Styles.MUTED);
        rowNote.setWrapText(true);
        Slider weight = new Slider(0, 1, 0.5);
        weight.setId("hybrid-weight");
        weight.setMajorTickUnit(0.25);
        weight.setShowTickMarks(true);
        Label weights = new Label();
        weight.valueProperty()
                .addListener((o, a, v) -> weights.setText(
                        String.format(Locale.ROOT, "vector %.2f · text %.2f", v.doubleValue(), 1 - v.doubleValue())));
        weights.setText("vector 0.50 · text 0.50");
        Spinner<Integer> limit = new Spinner<>(1, 10_000, 20);
        limit.setEditable(true);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        Button write = new Button("Write SQL");
        write.setId("hybrid-write");
        write.getStyleClass().add(Styles.ACCENT);
        for (ComboBox<?> c : List.of(table, textCol, embCol)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        Runnable columns = () -> {
            List<Column> cols = table.getValue() == null
                    ? List.of()
                    : vm.catalogProperty().get().columns(table.getValue()).orElse(List.of());
            textCol.getItems()
                    .setAll(cols.stream()
                            .filter(c -> c.type() == ColumnType.TEXT)
                            .map(Column::name)
                            .sorted(Comparator.comparing(HybridSearchForm::keyLike))
                            .toList());
            embCol.getItems()
                    .setAll(cols.stream()
                            .filter(c -> c.type().isVector())
                            .map(Column::name)
                            .toList());
            textCol.getSelectionModel().selectFirst();
            embCol.getSelectionModel().selectFirst();
        };
        table.valueProperty().addListener((o, a, b) -> columns.run());
        vm.catalogProperty().addListener((o, a, cat) -> {
            String keep = table.getValue();
            table.getItems().setAll(cat.tableNames());
            if (keep != null && table.getItems().contains(keep)) {
                table.setValue(keep);
            } else {
                // the first table that can be searched both ways, else any with text
                table.setValue(cat.tableNames().stream()
                        .filter(t -> searchable(cat.columns(t).orElse(List.of())) == 2)
                        .findFirst()
                        .or(() -> cat.tableNames().stream()
                                .filter(t -> searchable(cat.columns(t).orElse(List.of())) > 0)
                                .findFirst())
                        .orElse(
                                cat.tableNames().isEmpty()
                                        ? null
                                        : cat.tableNames().get(0)));
            }
            columns.run();
        });
        table.getItems().setAll(vm.catalogProperty().get().tableNames());
        Runnable note = () -> {
            SelectedRow s = vm.selectedRowProperty().get();
            rowNote.setText(
                    s == null
                            ? "Select a row in a grid to search by its vector."
                            : s.vectorColumns().isEmpty()
                                    ? "The selected row has no vector column."
                                    : "Row selected" + (s.table() == null ? "" : " in " + s.table()));
        };
        vm.selectedRowProperty().addListener((o, a, b) -> note.run());
        note.run();
        write.setOnAction(e -> {
            try {
                SelectedRow s = vm.selectedRowProperty().get();
                String rowCol = embCol.getValue();
                if (s != null
                        && rowCol != null
                        && !s.vectorColumns().contains(rowCol)
                        && !s.vectorColumns().isEmpty()) {
                    rowCol = s.vectorColumns().get(0);
                }
                var search = HybridSearch.build(new HybridSearch.Form(
                        table.getValue(),
                        textCol.getValue(),
                        query.getText(),
                        embCol.getValue(),
                        useRow.isSelected(),
                        rowCol,
                        weight.getValue(),
                        limit.getValue()));
                vm.load(search.sql(), search.params());
                problem.setText("");
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        });
        // search by meaning: words embedded by the model that made the column's vectors
        TextField words = new TextField();
        words.setId("meaning-words");
        words.setPromptText("words, e.g. red tulips in a field");
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.setId("meaning-model");
        model.setMaxWidth(Double.MAX_VALUE);
        model.setPromptText("model that made the vectors");
        Label meaningNote = new Label();
        meaningNote.setId("meaning-note");
        meaningNote.getStyleClass().add(Styles.MUTED);
        meaningNote.setWrapText(true);
        Button meaningRun = new Button("Search by meaning");
        meaningRun.setId("meaning-search");
        meaningRun.getStyleClass().add(Styles.ACCENT);
        Runnable meaningState = () -> {
            String t = table.getValue();
            String col = meaningColumn(vm, t, embCol.getValue());
            String recorded = t == null || col == null
                    ? null
                    : vm.catalogProperty().get().model(t, col).orElse(null);
            boolean ask = col != null && recorded == null;
            model.setVisible(ask);
            model.setManaged(ask);
            if (t == null) {
                meaningNote.setText("Choose a table.");
            } else if (col == null) {
                meaningNote.setText("\"" + t + "\" has no vector column: ingest it with embeddings, or add them with "
                        + "lakebench embed " + t + " COLUMN.");
            } else if (recorded != null) {
                meaningNote.setText("Compared with " + col + ", made by " + recorded + ".");
            } else {
                meaningNote.setText("No model is recorded for " + col + ": choose the model that made its vectors "
                        + "(the same model and size, or the search compares unrelated vectors).");
            }
            meaningRun.setDisable(col == null);
        };
        table.valueProperty().addListener((o, a, b) -> meaningState.run());
        embCol.valueProperty().addListener((o, a, b) -> meaningState.run());
        vm.catalogProperty().addListener((o, a, b) -> meaningState.run());
        Label meaningProblem = new Label();
        meaningProblem.setId("meaning-problem");
        meaningProblem.getStyleClass().add(Styles.DANGER);
        meaningProblem.setWrapText(true);
        Runnable search = () -> {
            try {
                String t = table.getValue();
                String col = meaningColumn(vm, t, embCol.getValue());
                String m = t == null || col == null
                        ? null
                        : vm.catalogProperty().get().model(t, col).orElse(model.getValue());
                vm.searchByMeaning(t, col, m, words.getText(), limit.getValue());
                meaningProblem.setText("");
            } catch (IllegalArgumentException ex) {
                meaningProblem.setText(ex.getMessage());
            }
        };
        meaningRun.setOnAction(e -> search.run());
        words.setOnAction(e -> search.run());
        meaningState.run();

        box.getChildren()
                .addAll(
                        label("Search by meaning"),
                        words,
                        model,
                        meaningNote,
                        meaningRun,
                        meaningProblem,
                        new Separator(),
                        label("Table"),
                        table,
                        label("Text column"),
                        textCol,
                        query,
                        label("Embedding column"),
                        embCol,
                        useRow,
                        rowNote,
                        label("Weights"),
                        weight,
                        weights,
                        label("Rows"),
                        limit,
                        write,
                        problem);
    }

    /** The EMBEDDING column a search by meaning compares: the chosen one when it is one, else the table's first. */
    private static String meaningColumn(SqlEditorViewModel vm, String table, String chosen) {
        if (table == null) {
            return null;
        }
        List<Column> vectors = vm.catalogProperty().get().columns(table).orElse(List.of()).stream()
                .filter(c -> c.type() == ColumnType.EMBEDDING)
                .toList();
        return vectors.stream()
                .map(Column::name)
                .filter(n -> n.equals(chosen))
                .findFirst()
                .orElse(vectors.isEmpty() ? null : vectors.get(0).name());
    }

    /** 2 when a table has text and vectors, 1 with one of them, 0 otherwise. */
    private static int searchable(List<Column> cols) {
        boolean text = cols.stream().anyMatch(c -> c.type() == ColumnType.TEXT && keyLike(c.name()) < 2);
        boolean vec = cols.stream().anyMatch(c -> c.type().isVector());
        return (text ? 1 : 0) + (vec ? 1 : 0);
    }

    /** Prose columns first, ids and file names last: what one searches is rarely a key. */
    private static int keyLike(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("id") || n.endsWith("_id") || n.equals("filename")) {
            return 2;
        }
        return n.contains("text")
                        || n.contains("desc")
                        || n.contains("caption")
                        || n.contains("body")
                        || n.contains("content")
                ? 0
                : 1;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    Node node() {
        return box;
    }
}
