package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.shell.Workbench;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench window on a data directory for TestFX tests. */
public final class FxFixture {

    private FxFixture() {}

    /**
     * The longest any wait for the window may take: a bound that only a broken workbench reaches, also on a shared
     * 2-core machine under other builds' load (a wait ends as soon as its condition holds).
     */
    public static final long MAX_WAIT_SECONDS = 300;

    /** The threads of each open workbench, so that closing it can wait until its background work has stopped. */
    private static final Map<Workbench, Threads> THREADS = new ConcurrentHashMap<>();

    public static Workbench start(Stage stage, Path dataRoot) {
        return start(stage, dataRoot, new dev.lakebench.core.connections.MemoryCredentialStore());
    }

    /** With saved connections in the data directory and tokens in the given store (never the machine's keychain). */
    public static Workbench start(Stage stage, Path dataRoot, dev.lakebench.natives.keychain.CredentialStore keychain) {
        return start(stage, dataRoot, keychain, 1280, 800);
    }

    /** A window of the given size (what the settings say it had when it was last closed). */
    public static Workbench start(Stage stage, Path dataRoot, double width, double height) {
        return start(stage, dataRoot, new dev.lakebench.core.connections.MemoryCredentialStore(), width, height);
    }

    /** With tokens in the given store, in a window of the given size. */
    public static Workbench start(
            Stage stage,
            Path dataRoot,
            dev.lakebench.natives.keychain.CredentialStore keychain,
            double width,
            double height) {
        Settings settings = Settings.load(dataRoot.resolve("workbench").resolve("settings.json"));
        settings.put("window.width", width);
        settings.put("window.height", height);
        Threads threads = Threads.forFx();
        Workbench w = new Workbench(
                dataRoot,
                settings,
                threads,
                () -> new dev.lakebench.core.connections.ManagedConnections(
                        dev.lakebench.core.connections.ConnectionStore.in(dataRoot),
                        new dev.lakebench.core.connections.TokenVault(keychain),
                        k -> null));
        THREADS.put(w, threads);
        w.show(stage);
        return w;
    }

    /**
     * Tasks for a view model shown in a test's own scene: background work on the given threads' pools, callbacks on
     * the FX thread, failures collected in {@code errors}.
     */
    public static dev.lakebench.app.ui.common.Tasks tasks(
            Threads threads, java.util.List<dev.lakebench.app.ui.common.ErrorReport> errors) {
        return new dev.lakebench.app.ui.common.Tasks(
                threads, new dev.lakebench.app.ui.common.TaskCenter(), errors::add);
    }

    /**
     * Waits until the condition holds, then until the FX thread has run what it had queued and one whole pulse
     * (CSS, layout, rendering) after it. {@code seconds} says how long the step takes on a quiet machine; the wait
     * allows at least {@link #MAX_WAIT_SECONDS}, so that a loaded machine slows a test down instead of failing it.
     *
     * <p>The condition runs on the FX thread: the scene graph may only be read there, and a lookup walking it while
     * the FX thread changes it fails at random ("Index 2 out of bounds for length 1"). Conditions that sleep or read
     * files use {@link #awaitOffFx}.
     */
    public static void await(long seconds, Callable<Boolean> condition) {
        awaitOffFx(seconds, () -> onFx(condition));
    }

    /** {@link #await}, with the condition run on the calling thread: for one that sleeps or reads files. */
    public static void awaitOffFx(long seconds, Callable<Boolean> condition) {
        long limit = Math.max(seconds, MAX_WAIT_SECONDS);
        try {
            WaitForAsyncUtils.waitFor(limit, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + limit + " s", e);
        }
        settle();
    }

    /**
     * The value of {@code read}, computed on the FX thread (here when already on it): how a test reads the scene
     * graph or a control's state (items, text, selection) that the FX thread may be changing. A checked exception
     * of {@code read} comes back wrapped in an {@link IllegalStateException}.
     */
    public static <T> T onFx(Callable<T> read) {
        return on(Platform.isFxApplicationThread(), Platform::runLater, "the FX thread", read);
    }

    /**
     * The value of {@code call}, computed by the thread behind {@code thread} ({@code name}), or here when the caller
     * is that thread ({@code here}). Its exceptions and assertion errors are thrown here, a checked exception
     * wrapped in an {@link IllegalStateException}; a thread that does not answer within {@link #MAX_WAIT_SECONDS}
     * fails the test.
     */
    static <T> T on(boolean here, java.util.concurrent.Executor thread, String name, Callable<T> call) {
        if (here) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException x) {
                throw x;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(name + " did not answer within " + MAX_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * An FX-thread barrier: returns once the FX thread has run every event queued so far and then one whole pulse,
     * so that CSS and layout caused by what the test did (a drag, new text, a shown node) have been applied.
     * {@link WaitForAsyncUtils#waitForFxEvents()} alone does not wait for a pulse.
     */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        CountDownLatch pulses = new CountDownLatch(2);
        AnimationTimer[] timer = new AnimationTimer[1];
        Platform.runLater(() -> {
            // a running timer makes the toolkit pulse; its second call starts the pulse after the one that
            // followed the events above, so that one's CSS and layout are done
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.countDown();
                    if (pulses.getCount() == 0) {
                        stop();
                    }
                }
            };
            timer[0].start();
        });
        try {
            if (!pulses.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("no FX pulse within " + MAX_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The node matching the query that is on screen (other tabs hold nodes with the same id), found on the FX
     * thread.
     */
    @SuppressWarnings("unchecked")
    public static <T extends javafx.scene.Node> T showing(FxRobot robot, String query) {
        return onFx(() -> (T) robot.lookup(query).queryAll().stream()
                .filter(FxFixture::isShowing)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing on screen matches " + query)));
    }

    public static boolean isShowing(javafx.scene.Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Saves a picture of the window to {@code <lakebench.snaps>/<name>.png} when that system property names a
     * folder (to look at a screen while working on it); does nothing otherwise.
     */
    public static void snap(FxRobot robot, javafx.scene.Scene scene, String name) {
        String folder = System.getProperty("lakebench.snaps");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        try {
            java.nio.file.Files.createDirectories(Path.of(folder));
            javax.imageio.ImageIO.write(
                    javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null),
                    "png",
                    Path.of(folder).resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Closes the workbench on the FX thread, then waits (here, not on the FX thread) until its background work has
     * stopped: a query or settings write still running would otherwise touch the data directory while the test
     * deletes it.
     */
    public static void close(FxRobot robot, Workbench w) {
        if (w == null) {
            return;
        }
        robot.interact(w::close);
        Threads threads = THREADS.remove(w);
        if (threads != null) {
            try {
                if (!threads.awaitTermination(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError(
                            "the workbench's background work still ran " + MAX_WAIT_SECONDS + " s after it was closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
