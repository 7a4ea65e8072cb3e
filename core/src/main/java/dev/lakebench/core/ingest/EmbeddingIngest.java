package dev.lakebench.core.ingest;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.embed.BuiltinModels;
import dev.lakebench.core.embed.ColumnEmbedder;
import dev.lakebench.core.embed.EmbedJob;
import dev.lakebench.core.embed.EmbedResult;
import dev.lakebench.core.embed.ModelError;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ingest that also gives rows vectors ({@link IngestOptions#embed}): checks the models before any row is
 * written, ingests the rows as usual, then fills each vector column with {@link ColumnEmbedder} and builds the
 * indexes asked for on them. A cancelled or crashed run resumes without recomputing anything: the rerun skips
 * the files already in, and the embedder only visits rows that have no vector yet.
 */
final class EmbeddingIngest {

    private final Backend backend;
    private final Ingestor ingestor;

    EmbeddingIngest(Backend backend, Ingestor ingestor) {
        this.backend = backend;
        this.ingestor = ingestor;
    }

    IngestResult ingest(String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        if (!(backend instanceof LocalBackend local)) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Embeddings at ingest run on the local engine; this client is " + backend.kind(),
                    "Ingest without embed(...) and compute vectors on the server, or ingest locally");
        }
        Models models = Models.of(local.dataDirectory().root());
        List<String> outputs = new ArrayList<>();
        for (IngestOptions.Embed e : options.embeds()) {
            if (e.model() != null) {
                models.get(e.model()); // an unknown or damaged model fails here, before any row is written
            } else if (picturesBeforeIngest(e, options)) {
                imageModel(models, e.source()); // no image model: say so before the files are read, not after
            }
            outputs.add(e.into() != null ? e.into() : EmbedJob.defaultInto(e.source()));
        }
        ColumnEmbedder embedder = new ColumnEmbedder(local);
        boolean existed = backend.listTables().stream().anyMatch(t -> t.equalsIgnoreCase(table));
        if (existed) {
            TableSchema schema = backend.describeTable(table).schema();
            for (IngestOptions.Embed e : options.embeds()) {
                if (schema.column(e.source()).isPresent()) {
                    embedder.check(job(table, e, schema, models));
                }
            }
        }
        IngestOptions rows = options.copy();
        rows.embeds().clear();
        rows.index().removeIf(c -> outputs.stream().anyMatch(o -> o.equalsIgnoreCase(c)));
        IngestResult result = ingestor.ingest(table, data, rows);
        if (result.cancelled() || result.datasetPath() == null) {
            return result;
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        boolean cancelled = false;
        Duration elapsed = result.elapsed();
        TableSchema schema = backend.describeTable(table).schema();
        for (IngestOptions.Embed e : options.embeds()) {
            if (cancelled) {
                break;
            }
            if (schema.column(e.source()).isEmpty()) {
                warnings.add("No vectors for \"" + e.source() + "\": the rows have no such column (columns: "
                        + String.join(", ", schema.names()) + ")");
                continue;
            }
            EmbedJob job = job(table, e, schema, models);
            EmbedResult r = embedder.run(job, options.listener(), options.cancellation());
            warnings.addAll(r.warnings());
            cancelled = r.cancelled();
            elapsed = elapsed.plus(r.elapsed());
            if (!cancelled && options.index().stream().anyMatch(c -> c.equalsIgnoreCase(job.into()))) {
                backend.createIndex(table, job.into(), null, options.listener(), options.cancellation());
            }
        }
        return new IngestResult(
                result.tableName(),
                result.rowCount(),
                result.datasetPath(),
                result.failures(),
                warnings,
                cancelled,
                elapsed);
    }

    /**
     * The job for one request: a file ingest's {@code image} also covers video segments' {@code thumbnail} (one
     * vector column for every picture of the table); the default model is the built-in one for text and the
     * installed image model for pictures.
     */
    private static EmbedJob job(String table, IngestOptions.Embed e, TableSchema schema, Models models) {
        List<String> sources = new ArrayList<>(List.of(e.source()));
        if (e.source().equalsIgnoreCase("image")
                && schema.column("thumbnail")
                        .map(c -> c.type() == ColumnType.IMAGE)
                        .orElse(false)) {
            sources.add("thumbnail");
        }
        String model = e.model();
        if (model == null) {
            boolean image = schema.column(e.source()).map(Column::type).orElse(ColumnType.TEXT) == ColumnType.IMAGE;
            model = image ? imageModel(models, e.source()) : BuiltinModels.MINILM;
        }
        String into = e.into() != null ? e.into() : EmbedJob.defaultInto(e.source());
        return new EmbedJob(table, sources, model, into, EmbedJob.DEFAULT_BATCH);
    }

    /**
     * Whether a request's source column is known to hold pictures before any row exists: declared IMAGE, or the
     * picture column of a file ingest (images' {@code image}, videos' {@code thumbnail}).
     */
    private static boolean picturesBeforeIngest(IngestOptions.Embed e, IngestOptions options) {
        if (options.typeOf(e.source()) == ColumnType.IMAGE) {
            return true;
        }
        return options.hasFileColumns()
                && (e.source().equalsIgnoreCase("image") || e.source().equalsIgnoreCase("thumbnail"));
    }

    private static String imageModel(Models models, String column) {
        for (ModelInfo m : models.list()) {
            if (m.kinds().contains("image")) {
                return m.name();
            }
        }
        throw new ModelError(
                ErrorCode.MODEL_NOT_FOUND,
                "Column \"" + column + "\" holds pictures and no image model is installed",
                "Get one: lakebench models pull Xenova/clip-vit-base-patch32 (then name it, or leave the model out)");
    }
}
