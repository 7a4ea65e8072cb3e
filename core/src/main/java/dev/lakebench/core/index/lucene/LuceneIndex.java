package dev.lakebench.core.index.lucene;

import dev.lakebench.core.index.IndexDefinition;
import dev.lakebench.core.index.IndexType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * The handle of one index directory: a Lucene index over one table's column(s), with the table version it has
 * caught up to (its watermark) and a format version in every commit. Opening checks the format, the
 * declaration's uid and that the initial build completed; anything else discards the directory so that it is
 * rebuilt from the table. Writes go through {@link #writer()}, searches through {@link #queries()}; the
 * lifecycle (building, ready, failed) is kept by the index package, not here.
 */
public final class LuceneIndex implements Closeable {

    /** Version of what we write into a directory; a different one is rebuilt. */
    public static final int FORMAT_VERSION = 2;

    static final String FORMAT = "lakebench.format";
    static final String UID = "lakebench.uid";
    static final String WATERMARK = "lakebench.watermark";
    static final String COMPLETE = "lakebench.complete";
    static final String COVERED = "lakebench.covered";
    static final String EF_SEARCH = "lakebench.ef_search";
    static final String EF_DOCS = "lakebench.ef_search_docs";

    static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity bm25 = new ExactBm25Similarity();

        @Override
        public Similarity get(String field) {
            return bm25;
        }
    };

    private final IndexDefinition def;
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean needsBuild;
    private final LuceneWriter writes;
    private final LuceneQueries queries;
    private volatile long watermark;
    /** Scalar columns kept as doc values (fixed when the index is built). */
    private volatile List<String> covered;
    /** Search effort measured against exact search, kept in the commit (null: not measured). */
    private volatile Calibration calibration;

    private LuceneIndex(
            IndexDefinition def,
            Path dir,
            Directory directory,
            IndexWriter writer,
            boolean needsBuild,
            Map<String, String> data)
            throws IOException {
        this.def = def;
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.needsBuild = needsBuild;
        this.watermark = needsBuild ? 0 : Long.parseLong(data.getOrDefault(WATERMARK, "0"));
        String cov = needsBuild ? "" : data.getOrDefault(COVERED, "");
        this.covered = cov.isEmpty() ? List.of() : List.of(cov.split(","));
        this.calibration = needsBuild || !data.containsKey(EF_SEARCH)
                ? null
                : new Calibration(
                        Integer.parseInt(data.get(EF_SEARCH)), Long.parseLong(data.getOrDefault(EF_DOCS, "0")));
        this.searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new LiveStatsSearcher(reader);
                s.setSimilarity(SIMILARITY);
                return s;
            }
        });
        this.writes = new LuceneWriter(this, writer);
        this.queries = new LuceneQueries(this);
    }

    /** Opens (or starts afresh) the directory of {@code def}; {@link #needsBuild()} tells whether it must be built. */
    public static LuceneIndex open(IndexDefinition def, Path dir, ExecutorService mergeWorkers, int workers)
            throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        Map<String, String> data = commitData(directory);
        boolean valid = data != null
                && String.valueOf(FORMAT_VERSION).equals(data.get(FORMAT))
                && def.uid().equals(data.get(UID))
                && "true".equals(data.get(COMPLETE));
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(valid ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCodec(codec(def, mergeWorkers, workers))
                .setSimilarity(SIMILARITY)
                .setRAMBufferSizeMB(def.type().ranksVectors() ? 256 : 64)
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        return new LuceneIndex(def, dir, directory, writer, !valid, valid ? data : Map.of());
    }

    /** The user data of the last commit, or null when there is none or it cannot be read. */
    static Map<String, String> commitData(Directory directory) {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IndexNotFoundException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged: rebuilt from the table
        }
    }

    private static Codec codec(IndexDefinition def, ExecutorService mergeWorkers, int workers) {
        if (!def.type().ranksVectors()) {
            return new Lucene104Codec();
        }
        int m = def.intOption("m", 16);
        int beam = def.intOption("ef_construction", 100);
        KnnVectorsFormat format = def.type() == IndexType.HNSW_QUANTIZED
                ? new Lucene104HnswScalarQuantizedVectorsFormat(
                        QuantizedByteVectorValues.ScalarEncoding.SEVEN_BIT,
                        m,
                        beam,
                        workers,
                        workers > 1 ? mergeWorkers : null)
                : new Lucene99HnswVectorsFormat(m, beam, workers, workers > 1 ? mergeWorkers : null);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    public IndexDefinition definition() {
        return def;
    }

    /** Adds, replaces and deletes documents and commits them with a watermark. */
    public LuceneWriter writer() {
        return writes;
    }

    /** Nearest neighbours, BM25, key filters and covered values over the latest commit. */
    public LuceneQueries queries() {
        return queries;
    }

    /** The scalar columns this index keeps as doc values. */
    public List<String> covered() {
        return covered;
    }

    /** Sets the covered columns of a new build (before its first document). */
    public void covered(List<String> columns) {
        this.covered = List.copyOf(columns);
    }

    /**
     * A search effort measured against exact search: {@code efSearch} candidates (or {@link Integer#MAX_VALUE}:
     * no effort was good enough, search exactly) when the index held {@code docs} vectors.
     */
    public record Calibration(int efSearch, long docs) {}

    /** The measured search effort, or null when not measured yet. */
    public Calibration calibration() {
        return calibration;
    }

    /** Records a measured search effort; kept by the next commit. */
    public void calibration(Calibration c) {
        this.calibration = c;
    }

    public Path directory() {
        return dir;
    }

    public boolean needsBuild() {
        return needsBuild;
    }

    public long watermark() {
        return watermark;
    }

    /** Called by the writer after a commit. */
    void committed(long newWatermark) throws IOException {
        watermark = newWatermark;
        searchers.maybeRefreshBlocking();
    }

    /** What every commit records next to the documents. */
    Map<String, String> commitData(long newWatermark) {
        Map<String, String> data = new java.util.HashMap<>(Map.of(
                FORMAT,
                String.valueOf(FORMAT_VERSION),
                UID,
                def.uid(),
                WATERMARK,
                String.valueOf(newWatermark),
                COMPLETE,
                "true",
                COVERED,
                String.join(",", covered)));
        Calibration c = calibration;
        if (c != null) {
            data.put(EF_SEARCH, String.valueOf(c.efSearch()));
            data.put(EF_DOCS, String.valueOf(c.docs()));
        }
        return data;
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher s) throws IOException {
        searchers.release(s);
    }

    /** Live documents (one per table row) as seen by the latest refresh. */
    public long liveDocs() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /** Live documents in the current searcher, without refreshing it (cheap: for per-query decisions). */
    public long searchableDocs() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row keys of all live documents, sorted. */
    public long[] keys() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            long[] out = new long[s.getIndexReader().numDocs()];
            int n = 0;
            for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
                NumericDocValues keys = ctx.reader().getNumericDocValues(IndexFields.KEY);
                Bits live = ctx.reader().getLiveDocs();
                if (keys == null) {
                    continue;
                }
                for (int d = keys.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = keys.nextDoc()) {
                    if (live == null || live.get(d)) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2 + 1);
                        }
                        out[n++] = keys.longValue();
                    }
                }
            }
            long[] sorted = Arrays.copyOf(out, n);
            Arrays.sort(sorted);
            return sorted;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Discards everything not committed and aborts merges in progress, from any thread: a build or merge running
     * on this directory then fails, and the directory is built again at the next open. Used when closing.
     */
    public void abortWrites() {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            // closing anyway; the next open rebuilds an incomplete directory
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback(); // uncommitted changes are caught up again from the table
            } finally {
                directory.close();
            }
        }
    }
}
