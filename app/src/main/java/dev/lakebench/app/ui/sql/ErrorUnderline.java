package dev.lakebench.app.ui.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Tooltip;
import org.fxmisc.richtext.CodeArea;

/**
 * Underlines where the last failed statement went wrong (a wavy line under the word the engine pointed at) and
 * puts the problem in the editor's tooltip. The mark is an extra style class on top of the highlighting, so it is
 * laid again after each highlighting pass; the view model drops it as soon as the text changes.
 */
final class ErrorUnderline {

    static final String STYLE = "error-mark";

    private final CodeArea area;
    private final ObjectProperty<SqlEditorViewModel.ErrorMark> mark;
    private final Tooltip tip = new Tooltip();

    ErrorUnderline(CodeArea area, ObjectProperty<SqlEditorViewModel.ErrorMark> mark, Runnable rehighlight) {
        this.area = area;
        this.mark = mark;
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        mark.addListener((o, was, now) -> {
            if (now != null) {
                apply();
                tip.setText(now.problem());
                Tooltip.install(area, tip);
            } else {
                Tooltip.uninstall(area, tip);
                if (was != null) {
                    rehighlight.run();
                }
            }
        });
    }

    /** Lays the mark over the current styles (after highlighting replaced them). */
    void apply() {
        SqlEditorViewModel.ErrorMark m = mark.get();
        if (m == null || m.end() > area.getLength() || m.start() >= m.end()) {
            return;
        }
        area.setStyleSpans(m.start(), area.getStyleSpans(m.start(), m.end()).mapStyles(ErrorUnderline::with));
    }

    private static Collection<String> with(Collection<String> styles) {
        if (styles.contains(STYLE)) {
            return styles;
        }
        List<String> out = new ArrayList<>(styles);
        out.add(STYLE);
        return out;
    }
}
