package dev.lakebench.app.ui.shell;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps the toolbar's Run and Cancel in step with the tab in front: Run is enabled on a tab that runs statements
 * and is idle, Cancel while that tab runs one, so neither looks clickable when it would do nothing.
 */
final class RunButtons {

    private final ShellView shell;
    private final Button run;
    private final Button cancel;

    private RunButtons(ShellView shell, Button run, Button cancel) {
        this.shell = shell;
        this.run = run;
        this.cancel = cancel;
    }

    static void follow(ShellView shell, Button run, Button cancel) {
        RunButtons buttons = new RunButtons(shell, run, cancel);
        TabPane tabs = shell.tabs();
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> buttons.show(tab));
        buttons.show(tabs.getSelectionModel().getSelectedItem());
    }

    private void show(Tab tab) {
        run.disableProperty().unbind();
        cancel.disableProperty().unbind();
        WorkbenchTab current = tab == null ? null : shell.of(tab).orElse(null);
        if (current == null || !current.runnable()) {
            run.setDisable(true);
            cancel.setDisable(true);
            return;
        }
        BooleanExpression running = BooleanExpression.booleanExpression(current.running());
        run.disableProperty().bind(running);
        cancel.disableProperty().bind(running.not());
    }
}
