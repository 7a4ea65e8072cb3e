package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.CredentialsError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.client.WorkspaceError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTTP failures into Lakebench errors, keeping the server's own message: 401/403 → AuthError, 404 →
 * WorkspaceError or TableError by what was addressed, 409 → "already exists", 400 → QueryError / TableError /
 * WorkspaceError ("workspace ID is required"), a 500 carrying a service code (a statement the database refused)
 * like a 400, 402 → the balance is used up, exhausted retries and unreachable servers → ManagedServiceError.
 */
final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MISSING_RELATION = Pattern.compile("relation \"?([^\"\\s]+)\"? does not exist");
    private static final Pattern MISSING_COLUMN_OF =
            Pattern.compile("column \"?([^\"\\s]+)\"? of relation \"?([^\"\\s]+)\"? does not exist");
    private static final int MAX_MESSAGE = 500;

    private ApiErrors() {}

    /** The server's message from an error body: {@code error}, {@code message}, {@code detail}, or the text itself. */
    static String serverMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.isObject()) {
                for (String field : new String[] {"error", "message", "detail", "msg", "error_message"}) {
                    JsonNode f = n.get(field);
                    if (f != null && f.isTextual() && !f.asText().isBlank()) {
                        return clip(f.asText());
                    }
                    if (f != null && f.isObject() && f.hasNonNull("message")) {
                        return clip(f.get("message").asText());
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: the text is the message
        }
        return clip(text);
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE - 3) + "..." : one;
    }

    static ManagedServiceError forStatus(
            ApiCall call, int status, ErrorBody body, String apiUrl, String workspace, int attempts) {
        ManagedServiceError e = forStatus(
                call,
                status,
                body.message() + (body.requestId() == null ? "" : " (request id " + body.requestId() + ")"),
                body,
                apiUrl,
                workspace,
                attempts);
        if (body.requestId() != null) {
            e.detail("request_id", body.requestId());
        }
        if (body.code() != null) {
            e.detail("service_code", body.code());
        }
        return e.detail("http_status", Integer.toString(status));
    }

    private static ManagedServiceError forStatus(
            ApiCall call, int status, String message, ErrorBody body, String apiUrl, String workspace, int attempts) {
        String said = message.isEmpty() ? "" : ": " + message;
        String lower = message.toLowerCase(Locale.ROOT);
        String where = call.method() + " " + call.pathText();
        switch (status) {
            case 401 -> {
                return new AuthError(
                        ErrorCode.AUTH_REJECTED,
                        "Token rejected by the managed API (401" + (attempts > 1 ? ", " + attempts + " times" : "")
                                + ")" + said,
                        "The token may have expired or been revoked: create a new one, then set " + ApiToken.ENV
                                + " or run lakebench login --remote " + apiUrl);
            }
            case 403 -> {
                String times = attempts > 1 ? ", " + attempts + " times" : "";
                return switch (call.target()) {
                    // calls that address no workspace: naming one would send the user to the wrong place
                    case WORKSPACES, ORGANIZATIONS, ME ->
                        new AuthError(
                                ErrorCode.AUTH_REJECTED,
                                "Access denied: the managed API refused " + call.operation() + " (403" + times + ")"
                                        + said,
                                "Check that the token is valid and belongs to the organisation it is used with (--org,"
                                        + " DEEPLAKE_ORG_ID)");
                    default ->
                        new AuthError(
                                ErrorCode.AUTH_REJECTED,
                                "Access denied to workspace \"" + workspace + "\" (403" + times + ")" + said,
                                "Check that the token belongs to the organisation that owns the workspace");
                };
            }
            case 404 -> {
                return switch (call.target()) {
                    case TABLE, INDEX ->
                        new TableError(
                                ErrorCode.TABLE_NOT_FOUND,
                                "Table \"" + call.table() + "\" does not exist in workspace \"" + workspace + "\""
                                        + said,
                                "List the tables with listTables(), or ingest data to create it");
                    case CREDENTIALS ->
                        new CredentialsError(
                                ErrorCode.CREDENTIALS_FAILED,
                                "Credentials for table \"" + call.table() + "\" not found (404)" + said,
                                "Check that the table exists and was created by ingest (raw SQL tables have no dataset)");
                    case ME ->
                        new AuthError(
                                ErrorCode.AUTH_NO_ORG_ID,
                                "Token does not contain org_id, and " + where + " was not found" + said,
                                "Use a token with an OrgID claim, or check that " + apiUrl + " is the managed API");
                    default ->
                        new WorkspaceError(
                                ErrorCode.WORKSPACE_NOT_FOUND,
                                "Not found: " + call.pathText() + said,
                                "Workspace \"" + workspace + "\" must exist: create it with createWorkspace(\""
                                        + workspace + "\", name) or lakebench --remote " + apiUrl
                                        + " workspaces create " + workspace);
                };
            }
            case 402 -> {
                return new ManagedServiceError(
                        ErrorCode.SERVICE_BALANCE_EXHAUSTED,
                        "The organisation's balance is used up: the managed API refused " + call.operation() + " (402)"
                                + said,
                        "Top up the organisation's balance on the platform's billing page, then try again");
            }
            case 413 -> {
                return new ManagedServiceError(
                        ErrorCode.SERVICE_ERROR,
                        "The request for " + call.operation() + " is larger than the managed API at " + apiUrl
                                + " accepts (413)" + said,
                        "Send less at once: smaller parameters or fewer rows per statement");
            }
            case 500 -> {
                if (body.code() != null || body.alreadyExists()) {
                    // a statement the database refused: as final as a 400, and classified the same way
                    return badRequest(call, message, lower, said, workspace);
                }
                return unavailable(call, status, said, apiUrl, attempts);
            }
            case 409 -> {
                if (call.target() == ApiCall.Target.WORKSPACES) {
                    return new WorkspaceError(
                            ErrorCode.WORKSPACE_EXISTS,
                            "Workspace already exists" + said,
                            "Open it, or choose another id");
                }
                return new TableError(
                        ErrorCode.TABLE_EXISTS,
                        "Table already exists" + (call.table() == null ? "" : ": \"" + call.table() + "\"") + said,
                        "Use drop_table() first or a different name; ingest appends to an existing table");
            }
            case 408 -> {
                return timeout(call.timeout(), null);
            }
            case 504 -> {
                return gatewayTimeout(call, said, apiUrl, attempts);
            }
            case 400, 422 -> {
                return badRequest(call, message, lower, said, workspace);
            }
            default -> {
                if (RetryPolicy.retryableStatus(status)) {
                    return unavailable(call, status, said, apiUrl, attempts);
                }
                return new ManagedServiceError(
                        ErrorCode.SERVICE_ERROR,
                        "The managed API at " + apiUrl + " answered " + status + " to " + call.operation() + said,
                        "Check that " + apiUrl + " is the managed API and that this Lakebench version supports it");
            }
        }
    }

    private static ManagedServiceError unavailable(ApiCall call, int status, String said, String apiUrl, int attempts) {
        return new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The managed API at " + apiUrl + " answered " + status + " to " + call.operation()
                        + (attempts > 1 ? " " + attempts + " times" : "") + said,
                "The service is overloaded or down: try again later, and check that the API server is running at "
                        + apiUrl);
    }

    /** A 504: the gateway stopped waiting, and the server may still be working on the request. */
    private static ManagedServiceError gatewayTimeout(ApiCall call, String said, String apiUrl, int attempts) {
        String answered = "The managed API at " + apiUrl + " answered 504 to " + call.operation()
                + (attempts > 1 ? " " + attempts + " times" : "") + said;
        if (call.target() == ApiCall.Target.INDEX) {
            return new ManagedServiceError(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    answered + "; the index build may still be running on the server",
                    "Check with describeTable(\"" + call.table() + "\") whether the index appeared before building it"
                            + " again");
        }
        return new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                answered,
                "The gateway in front of the service stopped waiting; the server may still be working on the request."
                        + " Try again later, and check that the API server is running at " + apiUrl);
    }

    /** A 3xx answer: the API URL is not where the API answers (e.g. http:// where the service is https://). */
    static ManagedServiceError redirected(ApiCall call, String apiUrl, int status, String location) {
        String target = location == null ? null : apiBase(call, location);
        return new ManagedServiceError(
                        ErrorCode.SERVICE_ERROR,
                        "The managed API at " + apiUrl + " answered " + call.operation() + " with a redirect (" + status
                                + ")" + (location == null ? "" : " to " + location),
                        target == null
                                ? "Check the API URL: use the address the service answers on, usually https://"
                                : "Use the API URL " + target + " (--remote " + target
                                        + ", Client.managed(token, ws, \"" + target + "\"))")
                .detail("http_status", Integer.toString(status))
                .detail(REASON, REDIRECT);
    }

    /** True for an error saying the API URL is redirected elsewhere (so nothing else can be learnt there). */
    static boolean isRedirect(ManagedServiceError e) {
        return REDIRECT.equals(e.details().get(REASON));
    }

    /** The API base a redirect points to: its location minus the path that was asked for, when it ends with it. */
    private static String apiBase(ApiCall call, String location) {
        String path = call.pathText();
        String l = location.strip();
        int q = l.indexOf('?');
        if (q >= 0) {
            l = l.substring(0, q);
        }
        if (l.endsWith(path) && l.length() > path.length() && l.contains("://")) {
            return l.substring(0, l.length() - path.length());
        }
        return null;
    }

    /** A retryable answer whose {@code Retry-After} asks for a longer pause than is waited for: given up at once. */
    static ManagedServiceError waitTooLong(
            ApiCall call, String apiUrl, int status, ErrorBody body, long retryAfterMillis, long maxMillis) {
        String said = body.message().isEmpty() ? "" : ": " + body.message();
        ManagedServiceError e = new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The managed API at " + apiUrl + " answered " + status + " to " + call.operation()
                        + " and asked to wait " + seconds(retryAfterMillis) + " before trying again (Lakebench waits"
                        + " at most " + seconds(maxMillis) + ")" + said,
                "Try again after " + seconds(retryAfterMillis)
                        + (status == 429 ? "; the service limits how many requests it takes" : ""));
        if (body.requestId() != null) {
            e.detail("request_id", body.requestId());
        }
        return e.detail("retry_after_ms", Long.toString(retryAfterMillis))
                .detail("http_status", Integer.toString(status));
    }

    private static String seconds(long millis) {
        return (millis + 999) / 1000 + " s";
    }

    /** A write whose answer was a gateway or server failure that may have come after it ran: not sent again. */
    static ManagedServiceError answerLost(ApiCall call, String apiUrl, int status, ErrorBody body) {
        String said = body.message().isEmpty() ? "" : ": " + body.message();
        ManagedServiceError e = new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The managed API at " + apiUrl + " answered " + status + " to " + call.operation() + said
                        + "; the statement may or may not have been applied",
                "Check the table before running the statement again; reads and ingest batches are retried automatically");
        if (body.requestId() != null) {
            e.detail("request_id", body.requestId());
        }
        return e.detail("http_status", Integer.toString(status));
    }

    private static ManagedServiceError badRequest(
            ApiCall call, String message, String lower, String said, String workspace) {
        switch (call.target()) {
            case WORKSPACES -> {
                if (lower.contains("already exists")) {
                    return new WorkspaceError(
                            ErrorCode.WORKSPACE_EXISTS,
                            "Workspace already exists" + said,
                            "Open it, or choose another id");
                }
                if (lower.contains("workspace id is required")) {
                    return new WorkspaceError(
                            ErrorCode.WORKSPACE_ID_REQUIRED,
                            message,
                            "POST /workspaces requires the \"id\" field: createWorkspace(\"my-ws\", \"My Workspace\")");
                }
                return new WorkspaceError(
                        ErrorCode.WORKSPACE_ID_REQUIRED,
                        "Workspace could not be created" + said,
                        "Check the workspace id: letters, digits, '-' and '_'");
            }
            case TABLE -> {
                if (call.method().equals("DELETE")) {
                    return dropFailed(call, lower, said, workspace);
                }
                return new TableError(
                        ErrorCode.TABLE_SCHEMA_MISMATCH,
                        "table creation failed for \"" + call.table() + "\"" + said,
                        "Check the API server is running and workspace \"" + workspace
                                + "\" is accessible, and the column types");
            }
            case INDEX -> {
                return new TableError(
                        ErrorCode.TABLE_INDEX_FAILED,
                        "Index creation failed" + said,
                        "Check that the column exists and is EMBEDDING or TEXT");
            }
            case CREDENTIALS -> {
                return new CredentialsError(
                        ErrorCode.CREDENTIALS_FAILED, "Credentials could not be fetched" + said, "");
            }
            default -> {
                return queryError(message, said);
            }
        }
    }

    /**
     * A refused {@code DELETE /workspaces/{ws}/tables/{t}}: a table that is not there (in PostgreSQL's or the API's
     * words) is TABLE_NOT_FOUND, which {@code dropTable(t, ifExists=true)} accepts; anything else says the drop failed.
     */
    private static TableError dropFailed(ApiCall call, String lower, String said, String workspace) {
        if (MISSING_RELATION.matcher(lower).find()
                || lower.contains("not found")
                || lower.contains("does not exist")
                || lower.contains("no such table")) {
            return new TableError(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table \"" + call.table() + "\" does not exist in workspace \"" + workspace + "\"" + said,
                    "List the tables with listTables(); dropTable(name, true) ignores a missing table");
        }
        return new TableError(
                ErrorCode.SERVICE_ERROR,
                "Table \"" + call.table() + "\" could not be dropped" + said,
                "Check the table is not in use, then try again");
    }

    /** A failed statement, classified by the server's message (PostgreSQL wording). */
    static ManagedServiceError queryError(String message, String said) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (cancelledByServer(message)) {
            return new QueryError(
                    ErrorCode.QUERY_TIMEOUT,
                    "Query timed out" + said,
                    "Increase the timeout, e.g. client.query(sql, Duration.ofMinutes(5)) or --timeout in the CLI");
        }
        Matcher col = MISSING_COLUMN_OF.matcher(message);
        if (col.find()) {
            // "column "c" of relation "t" does not exist": the table is there, the column is not
            return new QueryError(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Column \"" + col.group(1) + "\" does not exist in table \"" + col.group(2) + "\"" + said,
                    "Check the column names with describeTable(\"" + col.group(2) + "\")");
        }
        Matcher m = MISSING_RELATION.matcher(message);
        if (m.find()) {
            return new TableError(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table \"" + m.group(1) + "\" does not exist" + said,
                    "List the tables with listTables(); raw SQL tables must be created in the same workspace");
        }
        if (lower.contains("syntax error")) {
            return new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "SQL syntax error" + said,
                    "Check the statement near the position the message names");
        }
        if (lower.matches(".*column .* does not exist.*") || lower.contains("not found in from clause")) {
            return new QueryError(
                    ErrorCode.COLUMN_NOT_FOUND, "Query failed" + said, "Check column names and argument types");
        }
        return new QueryError(ErrorCode.QUERY_INVALID, "Query failed" + said, "Check the statement and its parameters");
    }

    /**
     * True when the server's message says the database cancelled the statement, mostly because its statement timeout
     * fired ("canceling statement due to statement timeout"). A cancelled statement's transaction is rolled back, so
     * unlike a client-side timeout the outcome is known: nothing of it was applied.
     */
    static boolean cancelledByServer(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("statement timeout")
                || lower.contains("query timed out")
                || lower.contains("canceling statement due to");
    }

    static QueryError timeout(Duration timeout, Throwable cause) {
        long ms = timeout.toMillis();
        String t = ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
        return new QueryError(
                ErrorCode.QUERY_TIMEOUT,
                "Query timed out after " + t,
                "Increase the timeout, e.g. client.query(sql, Duration.ofMinutes(5)) or --timeout in the CLI",
                cause);
    }

    /** No attempt got the request out: the connection could not be opened, so nothing reached the server. */
    static ManagedServiceError unreachable(
            ApiCall call, String apiUrl, IOException raw, int attempts, UnaryOperator<String> redact) {
        return new ManagedServiceError(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "Could not connect to the managed API at " + apiUrl + " for " + call.operation()
                                + (attempts > 1 ? " after " + attempts + " attempts" : "") + " (" + reason(raw, redact)
                                + ")",
                        "Check API server is running at " + apiUrl + " and the network connection",
                        RedactedCause.of(raw, redact))
                .detail(REASON, UNREACHABLE);
    }

    /**
     * The request went out (on the last attempt or an earlier one) and the connection broke before its answer
     * arrived: the server may have read it and carried it out. A request that is not safe to repeat was sent once
     * and may or may not have been applied; one that is (reads, ingest batches) was tried again as far as allowed.
     */
    static ManagedServiceError connectionLost(
            ApiCall call, String apiUrl, IOException raw, int attempts, UnaryOperator<String> redact) {
        String lost = "The connection to the managed API at " + apiUrl + " was lost after the request for "
                + call.operation() + " was sent, before its answer arrived ("
                + (attempts > 1 ? attempts + " attempts, the last: " : "") + reason(raw, redact) + ")";
        ManagedServiceError e = call.idempotent()
                ? new ManagedServiceError(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        lost,
                        "Check the network connection and that the API server is running at " + apiUrl
                                + "; a statement that changes data may have been applied, so check the table before"
                                + " running it again",
                        RedactedCause.of(raw, redact))
                : new ManagedServiceError(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        lost + "; the statement may or may not have been applied",
                        "Check the table before running the statement again; reads and ingest batches are retried"
                                + " automatically",
                        RedactedCause.of(raw, redact));
        return e.detail(REASON, CONNECTION_LOST);
    }

    private static String reason(IOException raw, UnaryOperator<String> redact) {
        return redact.apply(
                raw.getMessage() == null
                        ? raw.getClass().getSimpleName()
                        : raw.getClass().getSimpleName() + ": " + raw.getMessage());
    }

    private static final String REASON = "reason";
    private static final String UNREACHABLE = "unreachable";
    private static final String REDIRECT = "redirect";
    private static final String OUTCOME_UNKNOWN = "outcome_unknown";
    private static final String CONNECTION_LOST = "connection_lost";

    /**
     * Marks an error after which a request may or may not have taken effect (its answer did not arrive in time, or
     * the last answer was a gateway or server failure that can follow the work).
     */
    static ManagedServiceError outcomeUnknown(ManagedServiceError e) {
        return e.detail(REASON, OUTCOME_UNKNOWN);
    }

    /** True for an error after which the request may or may not have taken effect (a lost connection included). */
    static boolean isOutcomeUnknown(ManagedServiceError e) {
        String reason = e.details().get(REASON);
        return OUTCOME_UNKNOWN.equals(reason) || CONNECTION_LOST.equals(reason);
    }

    /**
     * True for an error about the connection rather than an answer: the server could not be reached, or the
     * connection broke before the answer arrived. Nothing was learnt about the request itself.
     */
    static boolean isConnectionFailure(ManagedServiceError e) {
        String reason = e.details().get(REASON);
        return UNREACHABLE.equals(reason) || CONNECTION_LOST.equals(reason);
    }

    static ManagedServiceError malformed(
            ApiCall call, String apiUrl, byte[] body, Throwable cause, UnaryOperator<String> redact) {
        String text = redact.apply(new String(body, StandardCharsets.UTF_8));
        String excerpt = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return new ManagedServiceError(
                ErrorCode.SERVICE_ERROR,
                "The managed API at " + apiUrl + " answered " + call.operation() + " with malformed JSON: "
                        + excerpt.replaceAll("\\s+", " "),
                "Check that " + apiUrl + " is the managed API (not a proxy or login page)",
                cause);
    }
}
