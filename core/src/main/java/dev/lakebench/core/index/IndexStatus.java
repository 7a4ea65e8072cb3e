package dev.lakebench.core.index;

/**
 * Where an index is in its lifecycle, as one immutable value: the builds swap in a new one atomically, so a
 * reader sees state, progress, generation and failure that belong together. Searches use an index only when it
 * is {@link State#READY} at the table's current write generation.
 *
 * <pre>
 *   open ──(directory new, damaged, other format)──▶ BUILDING ──▶ CATCHING_UP ──▶ READY
 *   open ──(directory valid)──────────────────────────────────▶ CATCHING_UP ──▶ READY
 *   READY ──(table write)──▶ CATCHING_UP ──▶ READY
 *   BUILDING / CATCHING_UP ──(error)──▶ FAILED          (searches run exactly)
 *   BUILDING ──(cancelled, or the workspace closes)──▶  the directory stays incomplete: rebuilt at the next open
 * </pre>
 *
 * @param generation the table write generation the index has caught up to (-1: none yet)
 */
public record IndexStatus(State state, double progress, long generation, String failure) {

    /** Lifecycle of an index. */
    public enum State {
        BUILDING,
        CATCHING_UP,
        READY,
        FAILED
    }

    /** The status of a directory just opened. */
    static IndexStatus opened(boolean needsBuild) {
        return new IndexStatus(needsBuild ? State.BUILDING : State.CATCHING_UP, 0, -1, null);
    }

    IndexStatus building(double p) {
        return new IndexStatus(State.BUILDING, p, generation, null);
    }

    /** A ready index starts catching up; other states stay (a build in progress catches up at its end). */
    IndexStatus catchingUp() {
        return state == State.READY ? new IndexStatus(State.CATCHING_UP, progress, generation, null) : this;
    }

    IndexStatus ready(long atGeneration) {
        return new IndexStatus(State.READY, 1, atGeneration, null);
    }

    IndexStatus failed(String why) {
        return new IndexStatus(State.FAILED, progress, generation, why);
    }

    /** Built and caught up with the table's write generation {@code tableGeneration}. */
    public boolean readyAt(long tableGeneration) {
        return state == State.READY && generation == tableGeneration;
    }

    /** A build or catch-up is under way. */
    public boolean busy() {
        return state == State.BUILDING || state == State.CATCHING_UP;
    }
}
