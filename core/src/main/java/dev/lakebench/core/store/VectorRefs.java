package dev.lakebench.core.store;

/**
 * A vector reference as stored in the engine: the vector log's id in the high bits and the record's position
 * (in 4-byte words from the start of the file) in the low 40 bits. References are immutable: updating a vector
 * appends a new record and stores a new reference, so a committed reference always points at the same floats.
 */
public final class VectorRefs {

    static final int OFFSET_BITS = 40;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    /** Largest vector log id a reference can carry. */
    public static final int MAX_FILE_ID = (1 << 23) - 1;

    private VectorRefs() {}

    public static long encode(int fileId, long byteOffset) {
        if (fileId <= 0 || fileId > MAX_FILE_ID) {
            throw new IllegalArgumentException("vector log id out of range: " + fileId);
        }
        if ((byteOffset & 3) != 0 || (byteOffset >>> 2) > OFFSET_MASK) {
            throw new IllegalArgumentException("bad vector record offset: " + byteOffset);
        }
        return ((long) fileId << OFFSET_BITS) | (byteOffset >>> 2);
    }

    public static int fileId(long ref) {
        return (int) (ref >>> OFFSET_BITS);
    }

    public static long byteOffset(long ref) {
        return (ref & OFFSET_MASK) << 2;
    }
}
