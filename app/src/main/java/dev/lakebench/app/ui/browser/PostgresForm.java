package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The PostgreSQL part of the connection dialog: name, JDBC URL, workspace (schema), password, the test's answer. */
final class PostgresForm {

    private final GridPane grid = BrowserDialogs.form();
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final TextField workspace = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextArea tested = new TextArea();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    PostgresForm(ConnectionSpec.Postgres existing, ObservableStringValue storeName) {
        name.setId("pg-name");
        name.setPromptText("display name (optional)");
        url.setId("pg-url");
        url.setPromptText("jdbc:postgresql://localhost:5432/lake?user=me");
        workspace.setId("pg-workspace");
        workspace.setPromptText("public");
        password.setId("pg-password");
        password.setPromptText(
                existing == null
                        ? "password (leave empty for PGPASSWORD or the saved one)"
                        : "leave empty to keep the saved password");
        if (existing != null) {
            name.setText(existing.name());
            url.setText(existing.url());
            workspace.setText(existing.workspace());
        }
        Label store = new Label();
        store.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> storeName.get().isEmpty()
                                ? ""
                                : "The password is kept in " + storeName.get()
                                        + ", never in a file. Workspaces are schemas of the database.",
                        storeName));
        store.getStyleClass().add(Styles.MUTED);
        store.setWrapText(true);
        store.setMaxWidth(420);
        Label problemLabel = new Label();
        problemLabel.setId("pg-problem");
        problemLabel.getStyleClass().add(Styles.DANGER);
        problemLabel.setWrapText(true);
        problemLabel.setMaxWidth(420);
        problem.bind(Bindings.createStringBinding(
                () -> {
                    String p = PostgresConnections.validate(url.getText(), workspace.getText());
                    return p == null ? "" : p;
                },
                url.textProperty(),
                workspace.textProperty()));
        problemLabel.textProperty().bind(problem);
        tested.setId("pg-tested");
        tested.setEditable(false);
        tested.setWrapText(true);
        tested.setPrefRowCount(8);
        tested.setPrefColumnCount(44);
        tested.setVisible(false);
        tested.managedProperty().bind(tested.visibleProperty());
        grid.addRow(0, label("Name"), name);
        grid.addRow(1, label("JDBC URL"), url);
        grid.addRow(2, label("Workspace"), workspace);
        grid.addRow(3, label("Password"), password);
        grid.add(store, 1, 4);
        grid.add(problemLabel, 1, 5);
        grid.add(tested, 1, 6);
    }

    /** A field label that keeps its full text (the grid's first column is sized for the managed form). */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    Node node() {
        return grid;
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void testing() {
        tested.setVisible(true);
        tested.setText("Testing…");
    }

    /** Shows the test's answer: what the server offers, or why it could not be reached. */
    void tested(String answer) {
        tested.setVisible(true);
        tested.setText(answer);
        tested.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        tested.getStyleClass().add(answer.startsWith("Connected") ? Styles.SUCCESS : Styles.DANGER);
    }

    String name() {
        return name.getText();
    }

    String url() {
        return url.getText() == null ? "" : url.getText().strip();
    }

    String workspace() {
        return workspace.getText() == null || workspace.getText().isBlank()
                ? "public"
                : workspace.getText().strip();
    }

    String password() {
        return password.getText();
    }
}
