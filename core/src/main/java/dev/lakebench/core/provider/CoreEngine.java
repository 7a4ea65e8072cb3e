package dev.lakebench.core.provider;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.backend.postgres.PostgresBackend;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.spi.EngineServices;
import dev.lakebench.core.ingest.Ingestor;
import dev.lakebench.core.sql.DatasetSql;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.DataDirectory;
import dev.lakebench.core.store.Identifiers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engines behind the SDK's facades: the local, managed and PostgreSQL backends, the ingest pipeline and the
 * SQL helpers. Registered in {@code META-INF/services/dev.lakebench.core.client.spi.EngineServices}.
 */
public final class CoreEngine implements EngineServices {

    /** ServiceLoader needs a public no-argument constructor. */
    public CoreEngine() {}

    @Override
    public Backend local(Path dataDir, String workspaceId, List<Path> allowedFileDirectories) {
        DataDirectory dir = dataDir == null ? DataDirectory.fromEnvironment() : new DataDirectory(dataDir);
        return new LocalBackend(
                dir, workspaceId == null ? DataDirectory.DEFAULT_WORKSPACE : workspaceId, allowedFileDirectories);
    }

    @Override
    public Backend managed(String token, String workspaceId, String apiUrl) {
        return ManagedBackend.connect(token, workspaceId, apiUrl);
    }

    @Override
    public Backend managed(ManagedSettings settings, String token, Function<String, String> env) {
        return ManagedBackend.connect(settings, ApiToken.resolve(token, env), env);
    }

    @Override
    public Backend postgres(String jdbcUrl, String workspaceId, String password) {
        return PostgresBackend.connect(jdbcUrl, workspaceId, password);
    }

    @Override
    public IngestResult ingest(
            Backend backend, String table, Map<String, ? extends List<?>> data, IngestOptions options) {
        return new Ingestor(backend).ingest(table, data, options);
    }

    @Override
    public String checkTableName(String table) {
        return Identifiers.checkTableName(table);
    }

    @Override
    public String quoteIdentifier(String name) {
        return Identifiers.quote(name);
    }

    @Override
    public int highestParameter(String sql) {
        int highest = 0;
        for (Token t : SqlLexer.significant(sql)) {
            if (t.kind() == Token.Kind.PARAMETER) {
                highest = Math.max(highest, t.parameterIndex());
            }
        }
        return highest;
    }

    @Override
    public String datasetView(String baseSql, String table, String select) {
        return DatasetSql.narrow(baseSql, table, select);
    }

    @Override
    public String datasetTable(String table) {
        return DatasetSql.table(table);
    }

    @Override
    public String datasetCount(String sql) {
        return DatasetSql.count(sql);
    }

    @Override
    public String datasetRow(String sql, long index) {
        return DatasetSql.row(sql, index);
    }

    @Override
    public String datasetShuffled(String sql, long seed) {
        return DatasetSql.shuffled(sql, seed);
    }
}
