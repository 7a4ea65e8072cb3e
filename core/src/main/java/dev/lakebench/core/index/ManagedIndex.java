package dev.lakebench.core.index;

import dev.lakebench.core.index.lucene.LuceneIndex;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One declared index: its Lucene handle and its lifecycle status. The status is an immutable value swapped
 * atomically; maintenance of the directory (build, catch-up, close) runs one at a time under a lock that only
 * this class holds.
 */
final class ManagedIndex {

    /** Work on the directory that must not overlap other work on it. */
    @FunctionalInterface
    interface Exclusive {
        void run() throws IOException, SQLException;
    }

    private final LuceneIndex handle;
    private final AtomicReference<IndexStatus> status;
    private final ReentrantLock maintenance = new ReentrantLock();

    ManagedIndex(LuceneIndex handle) {
        this.handle = handle;
        this.status = new AtomicReference<>(IndexStatus.opened(handle.needsBuild()));
    }

    IndexDefinition definition() {
        return handle.definition();
    }

    LuceneIndex handle() {
        return handle;
    }

    IndexStatus status() {
        return status.get();
    }

    /** Swaps the status (the builds' transitions). */
    void status(UnaryOperator<IndexStatus> transition) {
        status.updateAndGet(transition);
    }

    /** Runs {@code work} while no other maintenance of this index runs. */
    void exclusive(Exclusive work) throws IOException, SQLException {
        maintenance.lock();
        try {
            work.run();
        } finally {
            maintenance.unlock();
        }
    }

    /** Closes the directory once the maintenance in progress (if any) has stopped; uncommitted work is discarded. */
    void close() throws IOException {
        maintenance.lock();
        try {
            handle.close();
        } finally {
            maintenance.unlock();
        }
    }
}
