package dev.lakebench.app.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its control. A tooltip is a popup control with its own window
 * and behaviour, and the toolbar and the detail pane have a dozen and a half: built with the window, they are
 * start-up work for something shown only on hover. The text is the control's accessible help at once, which is
 * what a screen reader reads from a tooltip.
 */
public final class HoverTooltip {

    private HoverTooltip() {}

    public static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        install(control, () -> new Tooltip(text));
    }

    /**
     * A tooltip made on the first hover whose text follows the control's accessible help (set that to change it),
     * wrapped at 420 pixels.
     */
    public static void followingHelp(Control control) {
        install(control, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(control.accessibleHelpProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            return tip;
        });
    }

    /** A tooltip made by {@code tooltip} on the first hover (one whose text follows a property). */
    public static void install(Control control, Supplier<Tooltip> tooltip) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tooltip.get()); // shows after the next move, as an installed one would
                }
            }
        });
    }
}
