package dev.lakebench.app.ui.common;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The one way the workbench runs background work: {@code tasks.create("Load tables", ctx -> ...)
 * .onSuccess(v -> ...).start()}. Work runs on the background pool, callbacks on the UI thread; tracked tasks
 * appear in the status bar with progress and a cancel button; failures become {@link ErrorReport}s and go to
 * the error surface unless the caller handles them; work stopped by its cancel switch ends as cancelled, not
 * as an error.
 */
public final class Tasks {

    /** Work that may report progress and must check (or register with) its cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext ctx) throws Exception;
    }

    private final Threads threads;
    private final TaskCenter center;
    private final Consumer<ErrorReport> errors;

    public Tasks(Threads threads, TaskCenter center, Consumer<ErrorReport> errors) {
        this.threads = threads;
        this.center = center;
        this.errors = errors;
    }

    public Threads threads() {
        return threads;
    }

    public TaskCenter center() {
        return center;
    }

    /** Reports a failure on the error surface (call on the UI thread). */
    public void report(ErrorReport report) {
        errors.accept(report);
    }

    public <T> Builder<T> create(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** Configures and starts one task. */
    public final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<? super T> onSuccess = v -> {};
        private Consumer<ErrorReport> onFailure;
        private Runnable onCancelled = () -> {};
        private Cancellation cancellation = Cancellation.none();
        private boolean tracked = true;
        private boolean cancellable = true;

        private Builder(String title, Work<T> work) {
            this.title = Objects.requireNonNull(title);
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<? super T> c) {
            this.onSuccess = c;
            return this;
        }

        /** Handles failures here instead of the shared error surface. */
        public Builder<T> onFailure(Consumer<ErrorReport> c) {
            this.onFailure = c;
            return this;
        }

        public Builder<T> onCancelled(Runnable r) {
            this.onCancelled = r;
            return this;
        }

        public Builder<T> cancellation(Cancellation c) {
            this.cancellation = Objects.requireNonNull(c);
            return this;
        }

        /** Quick internal work (loading a tree level) stays out of the status bar. */
        public Builder<T> untracked() {
            this.tracked = false;
            return this;
        }

        public Builder<T> notCancellable() {
            this.cancellable = false;
            return this;
        }

        public TrackedTask start() {
            TrackedTask task = new TrackedTask(title, cancellation, cancellable);
            Latest<Double> progress = new Latest<>(threads.ui(), task::setProgress);
            Latest<String> message = new Latest<>(threads.ui(), task::setMessage);
            TaskContext ctx = new TaskContext() {
                @Override
                public Cancellation cancellation() {
                    return cancellation;
                }

                @Override
                public void progress(double fraction) {
                    progress.offer(fraction);
                }

                @Override
                public void message(String m) {
                    message.offer(m == null ? "" : m);
                }
            };
            if (threads.background().isShutdown()) {
                task.finish(TrackedTask.State.CANCELLED); // the workbench is closing
                return task;
            }
            if (tracked) {
                threads.ui().execute(() -> center.started(task));
            }
            try {
                threads.background().execute(() -> run(task, ctx));
            } catch (RejectedExecutionException e) {
                end(task);
                task.finish(TrackedTask.State.CANCELLED);
            }
            return task;
        }

        private void run(TrackedTask task, TaskContext ctx) {
            T value;
            try {
                value = work.run(ctx);
            } catch (Throwable e) {
                boolean cancelled = cancellation.isCancelled() || isCancel(e);
                ErrorReport report = cancelled ? null : ErrorReport.of(title, e);
                threads.ui().execute(() -> {
                    end(task);
                    if (cancelled) {
                        onCancelled.run();
                        task.finish(TrackedTask.State.CANCELLED);
                    } else {
                        (onFailure != null ? onFailure : errors).accept(report);
                        task.finish(TrackedTask.State.FAILED);
                    }
                });
                return;
            }
            threads.ui().execute(() -> {
                end(task);
                onSuccess.accept(value);
                task.finish(TrackedTask.State.SUCCEEDED);
            });
        }

        private void end(TrackedTask task) {
            if (tracked) {
                center.ended(task);
            }
        }
    }

    static boolean isCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ManagedServiceError m
                    && (m.code() == ErrorCode.QUERY_CANCELLED || m.code() == ErrorCode.INGEST_CANCELLED)) {
                return true;
            }
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
