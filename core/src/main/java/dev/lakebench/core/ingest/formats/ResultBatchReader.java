package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.FormatContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Batches of columns read one ahead from a source (an engine result): {@link #read()} gives the next batch or
 * null at the end and sets {@link #done} when the source is exhausted; a cancelled ingest stops asking.
 */
abstract class ResultBatchReader implements Iterator<Map<String, List<?>>> {

    private final FormatContext context;
    private Map<String, List<?>> next;
    /** Set by {@link #read()} when no batch follows the one it returns. */
    protected boolean done;

    ResultBatchReader(FormatContext context) {
        this.context = context;
    }

    /** The next batch, or null when there is none. */
    protected abstract Map<String, List<?>> read();

    @Override
    public final boolean hasNext() {
        if (next == null && !done && !context.isCancelled()) {
            next = read();
        }
        return next != null;
    }

    @Override
    public final Map<String, List<?>> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<String, List<?>> out = next;
        next = null;
        return out;
    }
}
