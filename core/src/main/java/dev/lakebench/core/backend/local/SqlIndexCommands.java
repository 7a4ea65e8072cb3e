package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.IndexManager;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.sql.Translation;
import java.time.Duration;
import java.util.List;

/**
 * {@code CREATE INDEX} and {@code DROP INDEX} in SQL. A create waits for the build within the statement's
 * timeout; a larger build goes on in the background (the result says so, and describeTable shows the index as
 * not ready; searches run exactly until it is). Cancelling the statement cancels the build.
 */
final class SqlIndexCommands implements StatementRunner.IndexCommands {

    private static final List<String> COLUMNS = List.of("index", "table", "column", "type", "status");

    private final IndexManager indexes;
    private final LocalBackend backend;

    SqlIndexCommands(IndexManager indexes, LocalBackend backend) {
        this.indexes = indexes;
        this.backend = backend;
    }

    @Override
    public QueryResult create(Translation.CreateIndex ci, QueryRequest req) {
        var table = backend.workspace().require(ci.table().name());
        IndexManager.Created c = indexes.create(
                table,
                ci.columns(),
                ci.type(),
                ci.name(),
                ci.ifNotExists(),
                ci.options(),
                null,
                req.cancellation(),
                req.timeout()
                        .minus(Duration.ofMillis(Math.min(500, req.timeout().toMillis() / 10))));
        String status = c.ready()
                ? (c.existed() ? "exists" : "ready")
                : "building " + Math.round(c.progress() * 100)
                        + "% (continues in the background; searches are exact until it is ready)";
        Row row = new Row(COLUMNS, new Object[] {
            c.definition().name(),
            c.definition().table(),
            String.join(", ", c.definition().columns()),
            c.definition().type().label(),
            status
        });
        List<ResultColumn> cols = COLUMNS.stream()
                .map(n -> new ResultColumn(n, ColumnType.TEXT, "VARCHAR"))
                .toList();
        return new QueryResult(cols, List.of(row), 0, Duration.ZERO);
    }

    @Override
    public boolean drop(Translation.DropIndex di) {
        boolean any = di.names().stream().anyMatch(indexes::exists);
        if (!any) {
            if (di.ifExists() && !di.names().isEmpty()) {
                return true;
            }
            return false;
        }
        for (String n : di.names()) {
            if (!indexes.drop(n) && !di.ifExists()) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "Index \"" + n + "\" does not exist",
                        "Check the name with describeTable");
            }
        }
        return true;
    }

    @Override
    public List<dev.lakebench.core.client.IndexInfo> of(dev.lakebench.core.store.TableDef table) {
        return indexes.indexes(table);
    }
}
