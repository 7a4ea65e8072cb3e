package dev.lakebench.core.backend.managed;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;

/**
 * {@code CREATE TABLE IF NOT EXISTS "t" ("c" TYPE, ..) USING deeplake}, the way the service's clients create
 * tables: PostgreSQL base types for scalars and vectors, pg_deeplake's domains (IMAGE, VIDEO, ...) for typed bytes
 * and the small typed arrays, so that a later describe reads the same Lakebench types back.
 */
final class TableDdl {

    private TableDdl() {}

    static String createTable(String table, TableSchema schema) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                .append(Identifiers.quote(table))
                .append(" (");
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append(Identifiers.quote(c.name()))
                    .append(' ')
                    .append(sqlType(c));
        }
        return sql.append(") USING deeplake").toString();
    }

    /** The column list as sent, e.g. {@code "n" INT8, "m" EMBEDDING_2D}, for messages. */
    static String columns(TableSchema schema) {
        StringBuilder sb = new StringBuilder();
        for (Column c : schema.columns()) {
            sb.append(sb.isEmpty() ? "" : ", ")
                    .append(Identifiers.quote(c.name()))
                    .append(' ')
                    .append(sqlType(c));
        }
        return sb.toString();
    }

    /** The column's type as created: JSON / JSONB for a text column of JSON documents, else its type's. */
    static String sqlType(Column c) {
        return c.isJson() ? c.engineType() : sqlType(c.type());
    }

    static String sqlType(ColumnType t) {
        return switch (t) {
            case TEXT -> "TEXT";
            case INT32 -> "INT4";
            case INT64 -> "INT8";
            case FLOAT32 -> "FLOAT4";
            case FLOAT64 -> "FLOAT8";
            case BOOL -> "BOOL";
            case BINARY -> "BYTEA";
            case EMBEDDING -> "FLOAT4[]";
            default -> t.name();
        };
    }
}
