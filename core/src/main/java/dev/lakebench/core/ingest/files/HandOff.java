package dev.lakebench.core.ingest.files;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The bounded queue between the normalising workers and the single writer, bounded by the bytes it holds
 * (rows of videos and PDFs are megabytes, rows of text a few KB), so memory stays flat however many files and
 * however large. An item larger than the whole budget still passes, alone.
 */
final class HandOff<T> {

    private static final long POLL_MS = 100;

    private final BlockingQueue<Sized<T>> queue = new LinkedBlockingQueue<>();
    private final Semaphore budgetKb;
    private final int capacityKb;

    private record Sized<T>(T item, int kb) {}

    HandOff(long budgetBytes) {
        this.capacityKb = (int) Math.max(1, budgetBytes >> 10);
        this.budgetKb = new Semaphore(capacityKb);
    }

    /**
     * Hands an item on, waiting while the budget is used up; gives up (returns false) as soon as {@code stop}
     * says so.
     */
    boolean put(T item, long bytes, BooleanSupplier stop) throws InterruptedException {
        int kb = (int) Math.min(capacityKb, Math.max(1, bytes >> 10));
        while (!budgetKb.tryAcquire(kb, POLL_MS, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        queue.add(new Sized<>(item, kb));
        return true;
    }

    /** The next item, or null after {@code timeoutMs} without one. */
    T poll(long timeoutMs) throws InterruptedException {
        Sized<T> s = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (s == null) {
            return null;
        }
        budgetKb.release(s.kb());
        return s.item();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
