package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Add or edit a connection. Managed: name, API URL, workspace, organisation (chosen from those "Test" lists, or
 * left to the token), token (kept in the OS credential store), test. PostgreSQL: name, JDBC URL, workspace (a
 * schema), password (kept in the OS credential store), and a test that shows what the server offers.
 */
public final class ConnectionDialog {

    private final ConnectionsViewModel vm;

    public ConnectionDialog(ConnectionsViewModel vm) {
        this.vm = vm;
    }

    /** The kinds a new connection can be. */
    static final String MANAGED = "Managed (Deeplake API)";

    static final String POSTGRES = "PostgreSQL";

    /** {@code existing} null adds a connection. */
    public void show(BrowserNode existing, Window owner) {
        ConnectionSpec.Managed m =
                existing == null || !(existing.connection() instanceof ConnectionSpec.Managed mm) ? null : mm;
        ConnectionSpec.Postgres pgSpec =
                existing == null || !(existing.connection() instanceof ConnectionSpec.Postgres pp) ? null : pp;
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(existing == null ? "Add connection" : "Edit connection");
        d.setHeaderText(
                existing == null
                        ? "Connect to a managed deployment or a PostgreSQL server"
                        : "Edit " + existing.connection().label());
        TextField name = new TextField(m == null ? "" : m.name());
        name.setId("conn-name");
        name.setPromptText("display name (optional)");
        TextField url = new TextField(m == null ? "https://api.deeplake.ai" : m.url());
        url.setId("conn-url");
        TextField ws = new TextField(m == null ? "default" : m.workspace());
        ws.setId("conn-workspace");
        // editable: the organisations "Test" finds fill the list; empty means the token's (or the only) one
        ComboBox<String> org = new ComboBox<>();
        org.setId("conn-org");
        org.setEditable(true);
        org.setMaxWidth(Double.MAX_VALUE);
        org.setPromptText("from the token (Test lists the account's)");
        org.getEditor().setText(m == null || m.org() == null ? "" : m.org());
        PasswordField token = new PasswordField();
        token.setId("conn-token");
        token.setPromptText(m == null ? "API token" : "leave empty to keep the saved token");
        Label store = new Label();
        store.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.storeNameProperty().get().isEmpty()
                                ? ""
                                : "The token is kept in "
                                        + vm.storeNameProperty().get() + ", never in a file.",
                        vm.storeNameProperty()));
        store.getStyleClass().add(Styles.MUTED);
        store.setWrapText(true);
        store.setMaxWidth(380);
        Label problem = new Label();
        problem.setId("conn-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(380);
        Label tested = new Label();
        tested.setId("conn-tested");
        tested.setWrapText(true);
        tested.setMaxWidth(380);
        GridPane g = BrowserDialogs.form();
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("API URL"), url);
        g.addRow(2, new Label("Workspace"), ws);
        g.addRow(3, new Label("Organisation"), org);
        g.addRow(4, new Label("Token"), token);
        g.add(store, 1, 5);
        g.add(problem, 1, 6);
        g.add(tested, 1, 7);
        PostgresForm pg = new PostgresForm(pgSpec, vm.storeNameProperty());
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.setId("conn-kind");
        kind.getItems().setAll(MANAGED, POSTGRES);
        kind.setValue(pgSpec != null ? POSTGRES : MANAGED);
        kind.setDisable(existing != null);
        BooleanBinding isPg = kind.valueProperty().isEqualTo(POSTGRES);
        g.visibleProperty().bind(isPg.not());
        g.managedProperty().bind(g.visibleProperty());
        pg.node().visibleProperty().bind(isPg);
        pg.node().managedProperty().bind(pg.node().visibleProperty());
        GridPane kindRow = BrowserDialogs.form();
        kindRow.addRow(0, new Label("Kind"), kind);
        d.getDialogPane().setContent(new VBox(10, kindRow, g, pg.node()));
        ButtonType test = new ButtonType("Test", ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType(existing == null ? "Add" : "Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(test, save, ButtonType.CANCEL);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        Button testButton = (Button) d.getDialogPane().lookupButton(test);
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String p = ConnectionsViewModel.validate(url.getText(), ws.getText());
                            return p == null ? "" : p;
                        },
                        url.textProperty(),
                        ws.textProperty()));
        BooleanBinding invalid = Bindings.when(isPg)
                .then(pg.problemProperty().isNotEmpty())
                .otherwise(problem.textProperty().isNotEmpty());
        saveButton.disableProperty().bind(invalid);
        testButton.disableProperty().bind(invalid);
        testButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (isPg.get()) {
                pg.testing();
                vm.testPostgres(pg.url(), pg.workspace(), pg.password(), pg::tested);
                return;
            }
            tested.setText("Testing…");
            tested.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            vm.test(
                    url.getText(),
                    ws.getText(),
                    orgId(org),
                    token.getText(),
                    line -> {
                        tested.setText(line);
                        tested.getStyleClass().add(line.startsWith("Connected") ? Styles.SUCCESS : Styles.DANGER);
                    },
                    orgs -> {
                        String typed = org.getEditor().getText();
                        org.getItems()
                                .setAll(orgs.stream().map(Object::toString).toList());
                        org.getEditor().setText(typed);
                    });
        });
        d.showAndWait().filter(b -> b == save).ifPresent(b -> {
            if (isPg.get()) {
                vm.savePostgres(existing, pg.name(), pg.url(), pg.workspace(), pg.password());
            } else {
                vm.save(existing, name.getText(), url.getText(), ws.getText(), orgId(org), token.getText());
            }
        });
    }

    /** The id of the chosen organisation: list entries read "id (name)". */
    static String orgId(ComboBox<String> org) {
        String text = org.getEditor().getText() == null
                ? ""
                : org.getEditor().getText().strip();
        int paren = text.indexOf(" (");
        return paren > 0 ? text.substring(0, paren) : text;
    }

    /** Asks before a connection is forgotten; true when the user confirmed. */
    public static boolean confirmRemove(BrowserNode connection, Window owner) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Remove connection");
        a.setHeaderText("Remove " + connection.label() + "?");
        a.setContentText(
                "The workbench forgets the connection and, when no other connection uses its URL, the saved token. "
                        + "Nothing on the server changes.");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
