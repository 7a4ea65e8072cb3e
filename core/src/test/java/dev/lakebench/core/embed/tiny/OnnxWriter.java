package dev.lakebench.core.embed.tiny;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Just enough of the ONNX protobuf format to write small test graphs (ModelProto, GraphProto, NodeProto,
 * TensorProto initializers, typed inputs and outputs), field numbers as in onnx.proto.
 */
final class OnnxWriter {

    static final int FLOAT = 1;
    static final int INT64 = 7;

    private OnnxWriter() {}

    /** A protobuf message under construction. */
    static final class Msg {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Msg varint(int field, long v) {
            tag(field, 0);
            raw(v);
            return this;
        }

        Msg bytes(int field, byte[] b) {
            tag(field, 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        Msg str(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Msg msg(int field, Msg m) {
            return bytes(field, m.out.toByteArray());
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static Msg node(String op, List<String> inputs, List<String> outputs, Msg... attributes) {
        Msg n = new Msg();
        inputs.forEach(i -> n.str(1, i));
        outputs.forEach(o -> n.str(2, o));
        n.str(3, op + "_" + outputs.get(0));
        n.str(4, op);
        for (Msg a : attributes) {
            n.msg(5, a);
        }
        return n;
    }

    static Msg intsAttr(String name, long... values) {
        Msg a = new Msg().str(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, 7); // INTS
    }

    static Msg intAttr(String name, long value) {
        return new Msg().str(1, name).varint(3, value).varint(20, 2); // INT
    }

    static Msg floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        Msg t = new Msg();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, FLOAT).str(8, name).bytes(9, b.array());
    }

    static Msg int64Tensor(String name, long[] dims, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        Msg t = new Msg();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, INT64).str(8, name).bytes(9, b.array());
    }

    /** A tensor value info; a dimension given as a String is symbolic (batch, sequence). */
    static Msg valueInfo(String name, int elemType, Object... dims) {
        Msg shape = new Msg();
        for (Object d : dims) {
            shape.msg(1, d instanceof String s ? new Msg().str(2, s) : new Msg().varint(1, ((Number) d).longValue()));
        }
        Msg tensor = new Msg().varint(1, elemType).msg(2, shape);
        return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
    }

    static byte[] model(
            String graphName, List<Msg> nodes, List<Msg> initializers, List<Msg> inputs, List<Msg> outputs) {
        Msg g = new Msg();
        nodes.forEach(n -> g.msg(1, n));
        g.str(2, graphName);
        initializers.forEach(i -> g.msg(5, i));
        inputs.forEach(i -> g.msg(11, i));
        outputs.forEach(o -> g.msg(12, o));
        return new Msg()
                .varint(1, 8)
                .str(2, "lakebench-tests")
                .msg(7, g)
                .msg(8, new Msg().str(1, "").varint(2, 13))
                .bytes();
    }
}
