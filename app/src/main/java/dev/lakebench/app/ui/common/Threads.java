package dev.lakebench.app.ui.common;

import dev.lakebench.core.concurrent.NamedThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Where work runs: {@code background} for anything that touches disk, network or the engine, {@code ui} for
 * everything that touches view state. In the workbench {@code ui} is the FX thread; tests of view models pass a
 * same-thread executor so that they run without a window and deterministically.
 */
public record Threads(ExecutorService background, Executor ui) {

    /** The workbench's threads: a named, growing pool of daemon threads and the FX application thread. */
    public static Threads forFx() {
        return new Threads(Executors.newCachedThreadPool(NamedThreads.factory("lakebench-ui-work", true)),
                javafx.application.Platform::runLater);
    }

    /** Background work on a named pool; UI callbacks run on whichever thread finishes the work (tests). */
    public static Threads direct() {
        return new Threads(Executors.newCachedThreadPool(NamedThreads.factory("lakebench-ui-test", true)), Runnable::run);
    }

    public void shutdown() {
        background.shutdownNow();
    }
}
