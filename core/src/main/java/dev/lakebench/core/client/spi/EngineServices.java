package dev.lakebench.core.client.spi;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the SDK's facades ({@code Client}, {@code QueryBuilder}, {@code Dataset}) need from the engine packages.
 * The facades sit below the engines at compile time and reach them only through this interface; the engine
 * side registers its implementation in {@code META-INF/services}, and {@link #get()} finds it with
 * {@link java.util.ServiceLoader}.
 */
public interface EngineServices {

    /** The one implementation on the class path (found once, then cached). */
    static EngineServices get() {
        return LoadedEngine.INSTANCE;
    }

    /**
     * Opens a workspace of a local data directory; {@code dataDir} null means the default data directory
     * ({@code LAKEBENCH_HOME} or the OS convention), {@code workspaceId} null the default workspace.
     */
    Backend local(Path dataDir, String workspaceId, List<Path> allowedFileDirectories);

    /** A managed workspace, with the fallbacks of {@code Client.managed}. */
    Backend managed(String token, String workspaceId, String apiUrl);

    /** A managed workspace by settings; {@code token} null falls back to {@code env}'s API key. */
    Backend managed(ManagedSettings settings, String token, Function<String, String> env);

    /** A workspace (a schema) of a PostgreSQL database with pgvector. */
    Backend postgres(String jdbcUrl, String workspaceId, String password);

    /** Ingests column data, file paths or a format's rows into {@code table} of {@code backend}. */
    IngestResult ingest(Backend backend, String table, Map<String, ? extends List<?>> data, IngestOptions options);

    /** The table name, checked (TableError when it is not a valid name). */
    String checkTableName(String table);

    /** A name quoted as an identifier of the engine's SQL. */
    String quoteIdentifier(String name);

    /** The highest {@code $n} placeholder in a piece of SQL, 0 when it has none. */
    int highestParameter(String sql);

    /**
     * The SQL of a view of a dataset: {@code select} narrows the rows of {@code baseSql} (the dataset's SQL over
     * {@code table}); a SELECT without FROM implies the dataset, one with FROM is taken as written.
     */
    String datasetView(String baseSql, String table, String select);

    /** The SQL of every row of a table (checked name): a dataset's starting point. */
    String datasetTable(String table);

    /** The SQL counting the rows of a dataset's SQL, as column {@code n}. */
    String datasetCount(String sql);

    /** The SQL of row {@code index} (0-based, not negative) of a dataset's SQL, in its order. */
    String datasetRow(String sql, long index);

    /** The SQL of a dataset's rows in the order of a seeded shuffle (the same seed, the same order). */
    String datasetShuffled(String sql, long seed);
}
