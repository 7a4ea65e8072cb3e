package dev.lakebench.app.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its control. A tooltip is a popup control with its own window
 * and behaviour, and the toolbar has a dozen: built with the window, they are start-up work for something shown
 * only on hover. The text is the control's accessible help at once, which is what a screen reader reads from a
 * tooltip.
 */
public final class HoverTooltip {

    private HoverTooltip() {}

    public static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text)); // shows after the next move, as an installed one would
                }
            }
        });
    }
}
