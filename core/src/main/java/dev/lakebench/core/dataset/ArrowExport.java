package dev.lakebench.core.dataset;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.WorkspaceError;
import dev.lakebench.core.schema.ColumnType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;

/**
 * Writes every row of a cursor to an Arrow IPC file (the "Feather v2" file format pyarrow, polars, DuckDB's
 * arrow reader and Arrow Java open): text is {@code utf8}, integers {@code int64}, floats {@code float64},
 * bytes {@code binary}, an embedding whose first row has {@code d} floats {@code fixed_size_list<float32>[d]}
 * (other float arrays {@code list<float32>}), multi-vectors {@code list<list<float32>>}.
 *
 * <p>The format's metadata is flatbuffers, written with the format's own generated tables; the column buffers
 * are laid out here, so no off-heap allocator (and none of its JVM flags) is needed. Rows go out in record
 * batches of {@value #BATCH_ROWS} rows (or about 64 MB), so memory stays flat whatever the row count. The file
 * is written beside the target and moved into place at the end: a failed export leaves no half file.
 */
public final class ArrowExport {

    static final int BATCH_ROWS = 8192;
    private static final long BATCH_BYTES = 64L << 20;
    private static final byte[] MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};

    private final List<ArrowColumn> columns = new ArrayList<>();
    private final List<long[]> blocks = new ArrayList<>(); // offset, metadata length, body length
    private FileChannel out;
    private long position;

    private ArrowExport() {}

    /** Exports and returns the number of rows written; {@code progress} gets the running row count. */
    public static long write(RowCursor cursor, Path target, LongConsumer progress) {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            Files.createDirectories(abs.getParent());
            long rows;
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                rows = new ArrowExport().run(cursor, ch, progress);
                ch.force(false);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_IO,
                    "Arrow export to " + target + " failed: " + e.getMessage(),
                    "Check that the target folder is writable and has free space",
                    e);
        } catch (IllegalArgumentException e) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Arrow export to " + target + " failed: " + e.getMessage(),
                    "Select columns of one shape (e.g. embeddings of one dimension)",
                    e);
        } finally {
            cursor.close();
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover .part file is harmless and replaced by the next export
            }
        }
    }

    private long run(RowCursor cursor, FileChannel ch, LongConsumer progress) throws IOException {
        this.out = ch;
        Row first = cursor.hasNext() ? cursor.next() : null;
        for (int i = 0; i < cursor.columns().size(); i++) {
            ResultColumn c = cursor.columns().get(i);
            columns.add(ArrowColumn.of(c.name(), arrowShape(c.type(), first == null ? null : first.get(i))));
        }
        writeBytes(new byte[] {'A', 'R', 'R', 'O', 'W', '1', 0, 0});
        FlatBufferBuilder schemaFb = new FlatBufferBuilder(1024);
        int schema = schema(schemaFb);
        schemaFb.finish(Message.createMessage(schemaFb, MetadataVersion.V5, MessageHeader.Schema, schema, 0, 0));
        writeMessage(schemaFb);

        long rows = 0;
        int inBatch = 0;
        Row row = first;
        while (row != null) {
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).add(row.get(i));
            }
            rows++;
            inBatch++;
            if (inBatch == BATCH_ROWS || bufferedBytes() > BATCH_BYTES) {
                writeBatch(inBatch);
                inBatch = 0;
            }
            if (progress != null && rows % 10_000 == 0) {
                progress.accept(rows);
            }
            row = cursor.hasNext() ? cursor.next() : null;
        }
        if (inBatch > 0 || rows == 0) {
            writeBatch(inBatch);
        }
        writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0}); // end of stream
        writeFooter();
        if (progress != null) {
            progress.accept(rows);
        }
        return rows;
    }

    private static ArrowColumn.Shape arrowShape(ColumnType t, Object sample) {
        if (t != null && t == ColumnType.EMBEDDING && sample instanceof float[] f) {
            return new ArrowColumn.Shape(ArrowColumn.Kind.FIXED_FLOATS, f.length);
        }
        if (t == null) {
            return ArrowColumn.Shape.of(sampleKind(sample));
        }
        return ArrowColumn.Shape.of(
                switch (t.storage()) {
                    case TEXT -> ArrowColumn.Kind.TEXT;
                    case INT32, INT64 -> ArrowColumn.Kind.INT64;
                    case FLOAT32, FLOAT64 -> ArrowColumn.Kind.FLOAT64;
                    case BOOL -> ArrowColumn.Kind.BOOL;
                    case BYTES -> ArrowColumn.Kind.BINARY;
                    case MULTI_VECTOR -> ArrowColumn.Kind.FLOAT_LISTS;
                    case FLOAT_LIST, VECTOR -> ArrowColumn.Kind.FLOATS;
                    default -> sampleKind(sample);
                });
    }

    private static ArrowColumn.Kind sampleKind(Object sample) {
        return switch (sample) {
            case Long l -> ArrowColumn.Kind.INT64;
            case Integer i -> ArrowColumn.Kind.INT64;
            case Double d -> ArrowColumn.Kind.FLOAT64;
            case Float f -> ArrowColumn.Kind.FLOAT64;
            case Boolean b -> ArrowColumn.Kind.BOOL;
            case byte[] b -> ArrowColumn.Kind.BINARY;
            case float[] f -> ArrowColumn.Kind.FLOATS;
            case float[][] m -> ArrowColumn.Kind.FLOAT_LISTS;
            case null, default -> ArrowColumn.Kind.TEXT;
        };
    }

    private long bufferedBytes() {
        long n = 0;
        for (ArrowColumn c : columns) {
            n += c.bufferedBytes();
        }
        return n;
    }

    private int schema(FlatBufferBuilder fb) {
        int[] fields = new int[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = columns.get(i).field(fb);
        }
        return Schema.createSchema(
                fb, org.apache.arrow.flatbuf.Endianness.Little, Schema.createFieldsVector(fb, fields), 0, 0);
    }

    private void writeBatch(int length) throws IOException {
        List<ArrowColumn.Node> nodes = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (ArrowColumn c : columns) {
            c.flush(nodes, buffers, sizes);
        }
        FlatBufferBuilder fb = new FlatBufferBuilder(1024);
        long body = 0;
        long[] offsets = new long[buffers.size()];
        for (int i = 0; i < buffers.size(); i++) {
            offsets[i] = body;
            body += pad8(sizes.get(i));
        }
        RecordBatch.startNodesVector(fb, nodes.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            org.apache.arrow.flatbuf.FieldNode.createFieldNode(
                    fb, nodes.get(i).length(), nodes.get(i).nulls());
        }
        int nodesVec = fb.endVector();
        RecordBatch.startBuffersVector(fb, buffers.size());
        for (int i = buffers.size() - 1; i >= 0; i--) {
            org.apache.arrow.flatbuf.Buffer.createBuffer(fb, offsets[i], sizes.get(i));
        }
        int buffersVec = fb.endVector();
        RecordBatch.startRecordBatch(fb);
        RecordBatch.addLength(fb, length);
        RecordBatch.addNodes(fb, nodesVec);
        RecordBatch.addBuffers(fb, buffersVec);
        int batch = RecordBatch.endRecordBatch(fb);
        fb.finish(Message.createMessage(fb, MetadataVersion.V5, MessageHeader.RecordBatch, batch, body, 0));
        long start = position;
        int metadata = writeMessage(fb);
        for (int i = 0; i < buffers.size(); i++) {
            writeBytes(buffers.get(i), sizes.get(i));
            writeBytes(new byte[pad8(sizes.get(i)) - sizes.get(i)]);
        }
        blocks.add(new long[] {start, metadata, body});
    }

    /** Writes an encapsulated message's metadata (continuation, length, flatbuffer, padding); returns its size. */
    private int writeMessage(FlatBufferBuilder fb) throws IOException {
        byte[] meta = fb.sizedByteArray();
        int padded = pad8(8 + meta.length) - 8;
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xFFFFFFFF).putInt(padded);
        writeBytes(head.array());
        writeBytes(meta);
        writeBytes(new byte[padded - meta.length]);
        return 8 + padded;
    }

    private void writeFooter() throws IOException {
        FlatBufferBuilder fb = new FlatBufferBuilder(1024);
        int schema = schema(fb);
        Footer.startRecordBatchesVector(fb, blocks.size());
        for (int i = blocks.size() - 1; i >= 0; i--) {
            long[] b = blocks.get(i);
            Block.createBlock(fb, b[0], (int) b[1], b[2]);
        }
        int batches = fb.endVector();
        Footer.startDictionariesVector(fb, 0);
        int dictionaries = fb.endVector();
        fb.finish(Footer.createFooter(fb, MetadataVersion.V5, schema, dictionaries, batches, 0));
        byte[] footer = fb.sizedByteArray();
        writeBytes(footer);
        java.nio.ByteBuffer len = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        writeBytes(len.putInt(footer.length).array());
        writeBytes(MAGIC);
    }

    private void writeBytes(byte[] bytes) throws IOException {
        writeBytes(bytes, bytes.length);
    }

    private void writeBytes(byte[] bytes, int length) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, 0, length);
        while (b.hasRemaining()) {
            position += out.write(b);
        }
    }

    static int pad8(int n) {
        return (n + 7) & ~7;
    }
}
