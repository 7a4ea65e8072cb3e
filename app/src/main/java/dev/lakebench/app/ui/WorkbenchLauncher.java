package dev.lakebench.app.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench. A plain class (not an Application subclass) as the entry point, so that the
 * workbench also starts with JavaFX on the class path. The settings are read and the saved workspace opened
 * ({@link EarlyStart}) while the toolkit starts.
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {}

    public static void launch(String[] args) {
        WorkbenchApp.startEarly(EarlyStart.begin(EarlyStart.named(args), true));
        Application.launch(WorkbenchApp.class, args);
    }
}
