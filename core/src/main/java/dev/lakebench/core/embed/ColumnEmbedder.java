package dev.lakebench.core.embed;

import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an {@link EmbedJob} on a local table: reads pages of rows without a vector (by row key, so it never sees a
 * row twice), embeds them on a background thread while the next page is read, and writes each batch back in one
 * committed UPDATE on another thread. Progress is reported per batch; cancel stops after the batches under way,
 * and what they wrote stays.
 */
public final class ColumnEmbedder {

    /** Pages read ahead of the model, bounding memory for any table size. */
    private static final int IN_FLIGHT = 2;

    private final EmbedHost backend;
    private final Models models;

    public ColumnEmbedder(EmbedHost backend) {
        this.backend = backend;
        this.models = Models.of(backend.dataDirectory().root());
    }

    /**
     * Checks the job against the table and the model, adds the vector column when missing and records its model;
     * returns the model. Everything that can be refused is refused here, before any row is touched.
     */
    public Embedder prepare(EmbedJob job) {
        return plan(job, true).model();
    }

    /** Checks the job as {@link #prepare} does, changing nothing; returns the model. */
    public Embedder check(EmbedJob job) {
        return plan(job, false).model();
    }

    /**
     * The model and the prompts the column's texts are read with: those recorded when the column was made (so
     * a resumed or later fill matches the rows already embedded, and queries find the matching query prompt),
     * else the model's own.
     */
    private record Plan(Embedder model, Prompts prompts) {}

