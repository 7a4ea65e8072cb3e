package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY t FROM STDIN (FORMAT binary)}): a header, per row the
 * field count and each field as length + bytes in network order, a trailer. Values are Lakebench's canonical
 * ones for the column types (Long, Double, float[], byte[], ...); {@code real[]} is written as a one-dimensional
 * float4 array.
 */
final class CopyEncoder {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int FLOAT4_OID = 700;

    private final TableSchema schema;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int rows;

    CopyEncoder(TableSchema schema) {
        this.schema = schema;
        reset();
    }

    private void reset() {
        bytes.reset();
        rows = 0;
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(Object[] row) {
        try {
            out.writeShort(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                field(schema.get(i), row[i]);
            }
            rows++;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int rows() {
        return rows;
    }

    int size() {
        return bytes.size();
    }

    /** The encoded rows with the trailer; the encoder starts over. */
    byte[] take() {
        try {
            out.writeShort(-1);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] b = bytes.toByteArray();
        reset();
        return b;
    }

    /** jsonb's binary form: a format version (1) before the document's text. */
    private static byte[] jsonb(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[utf8.length + 1];
        b[0] = 1;
        System.arraycopy(utf8, 0, b, 1, utf8.length);
        return b;
    }

    private void field(Column c, Object v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        switch (c.type().storage()) {
            case TEXT ->
                bytesField(c.isJsonb() ? jsonb(v.toString()) : v.toString().getBytes(StandardCharsets.UTF_8));
            case INT32 -> {
                out.writeInt(4);
                out.writeInt(((Number) v).intValue());
            }
            case INT64 -> {
                out.writeInt(8);
                out.writeLong(((Number) v).longValue());
            }
            case FLOAT32 -> {
                out.writeInt(4);
                out.writeFloat(((Number) v).floatValue());
            }
            case FLOAT64 -> {
                out.writeInt(8);
                out.writeDouble(((Number) v).doubleValue());
            }
            case BOOL -> {
                out.writeInt(1);
                out.writeByte((Boolean) v ? 1 : 0);
            }
            case BYTES -> bytesField((byte[]) v);
            case VECTOR, FLOAT_LIST -> floatArray((float[]) v);
            case MULTI_VECTOR -> matrix((float[][]) v);
            default -> bytesField(v.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void bytesField(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private void floatArray(float[] f) throws IOException {
        out.writeInt(20 + 8 * f.length);
        out.writeInt(1); // dimensions
        out.writeInt(0); // no nulls
        out.writeInt(FLOAT4_OID);
        out.writeInt(f.length);
        out.writeInt(1); // lower bound
        for (float x : f) {
            out.writeInt(4);
            out.writeFloat(x);
        }
    }

    private void matrix(float[][] m) throws IOException {
        int cols = m.length == 0 ? 0 : m[0].length;
        if (m.length == 0 || cols == 0) {
            out.writeInt(12);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(FLOAT4_OID);
            return;
        }
        out.writeInt(28 + 8 * m.length * cols);
        out.writeInt(2);
        out.writeInt(0);
        out.writeInt(FLOAT4_OID);
        out.writeInt(m.length);
        out.writeInt(1);
        out.writeInt(cols);
        out.writeInt(1);
        for (float[] r : m) {
            for (float x : r) {
                out.writeInt(4);
                out.writeFloat(x);
            }
        }
    }
}
