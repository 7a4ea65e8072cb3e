package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns answer rows (arrays, or objects keyed by column) into {@link Row}s one at a time. Values are typed by
 * JSON form, and — once a row holds text (possibly encoded bytes) — by the type of a same-named column of a
 * table the statement reads, looked up then and only once (see {@link RemoteResults}).
 */
final class RowDecoder {

    private final List<String> names;
    private final List<SqlStatement> statements;
    private final Function<String, Optional<TableSchema>> tables;
    private ColumnType[] known;
    private final ColumnType[] seen;

    RowDecoder(List<String> names, List<SqlStatement> statements, Function<String, Optional<TableSchema>> tables) {
        this.names = List.copyOf(names);
        this.statements = statements;
        this.tables = tables;
        this.seen = new ColumnType[names.size()];
    }

    List<String> names() {
        return names;
    }

    Row decode(JsonNode r) {
        if (known == null && hasText(r)) {
            known = knownTypes();
        }
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = r.isArray() ? r.get(i) : r.get(names.get(i));
            values[i] = JsonValues.value(v, known == null ? null : known[i]);
            if (seen[i] == null) {
                seen[i] = JsonValues.inferredType(values[i]);
            }
        }
        return new Row(names, values);
    }

    /** Column types: the table column's where known, else what the values looked like. */
    List<ResultColumn> columns() {
        List<ResultColumn> rc = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            ColumnType t = known != null && known[i] != null ? known[i] : seen[i];
            rc.add(new ResultColumn(names.get(i), t, t == null ? "unknown" : t.name()));
        }
        return rc;
    }

    private static boolean hasText(JsonNode r) {
        for (JsonNode v : r) {
            if (v.isTextual()) {
                return true;
            }
        }
        return false;
    }

    private ColumnType[] knownTypes() {
        ColumnType[] k = new ColumnType[names.size()];
        for (String table : RemoteResults.tablesRead(statements)) {
            Optional<TableSchema> s = tables.apply(table);
            if (s.isEmpty()) {
                continue;
            }
            for (int i = 0; i < names.size(); i++) {
                Optional<Column> c = s.get().column(names.get(i));
                if (k[i] == null && c.isPresent()) {
                    k[i] = c.get().type();
                }
            }
        }
        return k;
    }
}
