package dev.lakebench.core.dataset;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.Binary;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;

/**
 * One column of an Arrow record batch being filled: its validity bits and value buffers in the format's
 * little-endian layout, and its field description (with the child fields of list types).
 */
final class ArrowColumn {

    enum Kind {
        TEXT,
        BINARY,
        INT64,
        FLOAT64,
        BOOL,
        FLOATS,
        FIXED_FLOATS,
        FLOAT_LISTS
    }

    /** The Arrow type of a column; {@code size} is the fixed list size of {@link Kind#FIXED_FLOATS}. */
    record Shape(Kind kind, int size) {
        static Shape of(Kind kind) {
            return new Shape(kind, 0);
        }
    }

    /** A field node of a record batch: its length and null count. */
    record Node(long length, long nulls) {}

    private final String name;
    private final Shape shape;
    private Bytes validity = new Bytes();
    private Bytes values = new Bytes(); // fixed-width values, or the child floats of list kinds
    private Bytes offsets = new Bytes(); // variable-width kinds: int32 offsets, first one 0
    private Bytes innerOffsets = new Bytes(); // list<list<float>>: the inner lists' offsets
    private Bytes data = new Bytes(); // text and bytes
    private int length;
    private int nulls;
    private int children; // FLOATS/FIXED_FLOATS: floats so far; FLOAT_LISTS: inner lists so far
    private int floats; // FLOAT_LISTS: floats so far

    private ArrowColumn(String name, Shape shape) {
        this.name = name;
        this.shape = shape;
        reset();
    }

    static ArrowColumn of(String name, Shape shape) {
        return new ArrowColumn(name, shape);
    }

    private void reset() {
        validity = new Bytes();
        values = new Bytes();
        offsets = new Bytes();
        innerOffsets = new Bytes();
        data = new Bytes();
        length = 0;
        nulls = 0;
        children = 0;
        floats = 0;
        offsets.putInt(0);
        innerOffsets.putInt(0);
    }

    long bufferedBytes() {
        return (long) values.size + data.size + offsets.size + innerOffsets.size;
    }

