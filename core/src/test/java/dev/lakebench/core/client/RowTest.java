package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {

    private final Row row = new Row(
            List.of("name", "age", "score", "ok", "emb", "img", "none"),
            new Object[] {"Ada", 36L, 0.5, true, new float[] {1, 2}, new byte[] {7}, null});

    @Test
    void typedGettersReadTheirTypesAndNull() {
        assertThat(row.getString("name")).isEqualTo("Ada");
        assertThat(row.getLong("age")).isEqualTo(36L);
        assertThat(row.getDouble("age")).isEqualTo(36.0);
        assertThat(row.getLong("score")).isZero();
        assertThat(row.getVector("emb")).containsExactly(1f, 2f);
        assertThat(row.getBytes("img")).containsExactly(7);
        assertThat(row.getString("none")).isNull();
        assertThat(row.getLong("none")).isNull();
        assertThat(row.getVector("none")).isNull();
    }

    @Test
    void getStringSpellsNumbersAndBooleansAsJdbcDoes() {
        assertThat(row.getString("age")).isEqualTo("36");
        assertThat(row.getString("score")).isEqualTo("0.5");
        assertThat(row.getString("ok")).isEqualTo("true");
    }

    @Test
    void aGetterOfTheWrongTypeNamesTheColumnAndWhatItHolds() {
        assertThatThrownBy(() -> row.getLong("name"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageStartingWith("Column \"name\" holds text \"Ada\", not a number");
        assertThatThrownBy(() -> row.getDouble("emb"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageStartingWith("Column \"emb\" holds a vector of 2, not a number");
        assertThatThrownBy(() -> row.getString("img"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageStartingWith("Column \"img\" holds bytes (1), not text");
        assertThatThrownBy(() -> row.getVector("age"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining("holds a Long, not a vector (float[])")
                .hasMessageContaining("get(\"age\")");
        assertThatThrownBy(() -> row.getBytes("ok"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageStartingWith("Column \"ok\" holds a Boolean, not bytes (byte[])");
    }
}
