package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.QualifiedName;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The fake service's SQL endpoint: plain statements run on the workspace's local engine; the few statements a
 * PostgreSQL server answers from its catalog (information_schema, pg_indexes, array_length of vectors) are
 * answered from the local catalog; ingest batches and CREATE INDEX .. USING deeplake_index are applied through
 * the local backend's sink and index API. Errors carry PostgreSQL's wording, shaped by the service's profile.
 */
final class FakeSql {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE INDEX IF NOT EXISTS \"[^\"]+\" ON \"([^\"]+)\" USING deeplake_index \\(\"([^\"]+)\"\\)(?: WITH \\(index_type = '(\\w+)'\\))?");
    private static final Pattern DROP_IF_EMPTY = Pattern.compile("DO \\$lb\\$ BEGIN LOCK TABLE \"([^\"]+)\" .*");
    private static final Pattern DIM_ALIAS = Pattern.compile("\"dim_(\\d+)\"");

    private final FakeManagedService service;
    private final Object ingestLock = new Object();

    FakeSql(FakeManagedService service) {
        this.service = service;
    }

    private static final Pattern NAME_FILTER = Pattern.compile(
            "(table_name|tablename|table_schema|schemaname)\\s*=\\s*\\(?\\s*(\\$(\\d+)|'([^']*)'|current_schema\\(\\))");
    private static final Pattern IF_NOT_EXISTS_INDEX = Pattern.compile(
            "(?is)CREATE\\s+INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+\"?[^\"\\s]+\"?\\s+ON\\s+\"?([^\"\\s(]+)\"?.*?\\(\\s*\"?([^\")\\s]+)\"?\\s*\\).*");
    private static final Pattern ADD_COLUMN_IF_NOT_EXISTS = Pattern.compile(
            "(?is)ALTER\\s+TABLE\\s+\"?([^\"\\s]+)\"?\\s+ADD\\s+COLUMN\\s+IF\\s+NOT\\s+EXISTS\\s+\"?([^\"\\s]+)\"?.*");

    MockResponse run(String ws, LocalBackend local, JsonNode body) {
        String sql = body.path("query").asText("");
        List<Object> params = new ArrayList<>();
        for (JsonNode p : body.path("params")) {
            params.add(param(p));
        }
        if (service.refusesParams() && !params.isEmpty()) {
            // a service that ignores "params" runs the statement with nothing bound
            return service.queryError("there is no parameter $1");
        }
        if (service.refusesDoBlocks() && sql.matches("(?is)\\s*DO\\s.*")) {
            return service.queryError("syntax error at or near \"DO\"");
        }
        try {
            MockResponse dup = alreadyExists(local, sql);
            if (dup != null) {
                return dup;
            }
            if (service.refusesHeapTables()
                    && sql.matches("(?is)\\s*CREATE\\s+TABLE.*")
                    && !sql.matches("(?is).*USING\\s+deeplake.*")) {
                return service.queryError("only tables USING deeplake can be created here");
            }
            JsonNode answer = answer(ws, local, sql, params, body.path("timeout_ms"));
            return answer == null
                    ? new MockResponse.Builder()
                            .code(200)
                            .body(service.profile() == FakeManagedService.Profile.REAL ? "{}" : "")
                            .build()
                    : FakeManagedService.ok(answer);
        } catch (ManagedServiceError e) {
            return service.queryError(pgMessage(e));
        }
    }

    /** The service answers IF NOT EXISTS on an existing index or column with an error, not a no-op. */
    private MockResponse alreadyExists(LocalBackend local, String sql) {
        if (service.profile() != FakeManagedService.Profile.REAL) {
            return null;
        }
        Matcher ci = IF_NOT_EXISTS_INDEX.matcher(sql);
        if (ci.matches()) {
            TableInfo info = describe(local, ci.group(1));
            if (info != null && info.indexes().stream().anyMatch(i -> i.column().equalsIgnoreCase(ci.group(2)))) {
                return service.queryError("Column '" + ci.group(2) + "' already exists");
            }
        }
        Matcher ac = ADD_COLUMN_IF_NOT_EXISTS.matcher(sql);
        if (ac.matches()) {
            TableInfo info = describe(local, ac.group(1));
            if (info != null && info.schema().column(ac.group(2)).isPresent()) {
                return service.queryError("Column '" + ac.group(2) + "' already exists");
            }
        }
        return null;
    }

    /** The workspace a catalog query's schema filter names ({@code current_schema()} is the workspace, or "public"). */
    private LocalBackend schemaOf(String ws, LocalBackend local, String schema) {
        String name = schema == null ? ws : schema;
        if (name.equals(ws)) {
            return local;
        }
        return service.workspaceExists(name) ? service.workspace(name) : null;
    }

    /** [table, schema] from a catalog query's filters, by parameter or literal; schema null = current_schema(). */
    private String[] filters(String ws, String sql, List<Object> params) {
        String table = null;
        String schema = null;
        boolean sawSchema = false;
        Matcher m = NAME_FILTER.matcher(sql);
        while (m.find()) {
            String v = m.group(3) != null
                    ? (String) params.get(Integer.parseInt(m.group(3)) - 1)
                    : m.group(4) != null ? m.group(4) : service.publicSchemaMode() ? "public" : ws;
            if (m.group(1).toLowerCase(Locale.ROOT).contains("schema")) {
                schema = v;
                sawSchema = true;
            } else {
                table = v;
            }
        }
        // a catalog query without a schema filter sees every workspace; the fake answers from the first that has it
        return new String[] {table, sawSchema ? schema : (service.publicSchemaMode() ? "public" : ws)};
    }

    private JsonNode answer(String ws, LocalBackend local, String sql, List<Object> params, JsonNode timeoutMs) {
        if (sql.equals(InsertBatch.DEEPLAKE_LEDGER_DDL)) {
            // the local engine keeps "_lb_" names for itself: the ledger is a plain engine table here
            local.execute(QueryRequest.of(sql.replace(" USING deeplake", "")));
            return null;
        }
        if (sql.startsWith(RemoteCatalog.COLUMNS_SQL.substring(0, RemoteCatalog.COLUMNS_SQL.indexOf(" WHERE")))) {
            // the client's catalog query; any other information_schema query runs on the engine as written
            String[] f = filters(ws, sql, params);
            return columns(schemaOf(ws, local, f[1]), f[0]);
        }
        if (sql.contains("FROM pg_indexes")) {
            String[] f = filters(ws, sql, params);
            return indexes(schemaOf(ws, local, f[1]), f[0]);
        }
        Matcher drop = DROP_IF_EMPTY.matcher(sql);
        if (drop.matches() && sql.equals(EmptyTableDrop.sql(drop.group(1)))) {
            // the DO block: dropped under the table's lock only if it holds no row, as PostgreSQL would
            String table = drop.group(1);
            if (!local.listTables().contains(table)) {
                throw new TableError(ErrorCode.TABLE_NOT_FOUND, "Table \"" + table + "\" does not exist", "");
            }
            if (!local.dropIfEmpty(table)) {
                throw new dev.lakebench.core.client.QueryError(ErrorCode.QUERY_INVALID, EmptyTableDrop.KEPT, "");
            }
            return null;
        }
        if (sql.startsWith("SELECT (SELECT count(*) FROM ")) {
            return counts(local, sql);
        }
        if (sql.startsWith("WITH \"" + InsertBatch.MARK + "\"")) {
            applyBatch(local, sql, params);
            return null;
        }
        if (sql.startsWith("SELECT $1::TEXT AS ")) {
            ObjectNode o = F.objectNode();
            o.putArray("columns").add(sql.substring(sql.lastIndexOf(' ') + 1).replace("\"", ""));
            o.putArray("rows").addArray().add(json(params.get(0)));
            return o;
        }
        Matcher ci = CREATE_INDEX.matcher(sql);
        if (ci.matches()) {
            local.createIndex(
                    ci.group(1), ci.group(2), ci.group(3), null, dev.lakebench.core.client.Cancellation.none());
            return null;
        }
        QueryRequest req = QueryRequest.of(sql, params);
        if (timeoutMs.canConvertToLong()) {
            req.timeout(Duration.ofMillis(timeoutMs.asLong()));
        }
        QueryResult r = local.execute(req);
        if (r.columns().isEmpty()) {
            return r.updateCount() >= 0 && service.profile() == FakeManagedService.Profile.REAL
                    ? F.objectNode().put("row_count", r.updateCount())
                    : null;
        }
        ObjectNode o = F.objectNode();
        ArrayNode cols = o.putArray("columns");
        r.columnNames().forEach(cols::add);
        ArrayNode rows = o.putArray("rows");
        for (Row row : r.rows()) {
            ArrayNode a = rows.addArray();
            for (int i = 0; i < row.width(); i++) {
                a.add(wire(row.get(i)));
            }
        }
        if (service.profile() == FakeManagedService.Profile.REAL) {
            o.put("row_count", r.rows().size());
        }
        return o;
    }

    /** Local failures in the words PostgreSQL would use, so the client's classification is exercised. */
    private static String pgMessage(ManagedServiceError e) {
        if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
            Matcher m = Pattern.compile("Table \"([^\"]+)\"").matcher(e.problem());
            return "relation \"" + (m.find() ? m.group(1) : "?") + "\" does not exist";
        }
        if (e.code() == ErrorCode.QUERY_TIMEOUT) {
            return FakeManagedService.STATEMENT_TIMEOUT;
        }
        return e.problem();
    }

    private static Object param(JsonNode p) {
        if (p.isNull()) {
            return null;
        }
        if (p.isTextual()) {
            String s = p.asText();
            return s.startsWith("\\x") ? HexFormat.of().parseHex(s.substring(2)) : s;
        }
        if (p.isIntegralNumber()) {
            return p.longValue();
        }
        if (p.isNumber()) {
            return p.doubleValue();
        }
        if (p.isBoolean()) {
            return p.booleanValue();
        }
        if (p.isArray()) {
            float[] f = JsonValues.floatArray(p);
            if (f != null) {
                return f;
            }
            float[][] m = new float[p.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = JsonValues.floatArray(p.get(i));
            }
            return m;
        }
        return p.toString();
    }

    /**
     * A result value as this profile sends it: bytes as PostgreSQL's bytea text ({@code \x89504e..}) in the real
     * profile, which the service's clients read first, and as base64 in the written protocol's.
     */
    private JsonNode wire(Object v) {
        if (v instanceof byte[] b && service.profile() == FakeManagedService.Profile.REAL) {
            return F.textNode("\\x" + HexFormat.of().formatHex(b));
        }
        return json(v);
    }

    static JsonNode json(Object v) {
        return switch (v) {
            case null -> F.nullNode();
            case String s -> F.textNode(s);
            case Long l -> F.numberNode(l);
            case Integer i -> F.numberNode(i);
            case Double d -> F.numberNode(d);
            case Float f -> F.numberNode(f);
            case Boolean b -> F.booleanNode(b);
            case BigDecimal d -> F.numberNode(d);
            case BigInteger b -> F.numberNode(b);
            case byte[] b -> F.textNode(Base64.getEncoder().encodeToString(b));
            case float[] f -> JsonValues.floats(f);
            case float[][] m -> {
                ArrayNode a = F.arrayNode();
                for (float[] r : m) {
                    a.add(JsonValues.floats(r));
                }
                yield a;
            }
            case List<?> list -> {
                ArrayNode a = F.arrayNode();
                list.forEach(x -> a.add(json(x)));
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = F.objectNode();
                map.forEach((k, x) -> o.set(String.valueOf(k), json(x)));
                yield o;
            }
            default -> F.textNode(v.toString());
        };
    }

    // ---- catalog answers ----

    private static TableInfo describe(LocalBackend local, String table) {
        try {
            return local.describeTable(table);
        } catch (TableError e) {
            return null;
        }
    }

    private static JsonNode columns(LocalBackend local, String table) {
        ObjectNode o = F.objectNode();
        o.putArray("columns").add("column_name").add("udt_name").add("domain_name");
        ArrayNode rows = o.putArray("rows");
        TableInfo info = local == null ? null : describe(local, table);
        if (info != null) {
            for (Column c : info.schema().columns()) {
                rows.addArray().add(c.name()).add(udt(c)).add(domain(c.type()));
            }
        }
        return o;
    }

    private static String udt(Column c) {
        return switch (c.type().storage()) {
            case TEXT -> c.isJson() ? c.engineType().toLowerCase(Locale.ROOT) : "text";
            case INT32 -> "int4";
            case INT64 -> "int8";
            case FLOAT32 -> "float4";
            case FLOAT64 -> "float8";
            case BOOL -> "bool";
            case BYTES -> "bytea";
            case VECTOR, MULTI_VECTOR, FLOAT_LIST -> "_float4";
            default -> c.engineType() == null ? "unknown" : c.engineType().toLowerCase(Locale.ROOT);
        };
    }

    /** pg_deeplake's domains: byte domains, multi-vectors and the small typed arrays/labels. */
    private static String domain(ColumnType t) {
        return switch (t) {
            case IMAGE,
                    VIDEO,
                    SEGMENT_MASK,
                    BINARY_MASK,
                    MESH,
                    MEDICAL,
                    POLYGON,
                    EMBEDDING_2D,
                    BOUNDING_BOX,
                    POINT,
                    CLASS_LABEL -> t.name();
            default -> null;
        };
    }

    private static JsonNode indexes(LocalBackend local, String table) {
        ObjectNode o = F.objectNode();
        o.putArray("columns").add("indexname").add("indexdef");
        ArrayNode rows = o.putArray("rows");
        TableInfo info = local == null ? null : describe(local, table);
        if (info != null) {
            for (IndexInfo i : info.indexes()) {
                rows.addArray()
                        .add(i.name())
                        .add("CREATE INDEX " + i.name() + " ON public." + table + " USING deeplake_index (" + i.column()
                                + ") WITH (index_type='" + i.type() + "')");
            }
        }
        return o;
    }

    private static JsonNode counts(LocalBackend local, String sql) {
        SqlStatement st = new SqlStatement(sql);
        List<Token> sig = st.significant();
        String table = null;
        for (int i = 0; i + 1 < sig.size() && table == null; i++) {
            if (sig.get(i).isWord("FROM")) {
                table = QualifiedName.read(sig, i + 1).name();
            }
        }
        TableInfo info = describe(local, table);
        if (info == null) {
            throw new TableError(ErrorCode.TABLE_NOT_FOUND, "Table \"" + table + "\" does not exist", "");
        }
        ObjectNode o = F.objectNode();
        ArrayNode cols = o.putArray("columns").add("row_count");
        ArrayNode row = o.putArray("rows").addArray().add(info.rowCount());
        Matcher m = DIM_ALIAS.matcher(sql);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            cols.add("dim_" + i);
            int dim = info.schema().get(i).dimension();
            if (dim > 0 && info.rowCount() > 0) {
                row.add(dim);
            } else {
                row.addNull();
            }
        }
        return o;
    }

    // ---- ingest batches ----

    /**
     * Applies an InsertBatch statement once per batch id: the ledger row and the data land together. Values may
     * be bound ($n) or written as literals (a client that found params refused).
     */
    private void applyBatch(LocalBackend local, String sql, List<Object> params) {
        SqlStatement st = new SqlStatement(sql);
        List<Token> sig = st.significant();
        String ledger = null;
        String batchId = null;
        int into = -1;
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (ledger == null && t.isWord("INTO")) {
                ledger = QualifiedName.read(sig, i + 1).name();
            }
            if (batchId == null && (t.kind() == Token.Kind.PARAMETER || t.kind() == Token.Kind.STRING)) {
                batchId = (String) elementValue(List.of(t), params);
            }
            if (t.is(")")
                    && i + 2 < sig.size()
                    && sig.get(i + 1).isWord("INSERT")
                    && sig.get(i + 2).isWord("INTO")) {
                into = i + 3;
                break;
            }
        }
        String table = QualifiedName.read(sig, into).name();
        int at = into + 2;
        List<String> names = new ArrayList<>();
        while (!sig.get(at).is(")")) {
            if (!sig.get(at).is(",")) {
                names.add(sig.get(at).identifier());
            }
            at++;
        }
        while (!sig.get(at).isWord("VALUES")) {
            at++;
        }
        at++;
        List<Object[]> rows = new ArrayList<>();
        // tuples: ( element, element ... ) , ( ... ) ) AS v(...)
        while (sig.get(at).is("(") || sig.get(at).is(",")) {
            if (sig.get(at).is(",")) {
                at++;
                continue;
            }
            at++;
            Object[] row = new Object[names.size()];
            int col = 0;
            int depth = 0;
            List<Token> element = new ArrayList<>();
            for (; ; at++) {
                Token t = sig.get(at);
                if (depth == 0 && (t.is(",") || t.is(")"))) {
                    row[col++] = elementValue(element, params);
                    element = new ArrayList<>();
                    if (t.is(")")) {
                        at++;
                        break;
                    }
                    continue;
                }
                if (t.is("(") || t.is("[")) {
                    depth++;
                } else if (t.is(")") || t.is("]")) {
                    depth--;
                }
                element.add(t);
            }
            rows.add(row);
        }
        String ledgerTable = ledger;
        synchronized (ingestLock) {
            QueryResult seen = local.execute(
                    QueryRequest.of("SELECT count(*) FROM " + ledgerTable + " WHERE batch_id = $1", batchId));
            if (((Number) seen.rows().get(0).get(0)).longValue() > 0) {
                return;
            }
            TableSchema have = local.describeTable(table).schema();
            List<Column> cols = new ArrayList<>();
            for (String n : names) {
                cols.add(have.column(n)
                        .orElseThrow(() -> new TableError(
                                ErrorCode.COLUMN_NOT_FOUND,
                                "column \"" + n + "\" of relation \"" + table + "\" does not exist",
                                "")));
            }
            TableSchema incoming = new TableSchema(cols);
            try (TableSink sink = local.openSink(table, incoming)) {
                TableSchema target = sink.schema();
                for (int r = 0; r < rows.size(); r++) {
                    Object[] full = new Object[target.size()];
                    for (int c = 0; c < cols.size(); c++) {
                        int pos = target.indexOf(cols.get(c).name());
                        full[pos] = Values.coerce(target.get(pos), rows.get(r)[c], r);
                    }
                    sink.write(full);
                }
                sink.commit();
            }
            local.execute(QueryRequest.of(
                    "INSERT INTO " + ledgerTable + " (batch_id, table_name, row_count) VALUES ($1, $2, $3)",
                    batchId,
                    table,
                    (long) rows.size()));
        }
    }

    /** One VALUES element: a bound parameter, or a literal (text, number, NULL, boolean, ARRAY[..]), decoded from hex under decode(). */
    private static Object elementValue(List<Token> element, List<Object> params) {
        boolean hex = element.stream().anyMatch(t -> t.isWord("decode"));
        for (Token t : element) {
            if (t.kind() == Token.Kind.PARAMETER) {
                return value(params.get(t.parameterIndex() - 1), hex);
            }
        }
        if (element.stream().anyMatch(t -> t.isWord("ARRAY"))) {
            List<List<Float>> rows = new ArrayList<>();
            List<Float> current = null;
            int depth = 0;
            boolean negative = false;
            for (Token t : element) {
                if (t.is("[")) {
                    depth++;
                    current = new ArrayList<>();
                } else if (t.is("]")) {
                    if (current != null) {
                        rows.add(current);
                        current = null;
                    }
                    depth--;
                } else if (t.is("-")) {
                    negative = true;
                } else if (t.kind() == Token.Kind.NUMBER && current != null) {
                    float f = Float.parseFloat(t.text());
                    current.add(negative ? -f : f);
                    negative = false;
                }
            }
            boolean nested = element.stream().filter(t -> t.isWord("ARRAY")).count() > 1;
            if (!nested) {
                return floats(rows.get(0));
            }
            float[][] m = new float[rows.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = floats(rows.get(i));
            }
            return m;
        }
        boolean negative = false;
        for (Token t : element) {
            if (t.kind() == Token.Kind.STRING) {
                String text = t.text();
                return value(text.substring(1, text.length() - 1).replace("''", "'"), hex);
            }
            if (t.isWord("NULL")) {
                return null;
            }
            if (t.isWord("TRUE") || t.isWord("FALSE")) {
                return t.isWord("TRUE");
            }
            if (t.is("-")) {
                negative = true;
            } else if (t.kind() == Token.Kind.NUMBER) {
                String n = (negative ? "-" : "") + t.text();
                return n.contains(".") || n.contains("e") || n.contains("E")
                        ? (Object) Double.parseDouble(n)
                        : (Object) Long.parseLong(n);
            }
        }
        return null;
    }

    private static float[] floats(List<Float> list) {
        float[] f = new float[list.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = list.get(i);
        }
        return f;
    }

    private static Object value(Object p, boolean hex) {
        if (hex && p instanceof String s) {
            return HexFormat.of().parseHex(s);
        }
        return p;
    }
}
