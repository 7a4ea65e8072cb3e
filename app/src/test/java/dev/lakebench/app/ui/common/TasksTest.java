package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiThread;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TasksTest {

    private final List<ErrorReport> errors = new CopyOnWriteArrayList<>();
    private final UiThread ui = new UiThread(errors);
    private final Tasks tasks = ui.tasks();
    private final TaskCenter center = tasks.center();

    @AfterEach
    void drain() {
        ui.drain();
    }

    @Test
    void successRunsTheCallbackAndLeavesTheStatusBar() throws Exception {
        AtomicReference<String> got = new AtomicReference<>();
        TrackedTask t = tasks.create("Work", ctx -> "done")
                .onSuccess(v -> got.set(ui.isUiThread() ? v : "called off the UI thread"))
                .start();
        assertThat(t.finished().get(60, TimeUnit.SECONDS)).isEqualTo(TrackedTask.State.SUCCEEDED);
        assertThat(got.get()).isEqualTo("done");
        assertThat(ui.onUi(() -> List.copyOf(center.running()))).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void failuresGoToTheErrorSurfaceAsReports() throws Exception {
        TrackedTask t = tasks.create("Load table", ctx -> {
                    throw new IllegalStateException("disk on fire");
                })
                .start();
        assertThat(t.finished().get(60, TimeUnit.SECONDS)).isEqualTo(TrackedTask.State.FAILED);
        assertThat(errors).singleElement().satisfies(r -> {
            assertThat(r.problem()).isEqualTo("Could not load table: disk on fire");
            assertThat(r.code()).isEqualTo(ErrorCode.INTERNAL);
        });
    }

    @Test
    void cancellingEndsAsCancelledNotAsAnError() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> cancelledCallback = new AtomicReference<>(false);
        TrackedTask t = tasks.create("Long query", ctx -> {
                    started.countDown();
                    CountDownLatch stop = new CountDownLatch(1);
                    ctx.cancellation().onCancel(stop::countDown);
                    stop.await();
                    throw new QueryError(ErrorCode.QUERY_CANCELLED, "Query cancelled", "");
                })
                .onCancelled(() -> cancelledCallback.set(true))
                .start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ui.onUi(() -> List.copyOf(center.running()))).containsExactly(t);
        t.cancel();
        assertThat(t.finished().get(60, TimeUnit.SECONDS)).isEqualTo(TrackedTask.State.CANCELLED);
        assertThat(cancelledCallback.get()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void progressReachesTheTask() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        TrackedTask t = tasks.create("Index", ctx -> {
                    ctx.progress(0.25);
                    ctx.message("250 rows");
                    go.await();
                    return 1;
                })
                .start();
        // progress and message reach the task one after the other: wait for both, not for the first only
        ui.await(() ->
                t.progressProperty().get() >= 0.25 && !t.messageProperty().get().isEmpty());
        assertThat(ui.onUi(() -> t.progressProperty().get())).isEqualTo(0.25);
        assertThat(ui.onUi(() -> t.messageProperty().get())).isEqualTo("250 rows");
        go.countDown();
        t.finished().get(60, TimeUnit.SECONDS);
    }

    @Test
    void latestDropsIntermediateValuesWhileOneIsPending() {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Latest<Integer> latest = new Latest<>(queued::add, seen::add);
        for (int i = 1; i <= 1000; i++) {
            latest.offer(i);
        }
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(seen).containsExactly(1000);
    }
}