    void add(Object v) {
        validity.setBit(length, v != null);
        if (v == null) {
            nulls++;
        }
        switch (shape.kind()) {
            case INT64 -> values.putLong(v == null ? 0 : ((Number) v).longValue());
            case FLOAT64 -> values.putDouble(v == null ? 0 : ((Number) v).doubleValue());
            case BOOL -> values.setBit(length, Boolean.TRUE.equals(v));
            case TEXT -> {
                if (v != null) {
                    data.put(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                }
                offsets.putInt(data.size);
            }
            case BINARY -> {
                if (v != null) {
                    data.put(v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                }
                offsets.putInt(data.size);
            }
            case FLOATS -> {
                if (v != null) {
                    float[] f = floats(v);
                    putFloats(f);
                    children += f.length;
                }
                offsets.putInt(children);
            }
            case FIXED_FLOATS -> {
                float[] f = v == null ? new float[shape.size()] : floats(v);
                if (f.length != shape.size()) {
                    throw new IllegalArgumentException("column " + name + " has a row with " + f.length
                            + " floats where the first row had " + shape.size());
                }
                putFloats(f);
                children += f.length;
            }
            case FLOAT_LISTS -> {
                if (v != null) {
                    float[][] m = v instanceof float[][] mm ? mm : new float[][] {floats(v)};
                    for (float[] f : m) {
                        putFloats(f);
                        floats += f.length;
                        innerOffsets.putInt(floats);
                    }
                    children += m.length;
                }
                offsets.putInt(children);
            }
        }
        length++;
    }

    private float[] floats(Object v) {
        if (v instanceof float[] f) {
            return f;
        }
        throw new IllegalArgumentException(
                "column " + name + " holds a " + v.getClass().getSimpleName() + " where float arrays were expected");
    }

    private void putFloats(float[] f) {
        for (float x : f) {
            values.putInt(Float.floatToRawIntBits(x));
        }
    }

    /** Appends this column's nodes and buffers (depth first, as the format orders them) and starts a new batch. */
    void flush(List<Node> nodes, List<byte[]> buffers, List<Integer> sizes) {
        nodes.add(new Node(length, nulls));
        add(buffers, sizes, validity, (length + 7) / 8);
        switch (shape.kind()) {
            case INT64, FLOAT64 -> add(buffers, sizes, values, values.size);
            case BOOL -> add(buffers, sizes, values, (length + 7) / 8);
            case TEXT, BINARY -> {
                add(buffers, sizes, offsets, offsets.size);
                add(buffers, sizes, data, data.size);
            }
            case FLOATS -> {
                add(buffers, sizes, offsets, offsets.size);
                floatChild(nodes, buffers, sizes, children);
            }
            case FIXED_FLOATS -> floatChild(nodes, buffers, sizes, children);
            case FLOAT_LISTS -> {
                add(buffers, sizes, offsets, offsets.size);
                nodes.add(new Node(children, 0));
                add(buffers, sizes, new Bytes(), 0);
                add(buffers, sizes, innerOffsets, innerOffsets.size);
                floatChild(nodes, buffers, sizes, floats);
            }
        }
        reset();
    }

    private void floatChild(List<Node> nodes, List<byte[]> buffers, List<Integer> sizes, int count) {
        nodes.add(new Node(count, 0));
        add(buffers, sizes, new Bytes(), 0); // no validity bitmap: no nulls
        add(buffers, sizes, values, values.size);
    }

    private static void add(List<byte[]> buffers, List<Integer> sizes, Bytes b, int size) {
        b.ensure(size);
        buffers.add(b.bytes);
        sizes.add(size);
    }

    int field(FlatBufferBuilder fb) {
        return switch (shape.kind()) {
            case TEXT -> leaf(fb, name, Type.Utf8, emptyTable(fb, Type.Utf8));
            case BINARY -> leaf(fb, name, Type.Binary, emptyTable(fb, Type.Binary));
            case INT64 -> leaf(fb, name, Type.Int, Int.createInt(fb, 64, true));
            case FLOAT64 -> leaf(fb, name, Type.FloatingPoint, FloatingPoint.createFloatingPoint(fb, Precision.DOUBLE));
            case BOOL -> leaf(fb, name, Type.Bool, emptyTable(fb, Type.Bool));
            case FLOATS -> list(fb, name, floatField(fb));
            case FIXED_FLOATS -> {
                int child = floatField(fb);
                int type = FixedSizeList.createFixedSizeList(fb, shape.size());
                yield withChildren(fb, name, Type.FixedSizeList, type, child);
            }
            case FLOAT_LISTS -> list(fb, name, list(fb, "item", floatField(fb)));
        };
    }

    private static int floatField(FlatBufferBuilder fb) {
        return leaf(fb, "item", Type.FloatingPoint, FloatingPoint.createFloatingPoint(fb, Precision.SINGLE));
    }

    private static int list(FlatBufferBuilder fb, String name, int child) {
        org.apache.arrow.flatbuf.List.startList(fb);
        int type = org.apache.arrow.flatbuf.List.endList(fb);
        return withChildren(fb, name, Type.List, type, child);
    }

    private static int emptyTable(FlatBufferBuilder fb, byte type) {
        switch (type) {
            case Type.Utf8 -> Utf8.startUtf8(fb);
            case Type.Binary -> Binary.startBinary(fb);
            default -> Bool.startBool(fb);
        }
        return fb.endTable();
    }

    private static int leaf(FlatBufferBuilder fb, String name, byte typeType, int type) {
        int n = fb.createString(name);
        int kids = Field.createChildrenVector(fb, new int[0]);
        return Field.createField(fb, n, true, typeType, type, 0, kids, 0);
    }

    private static int withChildren(FlatBufferBuilder fb, String name, byte typeType, int type, int child) {
        int n = fb.createString(name);
        int kids = Field.createChildrenVector(fb, new int[] {child});
        return Field.createField(fb, n, true, typeType, type, 0, kids, 0);
    }

    /** A growable little-endian byte buffer. */
    static final class Bytes {
        byte[] bytes = new byte[64];
        int size;

        void ensure(int n) {
            if (n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
            }
        }

        void putInt(int v) {
            ensure(size + 4);
            bytes[size] = (byte) v;
            bytes[size + 1] = (byte) (v >>> 8);
            bytes[size + 2] = (byte) (v >>> 16);
            bytes[size + 3] = (byte) (v >>> 24);
            size += 4;
        }

        void putLong(long v) {
            putInt((int) v);
            putInt((int) (v >>> 32));
        }

        void putDouble(double v) {
            putLong(Double.doubleToRawLongBits(v));
        }

        void put(byte[] b) {
            ensure(size + b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void setBit(int i, boolean on) {
            ensure(i / 8 + 1);
            size = Math.max(size, i / 8 + 1);
            if (on) {
                bytes[i / 8] |= (byte) (1 << (i % 8));
            }
        }
    }
}
