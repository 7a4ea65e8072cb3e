package dev.lakebench.core.index.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Objects a running statement's engine functions need (query vectors, BM25 queries, search hits, write
 * targets), registered under short handles that the SQL passes as parameters. A statement registers what it
 * needs before it runs and releases it when its result is read.
 */
public final class QueryHandles {

    /** A normalised 1-D query vector. */
    public record UnitVector(float[] unit) {}

    /** Normalised query rows of a multi-vector (zero rows are null). */
    public record UnitRows(float[][] rows) {}

    /** The log a write appends to, with the column it belongs to (for error messages). */
    public record VectorTarget(dev.lakebench.core.store.VectorLog log, String table, String column) {}

    private final Map<String, Object> handles = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    public String register(Object payload) {
        String h = "lbq" + next.incrementAndGet();
        handles.put(h, payload);
        return h;
    }

    public <T> T get(String handle, Class<T> type) {
        Object o = handles.get(handle);
        if (!type.isInstance(o)) {
            throw new IllegalStateException(
                    "search handle " + handle + " is not registered (statement already finished?)");
        }
        return type.cast(o);
    }

    public void release(String handle) {
        handles.remove(handle);
    }

    /** Handles currently registered (a leak check for tests). */
    public int size() {
        return handles.size();
    }
}
