package dev.lakebench.core.dataset;

import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.concurrent.NamedThreads;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Batches of a cursor, built one ahead on a background thread so that the next batch is ready while the
 * caller trains on the current one. Close it (or read to the end) to release the cursor.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {

    private static final ThreadFactory THREADS = NamedThreads.factory("lakebench-dataset-prefetch", true);
    private static final Object END = new Object();

    private final RowCursor cursor;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread producer;
    private volatile boolean closed;
    private Object next;

    BatchIterator(RowCursor cursor, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.cursor = cursor;
        this.producer = THREADS.newThread(() -> produce(batchSize));
        producer.start();
    }

    private void produce(int batchSize) {
        try {
            BatchBuilder b = new BatchBuilder(cursor.columns(), batchSize);
            while (!closed && cursor.hasNext()) {
                b.add(cursor.next());
                if (b.isFull()) {
                    queue.put(b.build());
                    b = new BatchBuilder(cursor.columns(), batchSize);
                }
            }
            if (!closed && b.size() > 0) {
                queue.put(b.build());
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        } finally {
            cursor.close();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            if (closed) {
                return false;
            }
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (next instanceof RuntimeException e) {
            next = END;
            throw e;
        }
        return next != END;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch b = (Batch) next;
        next = null;
        return b;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear();
    }
}
