package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.TableSink;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestListener;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.OrganizationInfo;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.SchemaCompatibility;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * A workspace of a managed deployment, spoken to over its REST protocol (docs/managed-protocol.md): SQL through
 * {@code POST /workspaces/{ws}/tables/query}, tables through {@code /workspaces/{ws}/tables}, workspaces through
 * {@code /workspaces}. Stateless apart from the org id, the probed capabilities and a cache of column types;
 * safe for concurrent use.
 */
public final class ManagedBackend implements Backend {

    /** Reserved prefix of bookkeeping tables (the ingest batch ledger); never listed. */
    static final String RESERVED_PREFIX = "_lb_";
    /** Index builds may take long: how long the client waits for one's answer (not sent to the service). */
    static final Duration INDEX_TIMEOUT = Duration.ofMinutes(30);

    private final ManagedSettings settings;
    private final ApiClient api;
    private final RemoteCatalog catalog;
    private final TableRegistration registration;
    private final Capabilities capabilities;
    private volatile Duration batchTimeout = ManagedTableSink.BATCH_TIMEOUT;

    ManagedBackend(
            ManagedSettings settings,
            ApiToken token,
            OkHttpClient http,
            RetryPolicy retry,
            Function<String, String> env) {
        this.settings = settings;
        this.api = new ApiClient(http, settings, token, retry);
        this.catalog = new RemoteCatalog(
                settings.workspaceId(),
                (sql, params) -> post(sql, params, QueryRequest.DEFAULT_TIMEOUT, true, Cancellation.none()));
        this.registration = new TableRegistration(api, settings.workspaceId());
        this.capabilities = new Capabilities(
                (sql, params) -> send(sql, params, null, true, Cancellation.none(), QueryRequest.DEFAULT_TIMEOUT),
                sql -> post(sql, List.of(), null, true, Cancellation.none()));
        api.orgId(OrgResolver.resolve(settings, token, api, env));
    }

    /**
     * Connects to a managed workspace: {@code token} null falls back to {@code DEEPLAKE_API_KEY}
     * ({@code AuthError: Token required} when neither), {@code workspaceId} null is "default", {@code apiUrl} null
     * is {@value ManagedSettings#DEFAULT_API_URL}. The org id: {@code DEEPLAKE_ORG_ID}, else the token's claim,
     * else {@code GET /me}, else the only one of {@code GET /organizations}.
     */
    public static ManagedBackend connect(String token, String workspaceId, String apiUrl) {
        return connect(ManagedSettings.of(apiUrl, workspaceId), ApiToken.resolve(token, System::getenv));
    }

    /**
     * Connects with settings; the org is the settings' explicit one, else {@code DEEPLAKE_ORG_ID}, else the token's
     * claim, else what {@code GET /me} or (when the user has exactly one) {@code GET /organizations} says.
     */
    public static ManagedBackend connect(ManagedSettings settings, ApiToken token) {
        return connect(settings, token, System::getenv);
    }

    /** As {@link #connect(ManagedSettings, ApiToken)} with the environment given (for {@code DEEPLAKE_ORG_ID}). */
    public static ManagedBackend connect(ManagedSettings settings, ApiToken token, Function<String, String> env) {
        return new ManagedBackend(
                settings,
                token,
                HttpClients.forSettings(settings),
                new RetryPolicy(settings, new SecureRandom(), d -> Thread.sleep(d.toMillis())),
                env);
    }

    /** For tests: a chosen random source and sleeper (to observe backoff without waiting); no environment. */
    static ManagedBackend connect(
            ManagedSettings settings, ApiToken token, RandomGenerator random, RetryPolicy.Sleeper sleeper) {
        return new ManagedBackend(
                settings,
                token,
                HttpClients.forSettings(settings),
                new RetryPolicy(settings, random, sleeper),
                name -> null);
    }

