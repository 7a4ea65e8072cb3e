package dev.lakebench.app.ui;

import dev.lakebench.core.client.Client;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The workbench window: the default workspace's tables. */
public final class WorkbenchApp extends Application {

    private Client client;

    @Override
    public void start(Stage stage) {
        ListView<String> tables = new ListView<>();
        tables.setId("tables");
        Label status = new Label("Opening workspace…");
        status.setId("status");
        BorderPane root = new BorderPane(tables);
        root.setBottom(status);
        stage.setTitle("Lakebench");
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
        Task<java.util.List<String>> open = new Task<>() {
            @Override
            protected java.util.List<String> call() {
                client = Client.local();
                return client.listTables();
            }
        };
        open.setOnSucceeded(e -> {
            tables.getItems().setAll(open.getValue());
            status.setText("Workspace " + client.workspaceId() + " — " + open.getValue().size() + " tables");
        });
        open.setOnFailed(e -> status.setText(String.valueOf(open.getException().getMessage())));
        Thread t = new Thread(open, "lakebench-open-workspace");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        Platform.exit();
    }
}
