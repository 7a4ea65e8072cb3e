package dev.lakebench.app.ui;

import dev.lakebench.app.ui.shell.Workbench;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The workbench window of a window test: before each test the data directory is seeded (off the FX thread, outside
 * TestFX's set-up time limit) and the workbench started on it in TestFX's stage; after each test the window is
 * closed and its background work waited for ({@link FxFixture#close}), before JUnit deletes the directory.
 *
 * <pre>{@code
 * @TempDir Path dir;
 * @RegisterExtension final WorkbenchFixture window = new WorkbenchFixture(() -> dir).seeded(UiFixtures::seedImages);
 * }</pre>
 *
 * Registered after the class's {@code @ExtendWith(FxRobotExtension.class)}, it runs once TestFX has set up its
 * stage, and closes the window before TestFX cleans up.
 */
public final class WorkbenchFixture implements BeforeEachCallback, AfterEachCallback {

    /** Puts the test's data into the data directory before the window starts. */
    @FunctionalInterface
    public interface Seed {
        void seed(Path dataDir) throws Exception;
    }

    private final Supplier<Path> dataDir;
    private Seed seed = d -> {};
    private dev.lakebench.natives.keychain.CredentialStore keychain =
            new dev.lakebench.core.connections.MemoryCredentialStore();
    private double width = 1280;
    private double height = 800;
    private volatile Path dir;
    private volatile Stage stage;
    private volatile Workbench workbench;

    /** A window on the data directory {@code dataDir} names when the test starts (a {@code @TempDir} or below). */
    public WorkbenchFixture(Supplier<Path> dataDir) {
        this.dataDir = dataDir;
    }

    public WorkbenchFixture seeded(Seed s) {
        this.seed = s;
        return this;
    }

    /** Where the workbench keeps connection tokens; a store of its own in memory unless given. */
    public WorkbenchFixture keychain(dev.lakebench.natives.keychain.CredentialStore store) {
        this.keychain = store;
        return this;
    }

    /** The window's size (what the settings say it had when it was last closed); 1280 × 800 unless given. */
    public WorkbenchFixture size(double w, double h) {
        this.width = w;
        this.height = h;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = dataDir.get();
        seed.seed(dir);
        stage = FxToolkit.setupStage(s -> workbench = FxFixture.start(s, dir, keychain, width, height));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public Workbench workbench() {
        return workbench;
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the window now and waits for its background work to stop (a restart test reads what it saved). */
    public void close() {
        Workbench w = workbench;
        workbench = null;
        FxFixture.close(new FxRobot(), w);
    }

    /** Starts the workbench again on the same data directory, in a new window (after {@link #close}). */
    public void reopen() {
        new FxRobot().interact(() -> {
            stage.hide();
            stage = new Stage();
            workbench = FxFixture.start(stage, dir, keychain, width, height);
        });
    }
}
