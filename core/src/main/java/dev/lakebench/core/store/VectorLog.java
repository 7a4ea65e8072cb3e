package dev.lakebench.core.store;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.concurrent.SerialExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * Append-only file of float32 vectors for one EMBEDDING or EMBEDDING_2D column: the storage of vectors beside
 * the table (see docs/decisions/0002-vector-storage.md). Layout: a 64-byte header (magic, format version, kind,
 * dimension, id), then records. A 1-D record is {@code dim} little-endian floats; a multi-vector record is an
 * int32 row count followed by {@code rows * dim} floats. Records are never rewritten.
 *
 * <p>Appends fill 1 MiB buffers; full buffers are written on a background I/O thread while the caller keeps
 * appending (the disk, not the CPU, bounds a vector ingest). Before the engine transaction that stores the
 * references commits, its records must be durable: {@link #mark()} on the writer thread, then
 * {@link #awaitDurable} (possibly on a committer thread while the writer goes on), or {@link #sync()} for both. After a crash the file is cut back to
 * the length the catalog recorded with the last commit. Reads go through a memory mapping, from any thread.
 *
 * <p>Appends, {@link #mark()}, {@link #sync()} and {@link #rollbackTo} come from one writer thread at a time.
 */
public final class VectorLog implements AutoCloseable {

    public static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 64;
    private static final byte[] MAGIC = "LBVECLOG".getBytes(StandardCharsets.US_ASCII);
    private static final ValueLayout.OfFloat FLOAT =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int BUFFER_BYTES = 1 << 20;
    /** Buffers per log: one being filled, the others queued for the I/O thread (bounds memory, gives backpressure). */
    private static final int BUFFERS = 4;

    private static final ExecutorService IO = NamedThreads.fixed("lakebench-vector-io", 2);

    /** What the records hold. */
    public enum Kind {
        VECTOR(1),
        MULTI_VECTOR(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown vector log kind " + code);
        }
    }

    private final Path path;
    private final int id;
    private final Kind kind;
    private final int dim;
    private final FileChannel channel;

    // ---- writer thread state ----
    private final BlockingQueue<ByteBuffer> freeBuffers = new ArrayBlockingQueue<>(BUFFERS);
    private ByteBuffer buffer;
    private MemorySegment bufferSegment;
    /** Bytes appended so far, buffered ones included. */
    private long length;
    /** File position of the current buffer's first byte. */
    private long bufferStart;

    // ---- shared with the I/O thread (guarded by this) ----
    /** This log's writes run in order on the I/O pool. */
    private final SerialExecutor io = new SerialExecutor(IO);
    /** Buffers handed to the I/O thread and not yet written. */
    private int inFlight;
    /** End of the bytes written to the file (contiguous: writes run in order). */
    private long written;
    /** Bytes known to be on disk. */
    private long durable;
    /** First failure of the I/O thread, reported by the next sync. */
    private IOException ioFailure;
    /** Serialises forces so that {@code durable} only moves forward. */
    private final Object forceLock = new Object();

    // ---- readers ----
    private volatile MemorySegment mapping = MemorySegment.NULL;
    private final Object mapLock = new Object();

    private VectorLog(Path path, int id, Kind kind, int dim, FileChannel channel, long length) {
        this.path = path;
        this.id = id;
        this.kind = kind;
        this.dim = dim;
        this.channel = channel;
        this.length = length;
        this.bufferStart = length;
        this.durable = length;
        this.written = length;
        for (int i = 0; i < BUFFERS; i++) {
            freeBuffers.add(ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN));
        }
        takeBuffer();
    }

    /** Creates a new, empty log. */
    public static VectorLog create(Path path, int id, Kind kind, int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("vector dimension must be positive: " + dim);
        }
        try {
            Files.createDirectories(path.getParent());
            FileChannel ch = FileChannel.open(
                    path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            h.put(MAGIC).putInt(FORMAT_VERSION).putInt(kind.code).putInt(dim).putInt(id);
            h.clear();
            while (h.hasRemaining()) {
                ch.write(h);
            }
            ch.force(true);
            return new VectorLog(path, id, kind, dim, ch, HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create vector log " + path, e);
        }
    }

    /**
     * Opens an existing log and cuts it back to {@code committedBytes}, dropping records that were written but
     * never committed (a crash between {@link #sync()} and the engine commit).
     */
    public static VectorLog open(Path path, int expectedId, long committedBytes) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h) > 0) {
                // read the whole header
            }
            h.flip();
            if (h.remaining() < HEADER_BYTES) {
                throw new IllegalStateException("vector log " + path + " is truncated (no header)");
            }
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException("file " + path + " is not a Lakebench vector log");
            }
            int version = h.getInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("vector log " + path + " has format version " + version
                        + ", this Lakebench reads version " + FORMAT_VERSION);
            }
            Kind kind = Kind.of(h.getInt());
            int dim = h.getInt();
            int id = h.getInt();
            if (id != expectedId) {
                throw new IllegalStateException(
                        "vector log " + path + " carries id " + id + ", expected " + expectedId);
            }
            long size = ch.size();
            long keep = Math.max(HEADER_BYTES, Math.min(committedBytes, size));
            if (size > keep) {
                ch.truncate(keep);
                ch.force(true);
            }
            return new VectorLog(path, id, kind, dim, ch, keep);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open vector log " + path, io);
            }
            throw (RuntimeException) e;
        }
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public int dimension() {
        return dim;
    }

    public Path path() {
        return path;
    }

    /** Bytes appended, including records not yet synced. */
    public long length() {
        return length;
    }

    /** Appends a 1-D vector and returns its reference. */
    public long append(float[] v) {
        if (kind != Kind.VECTOR) {
            throw new IllegalStateException("vector log " + id + " holds multi-vectors");
        }
        if (v.length != dim) {
            throw new IllegalArgumentException("expected a " + dim + "-dimensional vector, got " + v.length);
        }
        long ref = VectorRefs.encode(id, length);
        putFloats(v);
        return ref;
    }

    /** Appends a multi-vector (rows of {@code dim} floats) and returns its reference. */
    public long append(float[][] rows) {
        if (kind != Kind.MULTI_VECTOR) {
            throw new IllegalStateException("vector log " + id + " holds 1-D vectors");
        }
        for (float[] r : rows) {
            if (r.length != dim) {
                throw new IllegalArgumentException("expected rows of " + dim + " values, got " + r.length);
            }
        }
        long ref = VectorRefs.encode(id, length);
        room(Integer.BYTES);
        buffer.putInt(rows.length);
        length += Integer.BYTES;
        for (float[] r : rows) {
            putFloats(r);
        }
        return ref;
    }

    private void putFloats(float[] v) {
        int bytes = v.length * Float.BYTES;
        room(bytes);
        MemorySegment.copy(v, 0, bufferSegment, FLOAT, buffer.position(), v.length);
        buffer.position(buffer.position() + bytes);
        length += bytes;
    }

    private void room(int bytes) {
        if (bytes > BUFFER_BYTES) {
            throw new IllegalArgumentException("vector record too large: " + bytes + " bytes");
        }
        if (buffer.remaining() < bytes) {
            handOff();
        }
    }

    private void takeBuffer() {
        try {
            buffer = freeBuffers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for vector log " + path + " to write", e);
        }
        buffer.clear();
        bufferSegment = MemorySegment.ofBuffer(buffer);
    }

    /** Hands the current buffer to the I/O thread and takes a free one (waits while all are in flight). */
    private void handOff() {
        if (buffer.position() == 0) {
            return;
        }
        ByteBuffer full = buffer;
        long at = bufferStart;
        full.flip();
        bufferStart += full.remaining();
        synchronized (this) {
            inFlight++;
        }
        io.execute(() -> writeOut(full, at));
        takeBuffer();
    }

    /** I/O thread: writes one buffer at its position (buffers of one log are written in order). */
    private void writeOut(ByteBuffer full, long at) {
        IOException failure = null;
        long pos = at;
        try {
            while (full.hasRemaining()) {
                pos += channel.write(full, pos);
            }
        } catch (IOException e) {
            failure = e;
        }
        synchronized (this) {
            inFlight--;
            if (failure != null) {
                if (ioFailure == null) {
                    ioFailure = failure;
                }
            } else {
                written = Math.max(written, pos);
            }
            notifyAll();
        }
        freeBuffers.add(full);
    }

    /**
     * Writer thread: hands everything appended so far to the I/O thread and returns the length that
     * {@link #awaitDurable} can then wait for (possibly from another thread).
     */
    public long mark() {
        handOff();
        return length;
    }

    /**
     * Waits until the first {@code end} bytes are written and forced to disk. Safe to call from a thread other
     * than the writer (a committer), while the writer keeps appending.
     */
    public void awaitDurable(long end) {
        synchronized (this) {
            while (written < end && ioFailure == null) {
                waitIo();
            }
            if (ioFailure != null) {
                throw new UncheckedIOException("cannot write vector log " + path, ioFailure);
            }
            if (durable >= end) {
                return;
            }
        }
        synchronized (forceLock) {
            long target;
            synchronized (this) {
                if (durable >= end) {
                    return;
                }
                target = written;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync vector log " + path, e);
            }
            synchronized (this) {
                durable = Math.max(durable, target);
            }
        }
    }

    /** Makes every appended record durable; returns the length to record in the catalog with the commit. */
    public long sync() {
        long end = mark();
        awaitDurable(end);
        return end;
    }

    private void waitIo() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing vector log " + path, e);
        }
    }

    /**
     * Writer thread: drops records appended after {@code durableLength} (the engine transactions that
     * referenced them rolled back).
     */
    public void rollbackTo(long durableLength) {
        synchronized (this) {
            while (inFlight > 0) {
                waitIo();
            }
            ioFailure = null;
            durable = Math.min(durable, durableLength);
            written = durableLength;
        }
        buffer.clear();
        try {
            if (channel.size() > durableLength) {
                channel.truncate(durableLength);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back vector log " + path, e);
        }
        length = durableLength;
        bufferStart = durableLength;
    }

    /** Reads the 1-D vector at {@code ref}. */
    public float[] read(long ref) {
        long off = VectorRefs.byteOffset(ref);
        MemorySegment m = mapped(off + (long) dim * Float.BYTES);
        float[] out = new float[dim];
        MemorySegment.copy(m, FLOAT, off, out, 0, dim);
        return out;
    }

    /** Reads the multi-vector at {@code ref}. */
    public float[][] readMulti(long ref) {
        long off = VectorRefs.byteOffset(ref);
        MemorySegment m = mapped(off + Integer.BYTES);
        int rows = m.get(INT, off);
        m = mapped(off + Integer.BYTES + (long) rows * dim * Float.BYTES);
        float[][] out = new float[rows][dim];
        long p = off + Integer.BYTES;
        for (int r = 0; r < rows; r++) {
            MemorySegment.copy(m, FLOAT, p, out[r], 0, dim);
            p += (long) dim * Float.BYTES;
        }
        return out;
    }

    /**
     * A read-only mapping that covers at least {@code [0, end)} of the file. Scans use it directly; it stays
     * valid while referenced.
     */
    public MemorySegment mapped(long end) {
        MemorySegment m = mapping;
        if (m.byteSize() >= end) {
            return m;
        }
        synchronized (mapLock) {
            m = mapping;
            if (m.byteSize() >= end) {
                return m;
            }
            try {
                long size = channel.size();
                if (size < end) {
                    throw new IllegalStateException("vector record at " + end + " is beyond the end of " + path + " ("
                            + size + " bytes): the log and the table disagree; reopen the workspace");
                }
                // Auto arena: the mapping is released when no scan holds it any more.
                m = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
                mapping = m;
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map vector log " + path, e);
            }
        }
    }

    /** Byte offset of the first record. */
    public static long firstRecordOffset() {
        return HEADER_BYTES;
    }

    @Override
    public void close() {
        synchronized (this) {
            while (inFlight > 0) {
                waitIo();
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close vector log " + path, e);
        }
    }
}
