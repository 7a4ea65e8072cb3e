package dev.lakebench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the FX watchdog counts as the workbench doing I/O on the FX thread: real reads and writes called from
 * Lakebench code, not the string work of paths or the plain values of the native and backend packages, nor what
 * JavaFX reads for itself. A sample it wrongly counts fails an FX test at random, whenever the sampler happens to
 * catch the FX thread there.
 */
class FxWatchdogTest {

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className.replaceAll(".*\\.", "") + ".java", 10);
    }

    private static String ours(StackTraceElement... stack) {
        return FxWatchdog.ours(stack);
    }

    private static final StackTraceElement CELL = frame("dev.lakebench.app.ui.grid.ThumbnailGridView", "updateItem");
    private static final StackTraceElement PULSE = frame("com.sun.javafx.tk.Toolkit", "firePulse");

    @Test
    void aFileOrAQueryReadByWorkbenchCodeCounts() {
        assertThat(ours(
                        frame("sun.nio.fs.UnixNativeDispatcher", "open0"),
                        frame("sun.nio.fs.UnixChannelFactory", "newFileChannel"),
                        frame("java.nio.file.Files", "readAllBytes"),
                        CELL,
                        PULSE))
                .startsWith("sun.nio.fs.UnixNativeDispatcher.open0")
                .contains("called from dev.lakebench.app.ui.grid.ThumbnailGridView.updateItem");
        assertThat(ours(
                        frame("org.duckdb.DuckDBNative", "duckdb_jdbc_execute"),
                        frame("org.duckdb.DuckDBPreparedStatement", "execute"),
                        frame("dev.lakebench.core.backend.local.LocalBackend", "query"),
                        frame("dev.lakebench.core.client.Client", "query"),
                        CELL))
                .contains("org.duckdb.DuckDBNative")
                .contains("called from dev.lakebench.core.backend.local.LocalBackend.query");
        assertThat(ours(frame("java.io.File", "exists"), CELL)).isNotNull();
    }

    @Test
    void aPathsStringWorkDoesNotCount() {
        // Path.getFileName, Path.resolve(String), Path.of: no file is touched
        assertThat(ours(frame("sun.nio.fs.UnixPath", "getFileName"), CELL)).isNull();
        assertThat(ours(
                        frame("sun.nio.fs.UnixPath", "normalizeAndCheck"),
                        frame("sun.nio.fs.UnixPath", "<init>"),
                        frame("sun.nio.fs.UnixFileSystem", "getPath"),
                        frame("java.nio.file.Path", "resolve"),
                        CELL))
                .isNull();
        assertThat(ours(
                        frame("sun.nio.fs.Util", "toBytes"),
                        frame("sun.nio.fs.UnixPath", "encode"),
                        frame("sun.nio.fs.UnixFileSystem", "getPath"),
                        frame("java.nio.file.Path", "of"),
                        CELL))
                .isNull();
        assertThat(ours(frame("java.io.File", "getName"), CELL)).isNull();
    }

    @Test
    void plainValuesOfTheNativeAndBackendPackagesDoNotCount() {
        // a decoded video picture handed to the screen: a record's accessor, which once failed VideoPlaybackFxTest
        assertThat(ours(
                        frame("dev.lakebench.natives.media.VideoDecoder$Picture", "bgra"),
                        frame("dev.lakebench.app.ui.detail.DetailView", "showFrame"),
                        PULSE))
                .isNull();
        // a connection URL checked as it is typed
        assertThat(ours(
                        frame("dev.lakebench.core.backend.postgres.PgSettings", "parse"),
                        frame("dev.lakebench.app.ui.browser.ConnectionDialog", "validate")))
                .isNull();
        // a timestamp printed in a result cell
        assertThat(ours(frame("java.sql.Timestamp", "toString"), CELL)).isNull();
    }

    @Test
    void whatJavaFxOrTheClassLoaderReadsOnTheWorkbenchsBehalfDoesNotCount() {
        // a font opened to measure a label's text
        assertThat(ours(
                        frame("java.io.RandomAccessFile", "readBytes"),
                        frame("com.sun.javafx.font.PrismFontFile", "readTable"),
                        frame("javafx.scene.text.Text", "getLayoutBounds"),
                        CELL))
                .isNull();
        // a style sheet read from the application's jar
        assertThat(ours(
                        frame("java.io.RandomAccessFile", "read"),
                        frame("java.util.zip.ZipFile$Source", "readAt"),
                        frame("javafx.css.CssParser", "parse"),
                        frame("dev.lakebench.app.ui.theme.Theme", "apply")))
                .isNull();
    }

    @Test
    void theTestsOwnWorkOnTheFxThreadDoesNotCount() {
        assertThat(ours(
                        frame("java.nio.file.Files", "walk"),
                        frame("dev.lakebench.app.ui.UiFixtures", "sampleImages"),
                        frame("dev.lakebench.app.ui.grid.GridFxTest", "lambda$open$0"),
                        frame("dev.lakebench.app.ui.FxFixture", "lambda$onFx$1")))
                .isNull();
    }
}
