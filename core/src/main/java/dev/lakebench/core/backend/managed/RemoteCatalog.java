package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server says about a table, read with SQL through the query endpoint (the protocol has no describe call):
 * columns and types from {@code information_schema.columns}, vector sizes and row count in one query, indexes
 * from {@code pg_indexes}. Column types are cached per table (they type result values) and dropped on DDL.
 */
final class RemoteCatalog {

    /**
     * Filtered on the workspace's schema, as the service's other clients do: the catalog shows every workspace
     * (each is a PostgreSQL schema), and {@code current_schema()} need not be the workspace's.
     */
    static final String COLUMNS_SQL = "SELECT column_name, udt_name, domain_name FROM information_schema.columns"
            + " WHERE table_schema = $2 AND table_name = $1 ORDER BY ordinal_position";

    static final String INDEXES_SQL = "SELECT indexname, indexdef FROM pg_indexes"
            + " WHERE schemaname = $2 AND tablename = $1 ORDER BY indexname";
    private static final Pattern INDEX_DEF = Pattern.compile(
            "USING\\s+(\\w+)\\s*\\(\\s*\"?([^\")\\s]+)\"?[^)]*\\)(?:\\s*WITH\\s*\\(\\s*index_type\\s*=\\s*'?(\\w+)'?)?",
            Pattern.CASE_INSENSITIVE);
    private static final long TTL_NANOS = 30_000_000_000L;

    /** Runs SQL with parameters and returns the JSON answer. */
    private final BiFunction<String, List<Object>, JsonNode> query;

    private final String workspace;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<TableSchema> schema, long at) {}

    RemoteCatalog(String workspace, BiFunction<String, List<Object>, JsonNode> query) {
        this.workspace = workspace;
        this.query = query;
    }

    /** The table's columns (vector sizes unknown = 0), cached; empty when the server has no such table. */
    Optional<TableSchema> columns(String table) {
        String key = table.toLowerCase(Locale.ROOT);
        Cached c = cache.get(key);
        if (c != null && System.nanoTime() - c.at < TTL_NANOS) {
            return c.schema;
        }
        Optional<TableSchema> s = readColumns(table);
        cache.put(key, new Cached(s, System.nanoTime()));
        return s;
    }

    void invalidate() {
        cache.clear();
    }

    void invalidate(String table) {
        cache.remove(table.toLowerCase(Locale.ROOT));
    }

    private Optional<TableSchema> readColumns(String table) {
        JsonNode r = query.apply(COLUMNS_SQL, List.of(table, workspace));
        List<Column> cols = new ArrayList<>();
        for (JsonNode row : rows(r)) {
            String name = row.get(0).asText();
            String udt = row.path(1).isNull() ? null : row.path(1).asText();
            String domain = row.path(2).isNull() ? null : row.path(2).asText();
            ColumnType t = PgTypes.fromServer(domain, udt);
            cols.add(new Column(name, t, 0, t == ColumnType.OTHER ? udt : PgTypes.jsonType(udt)));
        }
        return cols.isEmpty() ? Optional.empty() : Optional.of(new TableSchema(cols));
    }

    /** Columns with vector sizes, row count and indexes; TableError when the table does not exist. */
    TableInfo describe(String table, String workspace) {
        invalidate(table);
        TableSchema schema = columns(table)
                .orElseThrow(() -> new TableError(
                        ErrorCode.TABLE_NOT_FOUND,
                        "Table \"" + table + "\" does not exist in workspace \"" + workspace + "\"",
                        "List the tables with listTables(), or ingest data to create it"));
        String t = Identifiers.quote(table);
        StringBuilder sql =
                new StringBuilder("SELECT (SELECT count(*) FROM ").append(t).append(") AS row_count");
        List<Integer> vectorCols = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.get(i);
            if (c.type().isVector()) {
                String q = Identifiers.quote(c.name());
                int dim = c.type() == ColumnType.EMBEDDING_2D ? 2 : 1;
                sql.append(", (SELECT array_length(")
                        .append(q)
                        .append(", ")
                        .append(dim)
                        .append(") FROM ")
                        .append(t)
                        .append(" WHERE ")
                        .append(q)
                        .append(" IS NOT NULL LIMIT 1) AS ")
                        .append(Identifiers.quote("dim_" + i));
                vectorCols.add(i);
            }
        }
        JsonNode first = firstRow(query.apply(sql.toString(), List.of()));
        long rowCount = first == null ? 0 : first.path(0).asLong();
        for (int k = 0; k < vectorCols.size(); k++) {
            JsonNode d = first == null ? null : first.get(k + 1);
            if (d != null && d.canConvertToInt() && d.asInt() > 0) {
                int i = vectorCols.get(k);
                schema = schema.with(schema.get(i).withDimension(d.asInt()));
            }
        }
        return new TableInfo(table, schema, rowCount, indexes(table, schema));
    }

    /** The table's indexes from {@code pg_indexes}: name, column and index type. */
    List<IndexInfo> indexes(String table, TableSchema schema) {
        List<IndexInfo> indexes = new ArrayList<>();
        for (JsonNode row : rows(query.apply(INDEXES_SQL, List.of(table, workspace)))) {
            String name = row.get(0).asText();
            Matcher m = INDEX_DEF.matcher(row.path(1).asText());
            if (m.find()) {
                String type =
                        m.group(3) != null ? m.group(3).toLowerCase(Locale.ROOT) : defaultIndexType(schema, m.group(2));
                indexes.add(new IndexInfo(name, table, m.group(2), type, true));
            }
        }
        return indexes;
    }

    private static String defaultIndexType(TableSchema schema, String column) {
        return schema.column(column)
                .map(c -> switch (c.type().storage()) {
                    case TEXT -> "bm25";
                    case VECTOR, MULTI_VECTOR -> "vector";
                    default -> "inverted";
                })
                .orElse("inverted");
    }

    static Iterable<JsonNode> rows(JsonNode body) {
        JsonNode rows = body.path("rows");
        return rows.isArray() ? rows : List.of();
    }

    private static JsonNode firstRow(JsonNode body) {
        JsonNode rows = body.path("rows");
        return rows.isArray() && !rows.isEmpty() ? rows.get(0) : null;
    }
}
