package dev.lakebench.app.ui.ingest;

import dev.lakebench.app.ui.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

/** The pieces every step of the wizard is made of: a titled body, muted labels, bound labels, number fields. */
final class StepParts {

    private StepParts() {}

    static VBox body(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.MUTED);
        s.setWrapText(true);
        VBox b = new VBox(10, t, s);
        b.getStyleClass().add("wizard-body");
        return b;
    }

    static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.MUTED);
        return l;
    }

    static Label subtitle(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.SUBTITLE);
        return l;
    }

    static Label bound(ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(v);
        l.setWrapText(true);
        return l;
    }

    static Label problem(ObservableValue<String> v, String id) {
        Label l = bound(v, id);
        l.getStyleClass().add(Styles.DANGER);
        return l;
    }

    static Spinner<Integer> spinner(int min, int max, int value, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(120);
        return s;
    }

    /** Shows a node only while {@code on} is true (and takes no room otherwise). */
    static void showIf(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
