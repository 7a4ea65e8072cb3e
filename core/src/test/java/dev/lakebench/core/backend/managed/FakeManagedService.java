package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for the managed API over real HTTP (MockWebServer), answering from real local engines (one
 * {@link LocalBackend} per workspace under a temporary data directory), so results are real.
 *
 * <p>Two profiles. {@link Profile#REAL} (the default) answers in the shapes the service's public clients show:
 * tokens with an {@code org_id} claim, {@code /me} without an org, {@code /organizations}, failed statements as
 * 500 {@code {"error": "Database error: ..", "code": "QUERY_ERROR", "request_id"}}, "already exists" errors on
 * IF NOT EXISTS DDL of an existing index or column, {@code {"columns", "rows", "row_count"}} answers with bytes
 * as {@code \x} hex text and a {@code {"data": [..]}} workspace list. {@link Profile#SPEC} answers as the written protocol: {@code OrgID}
 * tokens, {@code /me} with the org, 400 errors, no-op IF NOT EXISTS, bytes as base64 and a bare workspace array.
 *
 * <p>Strict modes force the client's fallbacks (they are not claims about the service): no table-registration
 * endpoint, a body-size limit (413), {@code params} refused, and {@code current_schema()} being {@code public}
 * while other workspaces' tables are visible. Faults can be queued per request (statuses, Retry-After, resets,
 * delays, bad bodies).
 */
public final class FakeManagedService implements AutoCloseable {

    /** Which shape of service to be. */
    public enum Profile {
        REAL,
        SPEC
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final DataDirectory dataDir;
    private final String token;
    private final String orgId;
    private final Map<String, LocalBackend> workspaces = new ConcurrentHashMap<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final FakeSql sql = new FakeSql(this);
    private final Profile profile;
    private volatile boolean meAnswersOrg = true;
    private volatile List<String[]> organizations;
    private volatile int registrationStatus;
    private volatile long maxBodyBytes = Long.MAX_VALUE;
    private volatile boolean refuseParams;
    private volatile boolean publicSchema;
    private volatile boolean refuseHeapTables;
    private volatile boolean refuseDoBlocks;
    private volatile boolean recordBodies = true;
    private volatile String lastVersion;
    private volatile okhttp3.Headers lastHeaders;
    private final java.util.concurrent.atomic.AtomicLong requestBytes = new java.util.concurrent.atomic.AtomicLong();
    private final List<String> queryBodies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> requestLines = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A fault: when a request matches, {@code respond} makes the answer from the real one (which may be null). */
    public record Fault(
            Predicate<RecordedRequest> when, boolean handleFirst, Function<MockResponse, MockResponse> respond) {}

    public FakeManagedService(Path dataDir, String token, String orgId) throws IOException {
        this(dataDir, token, orgId, null, Profile.REAL);
    }

    public FakeManagedService(Path dataDir, String token, String orgId, Profile profile) throws IOException {
        this(dataDir, token, orgId, null, profile);
    }

    /** Over TLS with HTTP/2 offered by ALPN when {@code tls} is given. */
    public FakeManagedService(Path dataDir, String token, String orgId, javax.net.ssl.SSLSocketFactory tls)
            throws IOException {
        this(dataDir, token, orgId, tls, Profile.REAL);
    }

    public FakeManagedService(
            Path dataDir, String token, String orgId, javax.net.ssl.SSLSocketFactory tls, Profile profile)
            throws IOException {
        this.profile = profile;
        this.organizations = List.<String[]>of(new String[] {orgId, "Tester's Organization"});
        this.dataDir = new DataDirectory(dataDir);
        this.token = token;
        this.orgId = orgId;
        this.dataDir.ensure(DataDirectory.DEFAULT_WORKSPACE);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeManagedService.this.dispatch(request);
            }
        });
        // answers go out without waiting for delayed ACKs, as a production server's would
        server.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new java.net.ServerSocket() {
                    @Override
                    public java.net.Socket accept() throws IOException {
                        java.net.Socket s = super.accept();
                        s.setTcpNoDelay(true);
                        return s;
                    }
                };
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                    throws IOException {
                throw new UnsupportedOperationException();
            }
        });
        if (tls != null) {
            server.useHttps(tls);
            server.setProtocols(List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1));
        }
        server.start();
    }

    /** A JWT as the service mints them: the payload carries {@code org_id} (the fake, like clients, checks no signature). */
    public static String jwt(String orgId) {
        return jwtWith("{\"org_id\":\"" + orgId + "\",\"sub\":\"u1\"}");
    }

    /** A JWT whose payload carries {@code OrgID}, as the written protocol describes. */
    public static String specJwt(String orgId) {
        return jwtWith("{\"OrgID\":\"" + orgId + "\",\"sub\":\"tester\"}");
    }

    static String jwtWith(String payloadJson) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }

    public Profile profile() {
        return profile;
    }

    /** The organisations {@code GET /organizations} lists ({id, name} pairs); the fake's org is accepted either way. */
    public void organizations(List<String[]> orgs) {
        this.organizations = List.copyOf(orgs);
    }

    /** Strict mode: {@code POST /workspaces/{ws}/tables} answers this status (404 or 405); 0 = the endpoint exists. */
    public void registrationStatus(int status) {
        this.registrationStatus = status;
    }

    /** Strict mode: request bodies over {@code bytes} answer 413. */
    public void maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
    }

    /** Strict mode: a query sent with {@code params} fails as PostgreSQL does when none are bound. */
    public void refuseParams(boolean yes) {
        this.refuseParams = yes;
    }

    /** Strict mode: {@code current_schema()} is {@code public}, the workspace of that name, whose tables the catalog shows. */
    public void publicSchema(boolean yes) {
        this.publicSchema = yes;
    }

    /** Strict mode: only {@code USING deeplake} tables may be created (plain heap tables are refused). */
    public void refuseHeapTables(boolean yes) {
        this.refuseHeapTables = yes;
    }

    /** Strict mode: {@code DO} blocks are refused as a syntax error, as by a service that runs single statements only. */
    public void refuseDoBlocks(boolean yes) {
        this.refuseDoBlocks = yes;
    }

    boolean refusesDoBlocks() {
        return refuseDoBlocks;
    }

    boolean refusesParams() {
        return refuseParams;
    }

    boolean publicSchemaMode() {
        return publicSchema;
    }

    boolean refusesHeapTables() {
        return refuseHeapTables;
    }

    /** What PostgreSQL says when its statement timeout cancels a statement. */
    static final String STATEMENT_TIMEOUT = "canceling statement due to statement timeout";

    /** A failed statement as this profile answers it: 500 QUERY_ERROR with a request id, or 400. */
    MockResponse queryError(String pgMessage) {
        if (profile == Profile.SPEC) {
            return status(400, pgMessage);
        }
        ObjectNode o = JSON.createObjectNode()
                .put("error", "Database error: " + pgMessage)
                .put("code", "QUERY_ERROR")
                .put("request_id", java.util.UUID.randomUUID().toString());
        return new MockResponse.Builder()
                .code(500)
                .body(o.toString())
                .addHeader("Content-Type", "application/json")
                .build();
    }

    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    public int requestCount() {
        return requests.get();
    }

    /** Requests whose path ends with {@code suffix} (e.g. "/tables/query"). */
    public int requestCount(String suffix) {
        int n = 0;
        for (var e : perPath.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                n += e.getValue().get();
            }
        }
        return n;
    }

    /** Bodies of every query request so far, in arrival order. */
    public List<String> queryBodies() {
        synchronized (queryBodies) {
            return List.copyOf(queryBodies);
        }
    }

    /**
     * Method and path of every request so far ("DELETE /workspaces/default/tables/t"), in arrival order; a query's
     * line goes on with the start of its body.
     */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    /** Keep query bodies for {@link #queryBodies()} (on by default; benchmarks turn it off to save memory). */
    public void recordBodies(boolean yes) {
        this.recordBodies = yes;
    }

    /** The HTTP version of the last request ("HTTP/1.1", "HTTP/2"). */
    public String lastVersion() {
        return lastVersion;
    }

    /** Request body bytes received so far. */
    public long requestBytes() {
        return requestBytes.get();
    }

    public void meAnswersOrg(boolean yes) {
        this.meAnswersOrg = yes;
    }

    public void addFault(Fault f) {
        faults.add(f);
    }

    /** The next {@code times} requests matching {@code when} get {@code status} with an error body, unprocessed. */
    public void failNext(int times, Predicate<RecordedRequest> when, int status, String message, String retryAfter) {
        for (int i = 0; i < times; i++) {
            addFault(new Fault(when, false, real -> {
                MockResponse.Builder b = new MockResponse.Builder().code(status).body(error(message));
                if (retryAfter != null) {
                    b.setHeader("Retry-After", retryAfter);
                }
                return b.build();
            }));
        }
    }

    /** The next {@code times} requests matching {@code when} get {@code status} with exactly {@code body}, unprocessed. */
    public void failNextWith(int times, Predicate<RecordedRequest> when, int status, String body) {
        for (int i = 0; i < times; i++) {
            addFault(new Fault(
                    when,
                    false,
                    real -> new MockResponse.Builder().code(status).body(body).build()));
        }
    }

    /**
     * The next {@code times} requests matching {@code when} are answered as the service answers a statement its
     * statement timeout cancelled: PostgreSQL's message as this profile reports a refused statement. The
     * statement is not carried out (a cancelled statement's transaction is rolled back).
     */
    public void statementTimeoutNext(int times, Predicate<RecordedRequest> when) {
        for (int i = 0; i < times; i++) {
            addFault(new Fault(when, false, real -> queryError(STATEMENT_TIMEOUT)));
        }
    }

    /**
     * The next {@code times} requests matching {@code when} are read whole — and carried out when {@code applied} —
     * and then the connection closes before any answer: the client has sent the request and cannot tell whether it
     * was carried out.
     */
    public void dropConnectionAfterRequest(int times, Predicate<RecordedRequest> when, boolean applied) {
        for (int i = 0; i < times; i++) {
            addFault(new Fault(
                    when,
                    applied,
                    real -> new MockResponse.Builder()
                            .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket())
                            .build()));
        }
    }

    /** Headers of the last request. */
    public okhttp3.Headers lastHeaders() {
        return lastHeaders;
    }

    /** Requests whose method and path are exactly {@code methodAndPath} (e.g. "POST /workspaces/default/tables"). */
    public int requestCountExact(String methodAndPath) {
        AtomicInteger n = perPath.get(methodAndPath);
        return n == null ? 0 : n.get();
    }

    public static Predicate<RecordedRequest> queries() {
        return r -> r.getUrl().encodedPath().endsWith("/tables/query");
    }

    /** Queries whose SQL contains {@code text}. */
    public static Predicate<RecordedRequest> queriesContaining(String text) {
        return r ->
                queries().test(r) && r.getBody() != null && r.getBody().utf8().contains(text);
    }

    public static Predicate<RecordedRequest> any() {
        return r -> true;
    }

    /** The local engine behind a workspace (for checking what really landed). */
    public LocalBackend workspace(String id) {
        return workspaces.computeIfAbsent(id, w -> new LocalBackend(dataDir, w));
    }

    boolean workspaceExists(String id) {
        return dataDir.exists(id);
    }

    private MockResponse dispatch(RecordedRequest r) {
        requests.incrementAndGet();
        String path = r.getUrl().encodedPath();
        perPath.computeIfAbsent(r.getMethod() + " " + path, k -> new AtomicInteger())
                .incrementAndGet();
        lastVersion = r.getVersion();
        lastHeaders = r.getHeaders();
        if (recordBodies) {
            String text = path.endsWith("/tables/query") && r.getBody() != null
                    ? r.getBody().utf8()
                    : null;
            String sqlHead = text == null ? "" : " " + text.substring(0, Math.min(120, text.length()));
            requestLines.add(r.getMethod() + " " + path + sqlHead);
        }
        if (r.getBody() != null) {
            requestBytes.addAndGet(r.getBody().size());
            if (recordBodies && path.endsWith("/tables/query")) {
                queryBodies.add(r.getBody().utf8());
            }
        }
        Fault fault = null;
        for (Fault f : faults) {
            if (f.when().test(r) && faults.remove(f)) {
                fault = f;
                break;
            }
        }
        if (fault != null && !fault.handleFirst()) {
            return fault.respond().apply(null);
        }
        if (r.getBody() != null && r.getBody().size() > maxBodyBytes) {
            return new MockResponse.Builder()
                    .code(413)
                    .body("<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>")
                    .build();
        }
        if (!recordBodies) {
            drainRecorded();
        }
        MockResponse real = handle(r);
        return fault == null ? real : fault.respond().apply(real);
    }

    /** MockWebServer keeps every request for takeRequest(); long runs would hold every body in memory. */
    private void drainRecorded() {
        try {
            while (server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse handle(RecordedRequest r) {
        String auth = r.getHeaders().get("Authorization");
        if (auth == null || !auth.equals("Bearer " + token)) {
            return status(401, "token expired or invalid");
        }
        List<String> seg = r.getUrl().pathSegments();
        String method = r.getMethod();
        try {
            if (seg.equals(List.of("me")) && method.equals("GET")) {
                ObjectNode me = JSON.createObjectNode()
                        .put("id", "u1")
                        .put("name", "Tester")
                        .put("email", "t@example.com");
                if (profile == Profile.SPEC && meAnswersOrg) {
                    me.put("org_id", orgId);
                }
                return ok(me);
            }
            if (seg.equals(List.of("organizations")) && method.equals("GET")) {
                ArrayNode a = JSON.createArrayNode();
                for (String[] o : organizations) {
                    a.addObject().put("id", o[0]).put("name", o[1]);
                }
                return ok(a);
            }
            if (!orgId.equals(r.getHeaders().get("X-Activeloop-Org-Id"))) {
                return status(403, "organisation header missing or wrong");
            }
            if (seg.equals(List.of("workspaces"))) {
                return method.equals("GET") ? listWorkspaces() : createWorkspace(body(r));
            }
            if (seg.size() >= 3 && seg.get(0).equals("workspaces") && seg.get(2).equals("tables")) {
                String ws = seg.get(1);
                if (!workspaceExists(ws)) {
                    return status(404, "workspace " + ws + " not found");
                }
                LocalBackend local = workspace(ws);
                if (seg.size() == 3 && method.equals("GET")) {
                    ArrayNode a = JSON.createArrayNode();
                    for (String t : local.listTables()) {
                        a.addObject().put("table_name", t);
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.set("tables", a);
                    return ok(o);
                }
                if (seg.size() == 3 && method.equals("POST")) {
                    if (registrationStatus != 0) {
                        return status(
                                registrationStatus,
                                registrationStatus == 405 ? "Method Not Allowed" : "404 page not found");
                    }
                    return createTable(ws, local, body(r));
                }
                if (seg.size() == 4 && seg.get(3).equals("query") && method.equals("POST")) {
                    return sql.run(ws, local, body(r));
                }
                if (seg.size() == 4 && method.equals("DELETE")) {
                    if (!local.listTables().contains(seg.get(3))) {
                        return status(404, "table " + seg.get(3) + " not found");
                    }
                    local.dropTable(seg.get(3), false);
                    return new MockResponse.Builder().code(204).body("").build();
                }
            }
            if (seg.size() == 6 && seg.get(0).equals("api") && seg.get(5).equals("creds") && method.equals("GET")) {
                LocalBackend local = workspace(seg.get(2));
                if (!local.listTables().contains(seg.get(4))) {
                    return status(404, "dataset not found");
                }
                ObjectNode o = JSON.createObjectNode().put("path", "al://" + seg.get(2) + "/" + seg.get(4));
                o.putObject("creds").put("expiration", "2099-01-01T00:00:00Z");
                return ok(o);
            }
            return status(404, "Not found: " + r.getUrl().encodedPath());
        } catch (ManagedServiceError e) {
            return status(e.code() == ErrorCode.INTERNAL ? 500 : 400, e.problem());
        } catch (RuntimeException e) {
            return status(500, "internal error: " + e);
        }
    }

    private MockResponse listWorkspaces() {
        ArrayNode a = JSON.createArrayNode();
        for (WorkspaceInfo w : dataDir.list()) {
            a.addObject()
                    .put("id", w.id())
                    .put("org_id", orgId)
                    .put("name", w.name())
                    .put("type", "default")
                    .put("created_at", w.createdAt().toString());
        }
        if (profile == Profile.SPEC) {
            return ok(a);
        }
        ObjectNode o = JSON.createObjectNode();
        o.set("data", a);
        return ok(o);
    }

    private MockResponse createWorkspace(JsonNode body) {
        String id = body.path("id").asText("");
        if (id.isBlank()) {
            return status(400, "workspace ID is required");
        }
        if (dataDir.exists(id)) {
            return status(409, "workspace " + id + " already exists");
        }
        WorkspaceInfo w = dataDir.create(id, body.path("name").asText(id));
        return ok(JSON.createObjectNode()
                .put("id", w.id())
                .put("org_id", orgId)
                .put("name", w.name())
                .put("created_at", w.createdAt().toString()));
    }

    private MockResponse createTable(String ws, LocalBackend local, JsonNode body) {
        String table = body.path("table_name").asText("");
        if (table.isBlank() || !body.path("schema").isObject()) {
            return status(400, "table_name and schema are required");
        }
        if (local.listTables().stream().anyMatch(t -> t.equalsIgnoreCase(table))) {
            // registering a table SQL created: the service knows its dataset
            return ok(JSON.createObjectNode().put("table_name", table).put("dataset_path", "al://" + ws + "/" + table));
        }
        List<Column> cols = new ArrayList<>();
        for (var e : body.path("schema").properties()) {
            ColumnType t = ColumnType.parse(e.getValue().asText()).orElse(null);
            if (t == null) {
                return status(400, "unknown type " + e.getValue().asText() + " for column " + e.getKey());
            }
            cols.add(Column.of(e.getKey(), t));
        }
        local.openSink(table, new TableSchema(cols)).close();
        return ok(JSON.createObjectNode().put("table_name", table).put("dataset_path", "al://" + ws + "/" + table));
    }

    private static JsonNode body(RecordedRequest r) {
        try {
            return r.getBody() == null || r.getBody().size() == 0
                    ? JSON.createObjectNode()
                    : JSON.readTree(r.getBody().toByteArray());
        } catch (IOException e) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "request body is not JSON", "");
        }
    }

    static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    static MockResponse status(int code, String message) {
        return new MockResponse.Builder()
                .code(code)
                .body(error(message))
                .addHeader("Content-Type", "application/json")
                .build();
    }

    static MockResponse ok(JsonNode body) {
        return new MockResponse.Builder()
                .code(200)
                .body(body.toString())
                .addHeader("Content-Type", "application/json")
                .build();
    }

    @Override
    public void close() {
        server.close();
        for (LocalBackend b : workspaces.values()) {
            b.close();
        }
    }
}
