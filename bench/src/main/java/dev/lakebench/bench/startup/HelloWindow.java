package dev.lakebench.bench.startup;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference for the workbench's launch: the smallest JavaFX program with a window. It prints
 * {@code hello-shown} once its window is shown and laid out, then exits. Started as a main class (not the
 * Application subclass) so that it runs with JavaFX on the class path, as the workbench's jar does.
 */
public final class HelloWindow {

    static final String MARKER = "hello-shown";

    private HelloWindow() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** One label in a window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 640, 480));
            stage.setTitle("Hello");
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println(MARKER);
                System.out.flush();
                Platform.exit();
            }));
            stage.show();
        }
    }
}
