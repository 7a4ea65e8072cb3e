package dev.lakebench.core.store;

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

/**
 * Append-only file of float32 vectors for one EMBEDDING or EMBEDDING_2D column: the storage of vectors beside
 * the table (see docs/decisions/0002-vector-storage.md). Layout: a 64-byte header (magic, format version, kind,
 * dimension), then records. A 1-D record is {@code dim} little-endian floats; a multi-vector record is an int32
 * row count followed by {@code rows * dim} floats. Records are never rewritten.
 *
 * <p>Writes are buffered and made durable by {@link #sync()}, which the writer calls before committing the
 * engine transaction that stores the references; after a crash the file is cut back to the length the catalog
 * recorded with the last commit. Reads go through a memory mapping and are safe from any thread.
 */
public final class VectorLog implements AutoCloseable {

    public static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 64;
    private static final byte[] MAGIC = "LBVECLOG".getBytes(StandardCharsets.US_ASCII);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int BUFFER_BYTES = 4 << 20;

    /** What the records hold. */
    public enum Kind {
        VECTOR(1), MULTI_VECTOR(2);

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
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final MemorySegment bufferSegment = MemorySegment.ofBuffer(buffer);
    /** Bytes written so far, buffered ones included. */
    private long length;
    /** Bytes on disk (the buffer starts here). */
    private long flushed;
    private volatile MemorySegment mapping = MemorySegment.NULL;
    private final Object mapLock = new Object();

    private VectorLog(Path path, int id, Kind kind, int dim, FileChannel channel, long length) {
        this.path = path;
        this.id = id;
        this.kind = kind;
        this.dim = dim;
        this.channel = channel;
        this.length = length;
        this.flushed = length;
    }

    /** Creates a new, empty log. */
    public static VectorLog create(Path path, int id, Kind kind, int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("vector dimension must be positive: " + dim);
        }
        try {
            Files.createDirectories(path.getParent());
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
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
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h) > 0) {
                // read the whole header
            }
            h.flip();
            byte[] magic = new byte[MAGIC.length];
            if (h.remaining() < HEADER_BYTES) {
                ch.close();
                throw new IllegalStateException("vector log " + path + " is truncated (no header)");
            }
            h.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                ch.close();
                throw new IllegalStateException("file " + path + " is not a Lakebench vector log");
            }
            int version = h.getInt();
            if (version != FORMAT_VERSION) {
                ch.close();
                throw new IllegalStateException("vector log " + path + " has format version " + version
                        + ", this Lakebench reads version " + FORMAT_VERSION);
            }
            Kind kind = Kind.of(h.getInt());
            int dim = h.getInt();
            int id = h.getInt();
            if (id != expectedId) {
                ch.close();
                throw new IllegalStateException("vector log " + path + " carries id " + id + ", expected " + expectedId);
            }
            long size = ch.size();
            long keep = Math.max(HEADER_BYTES, Math.min(committedBytes, size));
            if (size > keep) {
                ch.truncate(keep);
                ch.force(true);
            }
            return new VectorLog(path, id, kind, dim, ch, keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open vector log " + path, e);
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

    /** Bytes written, including buffered records not yet synced. */
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
        int bytes = dim * Float.BYTES;
        ensureRoom(bytes);
        MemorySegment.copy(v, 0, bufferSegment, FLOAT, buffer.position(), dim);
        buffer.position(buffer.position() + bytes);
        length += bytes;
        return ref;
    }

    /** Appends a multi-vector (rows of {@code dim} floats) and returns its reference. */
    public long append(float[][] rows) {
        if (kind != Kind.MULTI_VECTOR) {
            throw new IllegalStateException("vector log " + id + " holds 1-D vectors");
        }
        long ref = VectorRefs.encode(id, length);
        ensureRoom(Integer.BYTES);
        buffer.putInt(rows.length);
        length += Integer.BYTES;
        for (float[] r : rows) {
            if (r.length != dim) {
                throw new IllegalArgumentException("expected rows of " + dim + " values, got " + r.length);
            }
            int bytes = dim * Float.BYTES;
            ensureRoom(bytes);
            MemorySegment.copy(r, 0, bufferSegment, FLOAT, buffer.position(), dim);
            buffer.position(buffer.position() + bytes);
            length += bytes;
        }
        return ref;
    }

    private void ensureRoom(int bytes) {
        if (bytes > BUFFER_BYTES) {
            throw new IllegalArgumentException("vector record too large: " + bytes + " bytes");
        }
        if (buffer.remaining() < bytes) {
            flushBuffer();
        }
    }

    private void flushBuffer() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                flushed += channel.write(buffer, flushed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vector log " + path, e);
        } finally {
            buffer.clear();
        }
    }

    /** Writes buffered records and forces them to disk; returns the durable length to record in the catalog. */
    public long sync() {
        flushBuffer();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync vector log " + path, e);
        }
        return length;
    }

    /** Drops records appended since the last sync (the engine transaction that referenced them rolled back). */
    public void rollbackTo(long durableLength) {
        buffer.clear();
        try {
            if (channel.size() > durableLength) {
                channel.truncate(durableLength);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back vector log " + path, e);
        }
        length = durableLength;
        flushed = durableLength;
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
     * A read-only mapping that covers at least {@code [0, end)} of the file (whole records only). Scans use it
     * directly; it stays valid while referenced.
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
                    throw new IllegalStateException("vector record at " + end + " is beyond the end of " + path
                            + " (" + size + " bytes): the log and the table disagree; reopen the workspace");
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
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close vector log " + path, e);
        }
    }
}
