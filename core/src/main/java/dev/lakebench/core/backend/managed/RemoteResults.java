package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.QualifiedName;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@code {"columns": [..], "rows": [[..], ..]}} answer into rows of plain Java values. JSON carries no
 * column types, so values are typed in two steps: by their JSON form (integers → Long, other numbers → Double,
 * number arrays → float[], nested number arrays → float[][]), and — for result columns that share a name with a
 * column of a table the statement reads — by that column's type, which is how IMAGE and other byte columns
 * (sent as base64 or {@code \x} hex text) come back as byte[] (see docs/managed-protocol.md).
 */
final class RemoteResults {

    private RemoteResults() {
    }

    record Decoded(List<ResultColumn> columns, List<Row> rows) {
    }

    static Decoded decode(JsonNode body, List<SqlStatement> statements, Function<String, Optional<TableSchema>> tables,
                          String apiUrl) {
        JsonNode cols = body.path("columns");
        JsonNode rows = body.path("rows");
        if (cols.isMissingNode() && rows.isMissingNode()) {
            return new Decoded(List.of(), List.of());
        }
        if (!cols.isArray() || !(rows.isArray() || rows.isMissingNode() || rows.isNull())) {
            throw new ManagedServiceError(ErrorCode.SERVICE_ERROR,
                    "The managed API at " + apiUrl + " answered a query without a \"columns\" list and a \"rows\" list",
                    "Check that " + apiUrl + " is the managed API and that this Lakebench version supports it");
        }
        List<String> names = new ArrayList<>(cols.size());
        for (JsonNode c : cols) {
            names.add(c.isObject() ? c.path("name").asText() : c.asText());
        }
        ColumnType[] known = knownTypes(names, rows, statements, tables);
        List<Row> out = new ArrayList<>(rows.size());
        ColumnType[] seen = new ColumnType[names.size()];
        List<String> rowNames = List.copyOf(names);
        for (JsonNode r : rows.isArray() ? rows : List.<JsonNode>of()) {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = r.isArray() ? r.get(i) : r.get(names.get(i));
                values[i] = JsonValues.value(v, known[i]);
                if (seen[i] == null) {
                    seen[i] = JsonValues.inferredType(values[i]);
                }
            }
            out.add(new Row(rowNames, values));
        }
        List<ResultColumn> rc = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            ColumnType t = known[i] != null ? known[i] : seen[i];
            rc.add(new ResultColumn(names.get(i), t, t == null ? "unknown" : t.name()));
        }
        return new Decoded(rc, out);
    }

    /**
     * Types of result columns named like a column of a table the statement reads. Only looked up when the answer
     * holds text values (possible encoded bytes) so that plain numeric results cost no catalog round trip.
     */
    private static ColumnType[] knownTypes(List<String> names, JsonNode rows, List<SqlStatement> statements,
                                           Function<String, Optional<TableSchema>> tables) {
        ColumnType[] known = new ColumnType[names.size()];
        if (!hasText(rows)) {
            return known;
        }
        for (String table : tablesRead(statements)) {
            Optional<TableSchema> s = tables.apply(table);
            if (s.isEmpty()) {
                continue;
            }
            for (int i = 0; i < names.size(); i++) {
                Optional<Column> c = s.get().column(names.get(i));
                if (known[i] == null && c.isPresent()) {
                    known[i] = c.get().type();
                }
            }
        }
        return known;
    }

    private static boolean hasText(JsonNode rows) {
        if (!rows.isArray()) {
            return false;
        }
        int checked = 0;
        for (JsonNode r : rows) {
            for (JsonNode v : r) {
                if (v.isTextual()) {
                    return true;
                }
            }
            if (++checked >= 50) {
                break;
            }
        }
        return false;
    }

    /** Names after FROM, JOIN, INTO and UPDATE in the statements (CTE names simply find no table). */
    static Set<String> tablesRead(List<SqlStatement> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlStatement st : statements) {
            List<Token> sig = st.significant();
            for (int i = 0; i + 1 < sig.size(); i++) {
                Token t = sig.get(i);
                if (t.isWord("FROM") || t.isWord("JOIN") || t.isWord("INTO") || t.isWord("UPDATE")) {
                    QualifiedName q = QualifiedName.read(sig, i + 1);
                    if (q != null) {
                        out.add(q.name());
                    }
                }
            }
        }
        return out;
    }
}
