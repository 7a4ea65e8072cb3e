package dev.lakebench.app.ui.tour;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/** Steps of a scripted walk through the real window, from a thread that is not the FX thread. */
final class FxSteps {

    private FxSteps() {}

    /** Runs {@code r} on the FX thread and waits for it; what it throws is rethrown here. */
    static void fx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX action timed out");
        }
        if (failed.get() != null) {
            throw new IllegalStateException(failed.get());
        }
    }

    /** Polls {@code c} on the FX thread every {@code pollMillis} until it holds, for at most {@code seconds}. */
    static void await(long seconds, long pollMillis, Callable<Boolean> c) throws Exception {
        long until = System.currentTimeMillis() + seconds * 1000;
        while (true) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            fx(() -> {
                try {
                    ok.set(c.call());
                } catch (Exception e) {
                    ok.set(false);
                }
            });
            if (ok.get()) {
                return;
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("timed out waiting");
            }
            Thread.sleep(pollMillis);
        }
    }
}