    private Plan plan(EmbedJob job, boolean apply) {
        TableSchema schema = backend.describeTable(job.table()).schema();
        ColumnType kind = null;
        for (String s : job.sources()) {
            Column c = schema.column(s)
                    .orElseThrow(() -> new TableError(
                            ErrorCode.COLUMN_NOT_FOUND,
                            "Table \"" + job.table() + "\" has no column \"" + s + "\" to embed",
                            "Embed one of its TEXT or IMAGE columns: " + embeddable(schema)));
            ColumnType t = c.type() == ColumnType.IMAGE
                    ? ColumnType.IMAGE
                    : c.type() == ColumnType.TEXT ? ColumnType.TEXT : null;
            if (t == null) {
                throw new TableError(
                        ErrorCode.COLUMN_NOT_FOUND,
                        "Column \"" + s + "\" of \"" + job.table() + "\" is " + c.type()
                                + "; only TEXT and IMAGE columns can be embedded",
                        "Embed one of: " + embeddable(schema));
            }
            kind = kind == null || kind == t ? t : ColumnType.IMAGE;
        }
        Embedder model = models.get(job.model());
        if (kind == ColumnType.IMAGE && !model.supportsImages()) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model \"" + model.name() + "\" embeds text, and " + String.join(", ", job.sources())
                            + " holds pictures",
                    "Pull an image model (lakebench models pull Xenova/clip-vit-base-patch32) and embed with it");
        }
        EmbeddingCatalog catalog = new EmbeddingCatalog(backend.workspace());
        var existing = schema.column(job.into());
        Prompts prompts = model.prompts();
        if (existing.isPresent()) {
            Column c = existing.get();
            if (c.type() != ColumnType.EMBEDDING) {
                throw new ModelError(
                        ErrorCode.MODEL_DIMENSION_MISMATCH,
                        "Column \"" + c.name() + "\" of \"" + job.table() + "\" is " + c.type()
                                + ", not an EMBEDDING column",
                        "Write the vectors into a new column (--into NAME)");
            }
            if (c.dimension() != 0 && c.dimension() != model.dimension()) {
                throw new ModelError(
                        ErrorCode.MODEL_DIMENSION_MISMATCH,
                        "Column \"" + c.name() + "\" of \"" + job.table() + "\" holds " + c.dimension()
                                + "-float vectors and model \"" + model.name() + "\" makes " + model.dimension(),
                        "Write the vectors into a new column (--into NAME), or use the model that made the column");
            }
            var madeBy = catalog.find(job.table(), c.name());
            if (madeBy.isPresent() && !madeBy.get().model().equalsIgnoreCase(model.name())) {
                throw new ModelError(
                        ErrorCode.MODEL_DIMENSION_MISMATCH,
                        "Column \"" + c.name() + "\" of \"" + job.table() + "\" was made by model \""
                                + madeBy.get().model() + "\", not \"" + model.name() + "\"",
                        "Use --model " + madeBy.get().model() + ", or write into a new column (--into NAME)");
            }
            if (madeBy.isPresent() && madeBy.get().prompts() != null) {
                prompts = madeBy.get().prompts();
            }
        }
        if (!apply) {
            return new Plan(model, prompts);
        }
        if (existing.isEmpty()) {
            backend.addColumns(
                    job.table(), List.of(Column.vector(job.into(), ColumnType.EMBEDDING, model.dimension())));
        }
        catalog.record(new EmbeddingCatalog.Entry(
                backend.describeTable(job.table()).name(),
                job.into(),
                job.sources(),
                model.name(),
                model.dimension(),
                model.supportsText() ? prompts : null));
        return new Plan(model, prompts);
    }

    private static String embeddable(TableSchema schema) {
        List<String> out = new ArrayList<>();
        for (Column c : schema.columns()) {
            if (c.type() == ColumnType.TEXT || c.type() == ColumnType.IMAGE) {
                out.add(c.name());
            }
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    /** Prepares and runs the job. */
    public EmbedResult run(EmbedJob job, IngestListener listener, Cancellation cancellation) {
        Plan plan = plan(job, true);
        return fill(job, plan.model(), plan.prompts(), listener, cancellation);
    }

    private String sourceSql(EmbedJob job) {
        if (job.sources().size() == 1) {
            return Identifiers.quote(job.sources().get(0));
        }
        List<String> q = new ArrayList<>();
        job.sources().forEach(s -> q.add(Identifiers.quote(s)));
        return "coalesce(" + String.join(", ", q) + ")";
    }

    /** Embeds every row of the prepared job that has a source value and no vector yet. */
    EmbedResult fill(
            EmbedJob job, Embedder model, Prompts prompts, IngestListener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        String table = backend.describeTable(job.table()).name();
        String data = "lb_data." + Identifiers.quote(table);
        String into = Identifiers.quote(job.into());
        String src = sourceSql(job);
        long total = ((Number) backend.execute(QueryRequest.of("SELECT count(*) FROM " + data + " WHERE " + into
                                + " IS NULL AND " + src + " IS NOT NULL"))
                        .rows()
                        .get(0)
                        .get(0))
                .longValue();
        Progress progress = new Progress(listener, total, start);
        AtomicLong empty = new AtomicLong();
        AtomicLong truncated = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        String read = "SELECT _lb_key, " + src + " FROM " + data + " WHERE " + into + " IS NULL AND " + src
                + " IS NOT NULL AND _lb_key > $1" + " ORDER BY _lb_key LIMIT " + job.batchSize();
        ExecutorService infer = NamedThreads.fixed("lakebench-embed", 1);
        ExecutorService write = NamedThreads.fixed("lakebench-embed-write", 1);
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        boolean cancelled = false;
        try {
            long after = Long.MIN_VALUE;
            while (true) {
                if (cancellation.isCancelled()) {
                    cancelled = true;
                    break;
                }
                List<Row> page = backend.execute(QueryRequest.of(read, after)).rows();
                if (page.isEmpty()) {
                    break;
                }
                after = ((Number) page.get(page.size() - 1).get(0)).longValue();
                Future<Batch> embedded =
                        infer.submit(() -> embed(model, prompts, page, empty, truncated, failed, warnings));
                inFlight.add(write.submit(() -> {
                    Batch b = embedded.get();
                    store(table, into, b);
                    progress.done(b.keys.size(), page.size());
                    return null;
                }));
                while (inFlight.size() > IN_FLIGHT) {
                    inFlight.poll().get();
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            infer.shutdownNow();
            write.shutdown();
            try {
                write.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (empty.get() > 0) {
            warnings.add(
                    0, empty.get() + " rows have an empty " + String.join("/", job.sources()) + " and got no vector");
        }
        if (truncated.get() > 0) {
            warnings.add(
                    0,
                    truncated.get() + " texts were longer than the model's " + model.maxTokens()
                            + " tokens; their vectors cover the beginning");
        }
        progress.finish();
        return new EmbedResult(
                table,
                job.into(),
                model.name(),
                model.dimension(),
                progress.embedded.get(),
                empty.get(),
                truncated.get(),
                failed.get(),
                List.copyOf(warnings),
                cancelled,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Row keys and their vectors. */
    private record Batch(List<Long> keys, List<float[]> vectors) {}

    private Batch embed(
            Embedder model,
            Prompts prompts,
            List<Row> page,
            AtomicLong empty,
            AtomicLong truncated,
            AtomicLong failed,
            List<String> warnings) {
        List<Long> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (Row r : page) {
            long key = ((Number) r.get(0)).longValue();
            Object v = r.get(1);
            if (v instanceof String s) {
                if (s.isBlank()) {
                    empty.incrementAndGet();
                    continue;
                }
                texts.add(s);
            } else if (v instanceof byte[] bytes) {
                try {
                    images.add(decode(bytes));
                } catch (IOException | RuntimeException e) {
                    failed.incrementAndGet();
                    if (warnings.size() < 100) {
                        warnings.add("Row " + key + ": the picture cannot be decoded (" + e.getMessage()
                                + "); it got no vector");
                    }
                    continue;
                }
            } else {
                continue;
            }
            keys.add(key);
        }
        List<float[]> vectors = new ArrayList<>();
        if (!texts.isEmpty()) {
            Embedder.Embedding e = model.embedTexts(prompts.forDocuments(texts));
            truncated.addAndGet(e.truncated());
            vectors.addAll(List.of(e.vectors()));
        } else if (!images.isEmpty()) {
            vectors.addAll(List.of(model.embedImages(images)));
        }
        return new Batch(keys, vectors);
    }

    /** The stored picture (any format the image readers know: PNG, JPEG, WebP, GIF, BMP). */
    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) {
            throw new IOException("not a picture in a known format (" + bytes.length + " bytes)");
        }
        return img;
    }

    /** One UPDATE per batch: committed together, and only where no vector was written in the meantime. */
    private void store(String table, String into, Batch b) {
        if (b.keys.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE ")
                .append(Identifiers.quote(table))
                .append(" SET ")
                .append(into)
                .append(" = CASE _lb_key");
        StringBuilder in = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < b.keys.size(); i++) {
            int k = params.size() + 1;
            sql.append(" WHEN $").append(k).append(" THEN $").append(k + 1);
            in.append(i == 0 ? "" : ", ").append('$').append(k);
            params.add(b.keys.get(i));
            params.add(b.vectors.get(i));
        }
        sql.append(" END WHERE ")
                .append(into)
                .append(" IS NULL AND _lb_key IN (")
                .append(in)
                .append(')');
        backend.execute(QueryRequest.of(sql.toString(), params));
    }

    /** Reports rows embedded of the total through the ingest listener. */
    private static final class Progress {
        final IngestListener listener;
        final long total;
        final long start;
        final AtomicLong embedded = new AtomicLong();
        final AtomicLong seen = new AtomicLong();

        Progress(IngestListener listener, long total, long start) {
            this.listener = listener;
            this.total = total;
            this.start = start;
            report();
        }

        void done(int rows, int pageRows) {
            embedded.addAndGet(rows);
            seen.addAndGet(pageRows);
            report();
        }

        void finish() {
            report();
        }

        private void report() {
            if (listener != null) {
                listener.onProgress(new IngestProgress(
                        0,
                        0,
                        seen.get(),
                        embedded.get(),
                        total,
                        0,
                        "embedding",
                        Duration.ofNanos(System.nanoTime() - start)));
            }
        }
    }
}
