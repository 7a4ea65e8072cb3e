package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --timeout takes seconds, or a number with a unit as PostgreSQL's statement_timeout is written. */
class TimeoutValueTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void secondsOrANumberWithAUnit() {
        assertThat(TimeoutValue.seconds("30")).isEqualTo(30.0);
        assertThat(TimeoutValue.seconds("2.5")).isEqualTo(2.5);
        assertThat(TimeoutValue.seconds("500ms")).isEqualTo(0.5);
        assertThat(TimeoutValue.seconds("30s")).isEqualTo(30.0);
        assertThat(TimeoutValue.seconds("1.5 sec")).isEqualTo(1.5);
        assertThat(TimeoutValue.seconds("5min")).isEqualTo(300.0);
        assertThat(TimeoutValue.seconds("2m")).isEqualTo(120.0);
        assertThat(TimeoutValue.seconds("1H")).isEqualTo(3600.0);
        assertThatThrownBy(() -> TimeoutValue.seconds("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeoutValue.seconds("5d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryTakesAUnitAndABadValueSaysWhatIsTaken() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int ok = Cli.run(
                new String[] {"--data-dir", dir.toString(), "query", "--timeout", "2s", "SELECT 1 AS n"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(ok).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(1 row)");

        StringWriter err2 = new StringWriter();
        int bad = Cli.run(
                new String[] {"--data-dir", dir.toString(), "query", "--timeout", "soon", "SELECT 1"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err2, true));
        assertThat(bad).isEqualTo(Cli.USAGE);
        assertThat(err2.toString())
                .contains("'soon' is not a timeout: give seconds (30, 2.5) or a unit (500ms, 30s, 5min, 1h)");
    }
}
