package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** {@link Once} runs its action for the first passing value only, and at once when the value already passes. */
class OnceTest {

    @Test
    void runsForTheFirstPassingValueOnly() {
        SimpleStringProperty title = new SimpleStringProperty();
        List<String> seen = new ArrayList<>();
        Once.when(title, t -> t != null && !t.isEmpty(), seen::add);
        title.set("");
        assertThat(seen).isEmpty();
        title.set("first");
        title.set("second");
        title.set(null);
        title.set("third");
        assertThat(seen).containsExactly("first");
    }

    @Test
    void runsAtOnceWhenTheValueAlreadyPasses() {
        SimpleStringProperty row = new SimpleStringProperty("shown");
        List<String> seen = new ArrayList<>();
        Once.when(row, Objects::nonNull, seen::add);
        row.set("other");
        assertThat(seen).containsExactly("shown");
    }
}
