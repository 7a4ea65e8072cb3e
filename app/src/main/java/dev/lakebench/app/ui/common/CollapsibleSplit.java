package dev.lakebench.app.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * A side pane of a split pane that folds away: collapsing moves the divider to the edge (the pane gets no width,
 * the divider stays where it can be grabbed or double-clicked), expanding puts it back where it was. Dragging the
 * divider to the edge collapses too. {@link #collapsedProperty()} is what toggle buttons, shortcuts and the saved
 * layout bind to; {@link #expandedPosition()} is the position to remember (never the edge).
 */
public final class CollapsibleSplit {

    /** Closer than this to the edge counts as collapsed. */
    static final double EDGE = 0.005;

    private final SplitPane split;
    private final int divider;
    private final boolean leading;
    private final BooleanProperty collapsed = new SimpleBooleanProperty();
    private double expandedAt;
    private boolean moving;

    /**
     * @param divider the divider next to the pane
     * @param leading whether the pane is before the divider (left or top); else after it
     * @param position the divider's position when the pane shows
     */
    public CollapsibleSplit(SplitPane split, int divider, boolean leading, double position) {
        this.split = split;
        this.divider = divider;
        this.leading = leading;
        this.expandedAt = clamp(position);
        split.setDividerPosition(divider, expandedAt);
        split.getDividers().get(divider).positionProperty().addListener((o, a, b) -> {
            if (moving) {
                return;
            }
            boolean atEdge = atEdge(b.doubleValue());
            if (!atEdge) {
                expandedAt = b.doubleValue();
            }
            if (collapsed.get() != atEdge) {
                moving = true;
                collapsed.set(atEdge);
                moving = false;
            }
        });
        collapsed.addListener((o, was, now) -> {
            if (!moving) {
                moving = true;
                split.setDividerPosition(divider, now ? edge() : expandedAt);
                moving = false;
            }
        });
        split.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && onOwnDivider(e.getTarget())) {
                toggle();
                e.consume();
            }
        });
    }

    public BooleanProperty collapsedProperty() {
        return collapsed;
    }

    public void toggle() {
        collapsed.set(!collapsed.get());
    }

    /** Where the divider stands when the pane shows. */
    public double expandedPosition() {
        return expandedAt;
    }

    /** The divider this pane's split would double-click (the split's own, not one of a nested split). */
    private boolean onOwnDivider(Object target) {
        int index = 0;
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider") && n.getParent() == split) {
                for (Node c : split.getChildrenUnmodifiable()) {
                    if (c == n) {
                        return index == divider;
                    }
                    if (c.getStyleClass().contains("split-pane-divider")) {
                        index++;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private boolean atEdge(double p) {
        return leading ? p <= EDGE : p >= 1 - EDGE;
    }

    private double edge() {
        return leading ? 0 : 1;
    }

    private static double clamp(double p) {
        return Math.min(0.95, Math.max(0.05, p));
    }
}
