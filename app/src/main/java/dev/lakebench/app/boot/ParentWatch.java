package dev.lakebench.app.boot;

import java.util.Optional;

/**
 * Runs in a re-launched JVM: when the launcher process that started it ends, however it ends (even
 * {@code kill -9}), this JVM exits too, through its shutdown hooks so the workspace lock and open files are
 * released. Without it an orphaned child kept ingesting and holding the workspace.
 */
final class ParentWatch {

    /** Exit status of a child whose launcher vanished (128 + SIGHUP, as a shell reports a hung-up job). */
    static final int ORPHANED = 129;

    private ParentWatch() {}

    static void start(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().exit(ORPHANED);
            return;
        }
        Thread t = new Thread(
                () -> {
                    ProcessHandle p = parent.get();
                    while (p.isAlive()
                            && ProcessHandle.current()
                                    .parent()
                                    .map(h -> h.pid() == parentPid)
                                    .orElse(false)) {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    Runtime.getRuntime().exit(ORPHANED);
                },
                "lakebench-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
