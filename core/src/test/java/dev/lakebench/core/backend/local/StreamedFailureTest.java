package dev.lakebench.core.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamedFailureTest {

    @Test
    void onlyQueriesThatReadAreRunAgain() {
        assertThat(StreamedFailure.readOnly("SELECT 1")).isTrue();
        assertThat(StreamedFailure.readOnly("  select\n1")).isTrue();
        assertThat(StreamedFailure.readOnly("WITH a AS (SELECT 1) SELECT * FROM a"))
                .isTrue();
        assertThat(StreamedFailure.readOnly("(SELECT 1) UNION (SELECT 2)")).isTrue();
        assertThat(StreamedFailure.readOnly("FROM t")).isTrue();
        assertThat(StreamedFailure.readOnly("INSERT INTO t SELECT 1")).isFalse();
        assertThat(StreamedFailure.readOnly("UPDATE t SET a = 1")).isFalse();
        assertThat(StreamedFailure.readOnly("DELETE FROM t")).isFalse();
        assertThat(StreamedFailure.readOnly("COPY t TO 'f.csv'")).isFalse();
        assertThat(StreamedFailure.readOnly("SELECTED")).isFalse();
    }
}
