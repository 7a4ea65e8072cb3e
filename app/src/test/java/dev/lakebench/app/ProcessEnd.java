package dev.lakebench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/** Waits for a started app process to end, and leaves none of its processes behind whatever happens. */
final class ProcessEnd {

    private ProcessEnd() {}

    static void await(Process p, long seconds) throws InterruptedException {
        try {
            assertThat(p.waitFor(seconds, TimeUnit.SECONDS))
                    .as("the process ended within %d s", seconds)
                    .isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
