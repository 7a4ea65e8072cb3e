package dev.lakebench.bench.data;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A generated vector data set ({@code vec-100k}, {@code vec-1m}; see bench/reference/gen/VecGen.java), memory-mapped:
 * base vectors, queries and the exact cosine top-100 per query. Ids are 0-based row numbers. Close it to unmap.
 */
public final class VectorSet implements AutoCloseable {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path dir;
    private final Map<String, String> manifest;
    private final Arena arena = Arena.ofShared();
    private final int size;
    private final int dim;
    private final int queryCount;
    private final int truthDepth;
    private final MemorySegment base;
    private final MemorySegment queries;
    private final MemorySegment truth;

    private VectorSet(Path dir) throws IOException {
        this.dir = dir;
        this.manifest = Manifest.read(dir.resolve("manifest.txt"));
        this.size = Integer.parseInt(manifest.get("n"));
        this.dim = Integer.parseInt(manifest.get("dim"));
        this.queryCount = Integer.parseInt(manifest.get("queries"));
        this.base = map(dir.resolve("base.f32"));
        this.queries = map(dir.resolve("queries.f32"));
        this.truth = map(dir.resolve("gt.i32"));
        this.truthDepth = (int) (truth.byteSize() / 4 / queryCount);
        if (base.byteSize() != (long) size * dim * 4) {
            throw new IOException(dir.resolve("base.f32") + " has " + base.byteSize() + " bytes, expected "
                    + (long) size * dim * 4 + "; regenerate the data set (FORCE=1 bench/reference/gen-data.sh)");
        }
    }

    /** Opens the set in {@code dir} (a folder written by VecGen). */
    public static VectorSet open(Path dir) throws IOException {
        return new VectorSet(dir);
    }

    private MemorySegment map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Generator parameters (n, dim, clusters, seed, sigma, ...). */
    public Map<String, String> manifest() {
        return manifest;
    }

    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    public int queryCount() {
        return queryCount;
    }

    /** Base vector {@code id} (a copy). */
    public float[] vector(int id) {
        return read(base, id);
    }

    /** Query {@code q} (a copy). */
    public float[] query(int q) {
        return read(queries, q);
    }

    /** The exact top-{@code k} ids for query {@code q} (k at most 100), nearest first. */
    public int[] groundTruth(int q, int k) {
        if (k > truthDepth) {
            throw new IllegalArgumentException(
                    "ground truth holds " + truthDepth + " neighbours per query, asked for " + k);
        }
        int[] ids = new int[k];
        long off = (long) q * truthDepth * 4;
        for (int i = 0; i < k; i++) {
            ids[i] = truth.get(I32, off + 4L * i);
        }
        return ids;
    }

    /** The raw base vectors (row-major little-endian float32), for zero-copy bulk use. */
    public MemorySegment baseSegment() {
        return base;
    }

    private float[] read(MemorySegment seg, int row) {
        float[] v = new float[dim];
        MemorySegment.copy(seg, F32, (long) row * dim * 4, v, 0, dim);
        return v;
    }

    /** True when every file of a set is present (a partial folder is not a set). */
    static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.txt"))
                && Files.isRegularFile(dir.resolve("base.f32"))
                && Files.isRegularFile(dir.resolve("queries.f32"))
                && Files.isRegularFile(dir.resolve("gt.i32"));
    }

    @Override
    public void close() {
        arena.close();
    }
}
