package dev.lakebench.app.ui.detail;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The detail pane's text section: the row's text with the searched words marked. Built for the first row that has
 * text, so the rich text area's classes (several hundred) are not loaded while the window starts.
 */
final class DetailText {

    private final ObservableBooleanValue visible;
    private StyleClassedTextArea area;
    private VirtualizedScrollPane<StyleClassedTextArea> pane;

    /** {@code visible}: whether there is text to show (the section is taken out of the layout otherwise). */
    DetailText(ObservableBooleanValue visible) {
        this.visible = visible;
    }

    /** The section, built now if it was not. */
    Region pane() {
        if (pane == null) {
            area = new StyleClassedTextArea();
            area.setId("detail-text");
            area.getStyleClass().add("detail-text");
            area.setEditable(false);
            area.setWrapText(true);
            area.setPadding(new Insets(6, 8, 6, 8));
            area.setMinWidth(0);
            pane = new VirtualizedScrollPane<>(area);
            pane.visibleProperty().bind(visible);
            pane.managedProperty().bind(pane.visibleProperty());
            pane.setMinWidth(0);
        }
        return pane;
    }

    boolean built() {
        return pane != null;
    }

    /**
     * Shows {@code body} with {@code hits} marked, scrolled to the first hit or else to the top; no text before the
     * first is nothing to build.
     */
    void show(String body, List<QueryWords.Hit> hits) {
        if (area == null && (body == null || body.isEmpty())) {
            return;
        }
        pane();
        area.replaceText(body == null ? "" : body);
        int length = area.getLength();
        for (QueryWords.Hit h : hits) {
            if (h.end() <= length) {
                area.setStyleClass(h.start(), h.end(), "query-hit");
            }
        }
        if (!hits.isEmpty() && hits.get(0).end() <= length) {
            area.moveTo(hits.get(0).start());
            area.requestFollowCaret();
        } else { // from the start: replacing the text leaves the view at its end
            area.moveTo(0);
            area.requestFollowCaret();
        }
    }
}
