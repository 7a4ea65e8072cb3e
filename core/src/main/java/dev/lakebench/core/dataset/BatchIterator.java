package dev.lakebench.core.dataset;

import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.concurrent.NamedThreads;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Batches of a cursor, built one ahead on a background thread so that the next batch is ready while the
 * caller trains on the current one. It is also an {@link Iterable} ({@code for (Batch b : ds.batches(32))},
 * once) and a {@link #stream()}. Reading to the end, closing it, or closing the stream releases the cursor;
 * a loop left early without closing releases it once the iterator is garbage.
 */
public final class BatchIterator implements Iterator<Batch>, Iterable<Batch>, AutoCloseable {

    private static final ThreadFactory THREADS = NamedThreads.factory("lakebench-dataset-prefetch", true);
    private static final Cleaner CLEANER = Cleaner.create(NamedThreads.factory("lakebench-dataset-cleaner", true));
    private static final Object END = new Object();

    /** What the producer thread uses; it holds no reference to the iterator, so an abandoned iterator is collectable. */
    private static final class Producer implements Runnable {
        final RowCursor cursor;
        final int batchSize;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        volatile boolean closed;
        volatile Thread thread;

        Producer(RowCursor cursor, int batchSize) {
            this.cursor = cursor;
            this.batchSize = batchSize;
        }

        @Override
        public void run() {
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

        void stop() {
            closed = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
            queue.clear();
        }
    }

    private final Producer producer;
    private final Cleaner.Cleanable cleanable;
    private Object next;
    private boolean iterated;

    BatchIterator(RowCursor cursor, int batchSize) {
        if (batchSize <= 0) {
            cursor.close();
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.producer = new Producer(cursor, batchSize);
        Thread t = THREADS.newThread(producer);
        producer.thread = t;
        this.cleanable = CLEANER.register(this, producer::stop);
        t.start();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            if (producer.closed) {
                return false;
            }
            try {
                next = producer.queue.take();
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

    /** This iterator, for a for-each loop; the batches can be walked once (call {@code batches(n)} again for more). */
    @Override
    public Iterator<Batch> iterator() {
        if (iterated) {
            throw new IllegalStateException(
                    "these batches were already iterated; call batches(n) again for another pass");
        }
        iterated = true;
        return this;
    }

    /** The batches as a stream; closing the stream (try-with-resources) releases the cursor. */
    public Stream<Batch> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
