package dev.lakebench.core.ingest;

import dev.lakebench.core.concurrent.NamedThreads;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs a format's normalization on its own thread, a few batches ahead of the writer, so that decoding and mask
 * rendering overlap with the engine's appends. The producer thread owns the stream (it opens, reads and closes
 * it); a bounded queue keeps memory flat. {@link #close()} stops the producer and waits for it.
 */
final class BatchPrefetcher<T> implements Iterator<T>, AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private volatile boolean stopped;
    private Object next;

    BatchPrefetcher(Supplier<Stream<T>> source, int ahead, String name) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, ahead));
        this.producer = NamedThreads.factory("lakebench-format-" + name, true).newThread(() -> produce(source));
        producer.start();
    }

    private void produce(Supplier<Stream<T>> source) {
        Object last = END;
        try (Stream<T> stream = source.get()) {
            Iterator<T> it = stream.iterator();
            while (!stopped && it.hasNext()) {
                if (!put(it.next())) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            last = e;
        }
        put(last);
    }

    /** Waits for room; false when the consumer stopped meanwhile. */
    private boolean put(Object item) {
        try {
            while (!stopped) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
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
        if (next instanceof Error e) {
            next = END;
            throw e;
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object out = next;
        next = null;
        return (T) out;
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
