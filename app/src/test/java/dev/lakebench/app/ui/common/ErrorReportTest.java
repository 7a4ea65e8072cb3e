package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    @Test
    void lakebenchErrorsKeepTheirCodeProblemAndHint() {
        var e = new TableError(ErrorCode.TABLE_NOT_FOUND, "Table \"x\" does not exist", "Existing tables: a, b");
        ErrorReport r = ErrorReport.of("Open table", new CompletionException(e));
        assertThat(r.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(r.problem()).isEqualTo("Table \"x\" does not exist");
        assertThat(r.hint()).isEqualTo("Existing tables: a, b");
        assertThat(r.message()).isEqualTo("Table \"x\" does not exist. Existing tables: a, b");
        assertThat(r.detail())
                .contains("Code: TABLE_NOT_FOUND", "Action: Open table", "Problem: Table \"x\" does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void aLakebenchErrorInsideAnotherIsFound() {
        var inner = new TableError(ErrorCode.TABLE_EXISTS, "Table \"t\" already exists", "Drop it first");
        ErrorReport r = ErrorReport.of("Ingest", new RuntimeException("wrapped", inner));
        assertThat(r.code()).isEqualTo(ErrorCode.TABLE_EXISTS);
        assertThat(r.detail())
                .contains("Caused by: dev.lakebench.core.client.TableError: Table \"t\" already exists. Drop it first");
    }

    @Test
    void foreignFailuresNameTheThingAndNeverShowFrames() {
        ErrorReport r = ErrorReport.of("Read folder", new NoSuchFileException("/data/missing"));
        assertThat(r.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(r.problem()).isEqualTo("Could not read folder: /data/missing does not exist");
        assertThat(r.hint()).contains("exists");
        assertThat(r.detail())
                .contains("java.nio.file.NoSuchFileException: /data/missing")
                .doesNotContain("\tat ");
    }
}
