package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterViewModelTest {

    private static final WorkspaceRef WS = new WorkspaceRef(new ConnectionSpec.Local(Path.of("/tmp/x")), "default");

    @Test
    void textAndNumbers() {
        assertThat(new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.TEXT, " a b ")
                        .value(null))
                .isEqualTo(" a b ");
        assertThat(new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.NUMBER, "42")
                        .value(null))
                .isEqualTo(42L);
        assertThat(new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.NUMBER, "0.5")
                        .value(null))
                .isEqualTo(0.5);
        assertThatThrownBy(() -> new ParameterViewModel(2)
                        .set(ParameterViewModel.Kind.NUMBER, "abc")
                        .value(null))
                .isInstanceOf(ManagedServiceError.class)
                .hasMessage(
                        "Parameter $2 \"abc\" is not a number. Type a number such as 42 or 0.5, or switch the parameter to Text");
    }

    @Test
    void jsonVectors() {
        Object v = new ParameterViewModel(1)
                .set(ParameterViewModel.Kind.VECTOR, "[0.5, -1, 2e-1]")
                .value(null);
        assertThat((float[]) v).containsExactly(0.5f, -1f, 0.2f);
        assertThat((float[]) new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.VECTOR, "1, 2")
                        .value(null))
                .containsExactly(1f, 2f);
        assertThatThrownBy(() -> new ParameterViewModel(3)
                        .set(ParameterViewModel.Kind.VECTOR, "[1, \"x\"]")
                        .value(null))
                .hasMessageStartingWith("Parameter $3 has a non-number at position 2");
        assertThatThrownBy(() -> new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.VECTOR, "[1,")
                        .value(null))
                .hasMessageStartingWith("Parameter $1 is not a JSON array of numbers");
    }

    @Test
    void vectorFromTheSelectedRow() {
        Row row = new Row(List.of("id", "emb", "other"), new Object[] {"a", new float[] {1f, 2f}, new float[] {3f}});
        SelectedRow sel = new SelectedRow(WS, "t", row);
        assertThat((float[]) new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.ROW_VECTOR, "")
                        .value(sel))
                .containsExactly(1f, 2f);
        assertThat((float[]) new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.ROW_VECTOR, "other")
                        .value(sel))
                .containsExactly(3f);
        assertThatThrownBy(() -> new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.ROW_VECTOR, "")
                        .value(null))
                .hasMessageStartingWith("Parameter $1 takes its vector from the selected row, but no row is selected");
        assertThatThrownBy(() -> new ParameterViewModel(1)
                        .set(ParameterViewModel.Kind.ROW_VECTOR, "id")
                        .value(sel))
                .hasMessage(
                        "Parameter $1 takes column \"id\" of the selected row, which is not a vector. Pick one of: emb, other");
    }

    @Test
    void guessesKindsFromPastedText() {
        assertThat(ParameterViewModel.guess("[0.1, 0.2]")).isEqualTo(ParameterViewModel.Kind.VECTOR);
        assertThat(ParameterViewModel.guess("-3.5e2")).isEqualTo(ParameterViewModel.Kind.NUMBER);
        assertThat(ParameterViewModel.guess("cats")).isEqualTo(ParameterViewModel.Kind.TEXT);
    }
}
