package dev.lakebench.app.ui;

import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.TaskCenter;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.common.TrackedTask;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The UI thread of a view-model test, standing in for the FX thread of the workbench: one thread named "ui" runs
 * every update the view models hand to the UI executor, one at a time and in order. The test calls the view models
 * and reads their state on it as well ({@link #onUi}, {@link #await}), so that no read meets an update half done
 * and no call races a callback, as in the workbench, where all of it happens on the FX thread.
 *
 * <p>One per test: {@code ui = new UiThread(errors)}, view models built with {@link #tasks()}, and
 * {@link #drain()} (or {@link #close()}) before the test closes its sessions.
 */
public final class UiThread implements AutoCloseable {

    /** A test step run on the UI thread that returns nothing. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final ThreadPoolExecutor executor;
    private final java.util.concurrent.locks.ReentrantLock handOffs = new java.util.concurrent.locks.ReentrantLock();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Tasks tasks;
    private volatile Thread thread;

    /** A UI thread whose tasks report their failures to {@code errors}. */
    public UiThread(List<ErrorReport> errors) {
        // one thread at most; it ends when idle (a test's last update) and a later call starts the next
        executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ui");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        tasks = new Tasks(Threads.withUi(this::execute), new TaskCenter(), errors::add);
    }

    public UiThread() {
        this(UiFixtures.errors());
    }

    /** The tasks to give view models: background work on pools, every callback on this thread. */
    public Tasks tasks() {
        return tasks;
    }

    /** Whether the caller runs on this UI thread. */
    public boolean isUiThread() {
        return Thread.currentThread() == thread;
    }

    private void execute(Runnable update) {
        if (!isUiThread()) {
            handOffs.lock(); // waits while a step holds hand-offs (see holdingHandOffs)
            handOffs.unlock();
        }
        executor.execute(() -> {
            try {
                update.run();
            } catch (Throwable t) {
                // the FX thread would report it and carry on; here the test fails at its next wait or at drain
                failures.add(t);
            }
        });
    }

    /**
     * The value of {@code read}, computed on the UI thread (here when already on it): how a test calls a view
     * model and reads its state. An assertion or exception of {@code read} is thrown here; a checked exception
     * comes back wrapped in an {@link IllegalStateException}.
     */
    public <T> T onUi(Callable<T> read) {
        return FxFixture.on(isUiThread(), executor, "the UI thread", read);
    }

    /** Runs {@code step} on the UI thread (a call into a view model, a block of calls and assertions). */
    public void onUi(Step step) {
        onUi(() -> {
            step.run();
            return null;
        });
    }

    /**
     * Runs {@code step} on the UI thread while every other thread that hands the UI thread an update (a result,
     * a progress report) waits until the step has ended: a worker's first report then stops the worker until then.
     * For tests of what a user does while work runs (stop a read that has begun), however fast the machine is.
     */
    public void holdingHandOffs(Step step) {
        onUi(() -> {
            handOffs.lock();
            try {
                step.run();
            } finally {
                handOffs.unlock();
            }
        });
    }

    /**
     * Waits until the condition holds, evaluated on the UI thread every 10 ms. The wait allows
     * {@link FxFixture#MAX_WAIT_SECONDS} (a failure detector, not a performance claim), and fails at once when an
     * update on the UI thread has failed.
     */
    public void await(Callable<Boolean> condition) {
        notOnUi("await");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(FxFixture.MAX_WAIT_SECONDS);
        while (!onUi(condition)) {
            checkNoUpdateFailed();
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + FxFixture.MAX_WAIT_SECONDS + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits for a task to end: its callbacks (on success, failure or cancel) have then run on the UI thread. Work
     * they started (a refresh after a write) may still be running.
     */
    public TrackedTask.State await(TrackedTask task) {
        try {
            return task.finished().get(FxFixture.MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(
                    "task \"" + task.title() + "\" did not end within " + FxFixture.MAX_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts a task on the UI thread (a view model's action) and waits for it to end. */
    public TrackedTask.State run(Callable<TrackedTask> start) {
        return await(onUi(start));
    }

    /**
     * A UI-thread barrier: returns once the UI thread has run every update queued so far, and those the updates
     * queued in turn.
     */
    public void settle() {
        notOnUi("settle");
        while (!onUi(() -> executor.getQueue().isEmpty())) {
            // another round: an update queued more
        }
        checkNoUpdateFailed();
    }

    /**
     * The end of a test: waits until the background work has ended (a refresh a finished task started may still be
     * reading the workspace) and the UI thread has run what it handed over, so that the test closes its sessions
     * and deletes its folder only once nothing uses them. Fails if an update on the UI thread failed. Reads on the
     * UI thread still work afterwards; new tasks end as cancelled.
     */
    public void drain() {
        var background = tasks.threads().background();
        background.shutdown();
        try {
            if (!background.awaitTermination(FxFixture.MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "background work still running " + FxFixture.MAX_WAIT_SECONDS + " s after the test");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        settle();
        tasks.threads().shutdown();
    }

    @Override
    public void close() {
        drain();
    }

    private void notOnUi(String what) {
        if (isUiThread()) {
            throw new IllegalStateException(what + " would hold the UI thread it waits for: call it from the test");
        }
    }

    private void checkNoUpdateFailed() {
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("an update on the UI thread failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