    /** The organisations a token's user belongs to ({@code GET /organizations}), e.g. for a connection dialog's org choice. */
    public static List<OrganizationInfo> organizations(ManagedSettings settings, ApiToken token) {
        ApiClient api = new ApiClient(
                HttpClients.forSettings(settings),
                settings,
                token,
                new RetryPolicy(settings, new SecureRandom(), d -> Thread.sleep(d.toMillis())));
        return OrgResolver.list(api);
    }

    public ManagedSettings settings() {
        return settings;
    }

    /** The organisation the token acts for. */
    public String orgId() {
        return api.orgId();
    }

    @Override
    public String kind() {
        return "managed";
    }

    @Override
    public String workspaceId() {
        return settings.workspaceId();
    }

    @Override
    public String location() {
        return settings.apiUrl() + "/workspaces/" + settings.workspaceId();
    }

    // ---- SQL ----

    @Override
    public QueryResult execute(QueryRequest request) {
        long t0 = System.nanoTime();
        List<SqlStatement> statements = SqlStatement.split(request.sql());
        if (statements.isEmpty()) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "The SQL text is empty",
                    "Write a statement, e.g. SELECT * FROM t LIMIT 10");
        }
        checkParameters(statements, request.params());
        boolean readOnly = statements.stream()
                .allMatch(s -> s.kind() == SqlStatement.Kind.SELECT || s.kind() == SqlStatement.Kind.EXPLAIN);
        AnswerReader.Answer answer;
        try {
            answer = query(
                    request.sql(),
                    request.params(),
                    request.hasDefaultTimeout() ? null : request.timeout(),
                    readOnly,
                    request.cancellation(),
                    request.timeout(),
                    statements);
        } catch (ManagedServiceError e) {
            if (!IdempotentDdl.alreadyDone(statements, e)) {
                throw e;
            }
            // the service answers IF NOT EXISTS on an existing index or column with "already exists": nothing to do
            answer = new AnswerReader.Answer(List.of(), List.of(), -1, false);
        } finally {
            if (statements.stream().anyMatch(ManagedBackend::changesSchema)) {
                catalog.invalidate();
            }
        }
        long updated = !answer.hasResult() && answer.rowCount() >= 0 ? answer.rowCount() : -1;
        return new QueryResult(answer.columns(), answer.rows(), updated, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Runs one query and reads its answer row by row with the streaming parser. */
    AnswerReader.Answer query(
            String sql,
            List<Object> params,
            Duration serverTimeout,
            boolean idempotent,
            Cancellation cancellation,
            Duration clientTimeout,
            List<SqlStatement> statements) {
        return sendQuery(
                sql,
                params,
                serverTimeout,
                idempotent,
                cancellation,
                clientTimeout,
                in -> AnswerReader.read(in, names -> new RowDecoder(names, statements, this::columnsOrEmpty)));
    }

    private Optional<TableSchema> columnsOrEmpty(String table) {
        try {
            return catalog.columns(table);
        } catch (ManagedServiceError e) {
            return Optional.empty();
        }
    }

    private static boolean changesSchema(SqlStatement s) {
        return switch (s.kind()) {
            case CREATE_TABLE, DROP_TABLE, ALTER_TABLE, OTHER_DDL -> true;
            default -> false;
        };
    }

    /**
     * Reads a SELECT page by page ({@code LIMIT <page rows> OFFSET <k>} added to the statement), so memory holds
     * one page whatever the result's size; each page is read with the streaming parser. Statements that are not a
     * plain SELECT, or that carry their own LIMIT/OFFSET, are read in one request.
     */
    @Override
    public RowCursor stream(QueryRequest request) {
        return new PagedCursor(this, request, settings.pageRows());
    }

    JsonNode post(String sql, List<Object> params, Duration timeout, boolean idempotent, Cancellation cancellation) {
        return post(
                sql,
                params,
                timeout,
                idempotent,
                cancellation,
                timeout == null ? QueryRequest.DEFAULT_TIMEOUT : timeout);
    }

    /**
     * Posts one query. {@code serverTimeout} non-null is forwarded as {@code timeout_ms}; the client waits a
     * little longer than {@code clientTimeout} so that the server's own timeout answer arrives first.
     */
    JsonNode post(
            String sql,
            List<Object> params,
            Duration serverTimeout,
            boolean idempotent,
            Cancellation cancellation,
            Duration clientTimeout) {
        JsonNode answer =
                sendQuery(sql, params, serverTimeout, idempotent, cancellation, clientTimeout, ApiClient::readTree);
        return answer.isObject() ? answer : ApiClient.JSON.createObjectNode();
    }

    /** Posts one query, its values bound as {@code params} or, where the service refuses those, inlined. */
    private <T> T sendQuery(
            String sql,
            List<Object> params,
            Duration serverTimeout,
            boolean idempotent,
            Cancellation cancellation,
            Duration clientTimeout,
            ApiClient.BodyReader<T> reader) {
        if (!params.isEmpty() && !capabilities.params()) {
            return sendAsGiven(
                    SqlLiterals.inline(sql, params),
                    List.of(),
                    serverTimeout,
                    idempotent,
                    cancellation,
                    clientTimeout,
                    reader);
        }
        return sendAsGiven(sql, params, serverTimeout, idempotent, cancellation, clientTimeout, reader);
    }

    private <T> T sendAsGiven(
            String sql,
            List<Object> params,
            Duration serverTimeout,
            boolean idempotent,
            Cancellation cancellation,
            Duration clientTimeout,
            ApiClient.BodyReader<T> reader) {
        byte[] body = QueryBody.write(sql, params, serverTimeout);
        Duration grace = Duration.ofMillis(Math.min(5000, Math.max(50, clientTimeout.toMillis() / 10)));
        ApiCall call = new ApiCall(
                        "POST",
                        List.of("workspaces", settings.workspaceId(), "tables", "query"),
                        body,
                        clientTimeout,
                        idempotent,
                        "the query",
                        ApiCall.Target.QUERY,
                        null)
                .grace(grace);
        return api.send(call, cancellation, reader);
    }

    /** Posts one query as given (values bound as {@code params}), for the capability probe. */
    private JsonNode send(
            String sql,
            List<Object> params,
            Duration serverTimeout,
            boolean idempotent,
            Cancellation cancellation,
            Duration clientTimeout) {
        JsonNode answer =
                sendAsGiven(sql, params, serverTimeout, idempotent, cancellation, clientTimeout, ApiClient::readTree);
        return answer.isObject() ? answer : ApiClient.JSON.createObjectNode();
    }

    private static void checkParameters(List<SqlStatement> statements, List<Object> params) {
        int highest = 0;
        for (SqlStatement st : statements) {
            // PREPARE's $n are the prepared statement's, given by a later EXECUTE, not by this request
            if (st.significant().isEmpty() || !st.significant().get(0).isWord("PREPARE")) {
                highest = Math.max(highest, st.maxParameter());
            }
        }
        if (highest > params.size()) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "The statement uses $" + highest + " but " + params.size() + " parameter"
                            + (params.size() == 1 ? " was" : "s were") + " given",
                    "Pass one value per placeholder, in order ($1 first)");
        }
        if (highest < params.size()) {
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    params.size() + " parameters were given but the statement uses "
                            + (highest == 0 ? "none" : "only $1..$" + highest),
                    "Remove the extra values or add the missing placeholders");
        }
    }

    // ---- tables ----

    @Override
    public List<String> listTables() {
        JsonNode r = api.send(
                ApiCall.get("listing tables", ApiCall.Target.TABLES, "workspaces", settings.workspaceId(), "tables"),
                Cancellation.none());
        List<String> out = new ArrayList<>();
        JsonNode tables = r.isArray() ? r : r.path("tables");
        for (JsonNode t : tables) {
            String name =
                    t.isObject() ? t.path("table_name").asText(t.path("name").asText()) : t.asText();
            if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
                out.add(name);
            }
        }
        return out;
    }

    @Override
    public TableInfo describeTable(String table) {
        return catalog.describe(table, settings.workspaceId());
    }

    /** The table's columns as the server reports them (vector sizes 0), cached; empty when it does not exist. */
    Optional<TableSchema> columns(String table) {
        return catalog.columns(table);
    }

    RemoteCatalog catalog() {
        return catalog;
    }

    ApiClient api() {
        return api;
    }

    @Override
    public void dropTable(String table, boolean ifExists) {
        ApiCall call = new ApiCall(
                "DELETE",
                List.of("workspaces", settings.workspaceId(), "tables", table),
                null,
                ApiCall.DEFAULT_TIMEOUT,
                true,
                "dropping table \"" + table + "\"",
                ApiCall.Target.TABLE,
                table);
        try {
            api.send(call, Cancellation.none());
        } catch (TableError e) {
            if (!(ifExists && e.code() == ErrorCode.TABLE_NOT_FOUND)) {
                throw e;
            }
        } finally {
            catalog.invalidate(table);
        }
    }

    /**
     * One statement that drops the table only if it holds no row, decided under the table's lock
     * ({@link EmptyTableDrop}). A service that does not run {@code DO} blocks refuses it as a statement; then the
     * rows are counted and the table dropped through the endpoint, which leaves a moment between the two.
     */
    @Override
    public boolean dropIfEmpty(String table) {
        try {
            post(EmptyTableDrop.sql(table), List.of(), null, true, Cancellation.none());
            return true;
        } catch (ManagedServiceError e) {
            if (e.code() == ErrorCode.TABLE_NOT_FOUND || EmptyTableDrop.kept(e)) {
                return false;
            }
            if (e.code() != ErrorCode.QUERY_SYNTAX && e.code() != ErrorCode.QUERY_INVALID) {
                throw e;
            }
            return countThenDrop(table);
        } finally {
            catalog.invalidate(table);
        }
    }

    private boolean countThenDrop(String table) {
        JsonNode r;
        try {
            r = post(
                    "SELECT (SELECT count(*) FROM " + Identifiers.quote(table) + ") AS row_count",
                    List.of(),
                    null,
                    true,
                    Cancellation.none());
        } catch (TableError e) {
            if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
                return false;
            }
            throw e;
        }
        JsonNode rows = r.path("rows");
        JsonNode first = rows.isArray() && !rows.isEmpty() ? rows.get(0) : null;
        JsonNode count = first == null ? null : first.isArray() ? first.get(0) : first.get("row_count");
        if (count == null || !count.canConvertToLong() || count.asLong() != 0) {
            return false; // rows, or an answer that does not say: the table stays
        }
        dropTable(table, true);
        return true;
    }

    @Override
    public void createIndex(
            String table, String column, String indexType, IngestListener listener, Cancellation cancellation) {
        TableSchema schema = catalog.columns(table)
                .orElseThrow(() -> new TableError(
                        ErrorCode.TABLE_NOT_FOUND,
                        "Table \"" + table + "\" does not exist in workspace \"" + settings.workspaceId() + "\"",
                        "List the tables with listTables(), or ingest data to create it"));
        if (schema.column(column).isEmpty()) {
            throw new TableError(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Index creation failed: table \"" + table + "\" has no column \"" + column + "\"",
                    "Columns: " + String.join(", ", schema.names()));
        }
        String name = schema.column(column).get().name();
        if (catalog.indexes(table, schema).stream()
                .anyMatch(i -> i.column().equalsIgnoreCase(name)
                        && (indexType == null || indexType.isBlank() || i.type().equalsIgnoreCase(indexType)))) {
            return; // already indexed: the service would answer IF NOT EXISTS with an "already exists" error
        }
        String sql = createIndexSql(table, name, indexType);
        // no caller gives a build a timeout, so none is sent: timeout_ms only carries a timeout the caller chose
        // (as for queries) and the service applies its own otherwise; the client waits up to INDEX_TIMEOUT
        ApiCall call = new ApiCall(
                "POST",
                List.of("workspaces", settings.workspaceId(), "tables", "query"),
                QueryBody.write(sql, List.of(), null),
                INDEX_TIMEOUT,
                true,
                "creating an index on \"" + table + "\".\"" + column + "\"",
                ApiCall.Target.INDEX,
                table);
        try {
            api.send(call, cancellation);
        } catch (ManagedServiceError e) {
            if (IdempotentDdl.alreadyExists(e)) {
                return;
            }
            if (ApiErrors.cancelledByServer(e.problem()) && !ApiErrors.isOutcomeUnknown(e)) {
                throw buildCancelled(table, column, sql, e);
            }
            throw e;
        }
    }

    /**
     * The service cancelled the build (its statement timeout, which applies because a build sends none): not a
     * column the index does not fit. The way to give it longer is the same statement with a timeout, which a query
     * sends to the service.
     */
    private static QueryError buildCancelled(String table, String column, String sql, ManagedServiceError e) {
        QueryError out = new QueryError(
                ErrorCode.QUERY_TIMEOUT,
                "The index build on \"" + table + "\".\"" + column + "\" was cancelled by the service before it"
                        + " finished: " + e.problem(),
                "The build took longer than the service's statement timeout allows. Run its statement with a longer"
                        + " timeout, which is sent to the service: " + sql
                        + "; e.g. client.query(sql, Duration.ofMinutes(30)), or --timeout 30min in the CLI",
                e);
        e.details().forEach(out::detail);
        return out;
    }

    /** {@code CREATE INDEX IF NOT EXISTS <t>_<col>_idx ON t USING deeplake_index (col) [WITH (index_type = ..)]}. */
    static String createIndexSql(String table, String column, String indexType) {
        String name = (table + "_" + column + "_idx").replaceAll("[^A-Za-z0-9_]", "_");
        if (name.length() > 63) {
            name = name.substring(0, 54) + "_" + Integer.toHexString((table + "." + column).hashCode());
        }
        StringBuilder sql = new StringBuilder("CREATE INDEX IF NOT EXISTS ")
                .append(Identifiers.quote(name))
                .append(" ON ")
                .append(Identifiers.quote(table))
                .append(" USING deeplake_index (")
                .append(Identifiers.quote(column))
                .append(')');
        if (indexType != null && !indexType.isBlank()) {
            if (!indexType.matches("[A-Za-z_]+")) {
                throw new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed: index type \"" + indexType + "\" is not valid",
                        "Use bm25, exact_text, inverted, or a vector index type");
            }
            sql.append(" WITH (index_type = '")
                    .append(indexType.toLowerCase(Locale.ROOT))
                    .append("')");
        }
        return sql.toString();
    }

    // ---- workspaces ----

    @Override
    public List<WorkspaceInfo> listWorkspaces() {
        JsonNode r = api.send(
                ApiCall.get("listing workspaces", ApiCall.Target.WORKSPACES, "workspaces"), Cancellation.none());
        JsonNode list = r.isArray() ? r : r.has("workspaces") ? r.get("workspaces") : r.path("data");
        List<WorkspaceInfo> out = new ArrayList<>();
        for (JsonNode w : list) {
            out.add(workspace(w, null, null));
        }
        return out;
    }

    @Override
    public WorkspaceInfo createWorkspace(String id, String name) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        if (id != null) {
            body.put("id", id);
        }
        if (name != null) {
            body.put("name", name);
        }
        ApiCall call = new ApiCall(
                "POST",
                List.of("workspaces"),
                body,
                ApiCall.DEFAULT_TIMEOUT,
                false,
                "creating workspace \"" + id + "\"",
                ApiCall.Target.WORKSPACES,
                null);
        JsonNode r = api.send(call, Cancellation.none());
        return workspace(r, id, name);
    }

    private static WorkspaceInfo workspace(JsonNode w, String id, String name) {
        String wid = w.path("id").asText(id == null ? "" : id);
        String wname = w.path("name").asText(name == null || name.isBlank() ? wid : name);
        Instant created = null;
        String at = w.path("created_at").asText("");
        if (!at.isEmpty()) {
            try {
                created = Instant.parse(at);
            } catch (DateTimeParseException e) {
                created = null;
            }
        }
        return new WorkspaceInfo(wid, wname.isEmpty() ? wid : wname, created, null);
    }

    /** Storage credentials of a table's dataset ({@code GET /api/org/{ws}/ds/{table}/creds}), as the server sends them. */
    public JsonNode datasetCredentials(String table) {
        return api.send(
                ApiCall.get(
                                "fetching credentials of \"" + table + "\"",
                                ApiCall.Target.CREDENTIALS,
                                "api",
                                "org",
                                settings.workspaceId(),
                                "ds",
                                table,
                                "creds")
                        .table(table),
                Cancellation.none());
    }

    // ---- ingest ----

    /**
     * Creates the table as the service's other clients do — {@code CREATE TABLE IF NOT EXISTS "t" (..) USING
     * deeplake} through the query endpoint — and then offers it to the table-registration endpoint, which is
     * optional; an existing table is checked against the incoming columns instead. Returns a batching sink.
     */
    @Override
    public TableSink openSink(String table, TableSchema incoming) {
        Identifiers.checkTableName(table);
        ensureLedger();
        catalog.invalidate(table);
        TableSchema target;
        String datasetPath = "al://" + settings.workspaceId() + "/" + table;
        if (catalog.columns(table).isPresent()) {
            target = existing(table, incoming);
        } else {
            try {
                createTable(table, incoming);
                datasetPath = registration.register(table, incoming).orElse(datasetPath);
            } finally {
                catalog.invalidate(table);
            }
            target = incoming;
        }
        return new ManagedTableSink(this, table, target, datasetPath, settings.insertBatchBytes());
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS}; another writer creating the table at the same moment is not a failure. A
     * statement the service refuses (a column type it does not know, say) is a TableError about the table, not a
     * failed query the user never wrote.
     */
    private void createTable(String table, TableSchema incoming) {
        try {
            post(TableDdl.createTable(table, incoming), List.of(), null, true, Cancellation.none());
        } catch (ManagedServiceError e) {
            if (IdempotentDdl.alreadyExists(e)) {
                return;
            }
            if (!(e instanceof TableError)) {
                throw e;
            }
            TableError refused = new TableError(
                    ErrorCode.TABLE_SCHEMA_MISMATCH,
                    "Table \"" + table + "\" could not be created in workspace \"" + settings.workspaceId() + "\": "
                            + e.problem(),
                    "The service refused the columns " + TableDdl.columns(incoming)
                            + "; check the type it names, or give another type with IngestOptions.schema(column, type)",
                    e);
            e.details().forEach(refused::detail);
            throw refused;
        }
    }

    private TableSchema existing(String table, TableSchema incoming) {
        TableSchema have = catalog.describe(table, settings.workspaceId()).schema();
        SchemaCompatibility.check(table, have, incoming);
        return have;
    }

    private void ensureLedger() {
        capabilities.ledger();
    }

    Capabilities capabilities() {
        return capabilities;
    }

    /** How long an ingest batch's answer is waited for. */
    Duration batchTimeout() {
        return batchTimeout;
    }

    /** For tests: a shorter wait for ingest batches' answers. */
    void batchTimeout(Duration d) {
        this.batchTimeout = d;
    }

    /**
     * Refuses later calls ({@code WORKSPACE_CLOSED}), as a closed local client does; connections belong to the shared
     * pool and idle out on their own.
     */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "ManagedBackend[" + location() + "]";
    }

    static Function<String, String> env() {
        return System::getenv;
    }
}
