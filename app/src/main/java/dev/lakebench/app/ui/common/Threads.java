package dev.lakebench.app.ui.common;

import dev.lakebench.core.concurrent.NamedThreads;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Every thread of the workbench, owned in one place: {@code background} for anything that touches disk,
 * network or the engine; {@code decode} (two threads) for pictures decoded for cells and thumbnails;
 * {@code io} (one non-daemon thread) for the workbench's own small files, so settings are written in order and
 * before the process ends; {@code ui} for everything that touches view state. In the workbench {@code ui} is the
 * FX thread; tests of view models, which run without a window, pass a single thread of their own that plays its
 * part. No other class of the workbench creates an executor or posts to the FX thread itself.
 */
public final class Threads {

    private final ExecutorService background;
    private final ExecutorService decode;
    private final ExecutorService io;
    private final Executor ui;

    private Threads(String prefix, Executor ui) {
        this.background = Executors.newCachedThreadPool(NamedThreads.factory(prefix + "-work", true));
        this.decode = Executors.newFixedThreadPool(2, NamedThreads.factory(prefix + "-decode", true));
        this.io = Executors.newSingleThreadExecutor(NamedThreads.factory(prefix + "-io", false));
        this.ui = ui;
    }

    /** The workbench's threads: named pools and the FX application thread. */
    public static Threads forFx() {
        return new Threads("lakebench-ui", Platform::runLater);
    }

    /**
     * Background work on named pools, UI callbacks on the given executor: for view-model tests, whose UI thread is
     * a single thread standing in for the FX thread (every update runs on it, one at a time, in order).
     */
    public static Threads withUi(Executor ui) {
        return new Threads("lakebench-ui-test", ui);
    }

    /** Starts one named thread for a single job outside the pools (e.g. start-up work before the pools exist). */
    public static Thread start(String name, boolean daemon, Runnable job) {
        Thread t = new Thread(job, name);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    /** Runs on the FX thread after the current event (e.g. a focus request once a control is shown). */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }

    public ExecutorService background() {
        return background;
    }

    public Executor decode() {
        return decode;
    }

    public Executor io() {
        return io;
    }

    public Executor ui() {
        return ui;
    }

    /** A new executor that runs its tasks one at a time, in order, on the background pool. */
    public Executor serial() {
        return new SerialExecutor(background);
    }

    /**
     * Waits (off the FX thread) until every pool has stopped after {@link #shutdown}: work that was running when
     * the window closed may still be finishing, e.g. a settings file being written. False if some still run.
     */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ExecutorService s : List.of(background, decode, io)) {
            if (!s.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Stops the pools; the io thread first finishes what it was given (settings being written), for up to 2 s. */
    public void shutdown() {
        for (ExecutorService s : List.of(background, decode)) {
            s.shutdownNow();
        }
        io.shutdown();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
