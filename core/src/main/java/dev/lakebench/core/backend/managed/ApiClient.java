package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.WorkspaceError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP side of the managed backend: builds each request with the bearer token and org header, runs it
 * under its deadline and the caller's cancellation, retries what {@link RetryPolicy} allows, parses JSON
 * answers (an empty body is an empty object) and maps every failure with {@link ApiErrors}.
 *
 * <p>One {@link OkHttpClient} per process ({@link HttpClients}) so that all backends share the connection pool;
 * OkHttp negotiates HTTP/2 by ALPN where the server offers it.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String apiUrl;
    private final String workspace;
    private final ApiToken token;
    private final RetryPolicy retry;
    private volatile String orgId;
    private volatile boolean closed;

    ApiClient(OkHttpClient http, ManagedSettings settings, ApiToken token, RetryPolicy retry) {
        this.http = http;
        this.apiUrl = settings.apiUrl();
        this.base = HttpUrl.get(settings.apiUrl());
        this.workspace = settings.workspaceId();
        this.token = token;
        this.retry = retry;
    }

    /** Later requests are refused: the client that owns this connection was closed. */
    void close() {
        closed = true;
    }

    void orgId(String org) {
        this.orgId = org;
    }

    String orgId() {
        return orgId;
    }

    String apiUrl() {
        return apiUrl;
    }

    /** Runs a call to the end; the JSON answer, or an empty object for an empty body. */
    JsonNode send(ApiCall call, Cancellation cancellation) {
        return send(call, cancellation, ApiClient::readTree);
    }

    /** Reads a successful answer's body (a stream, so large answers need not be held whole). */
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Runs a call to the end and reads a successful answer with {@code reader}; failures are retried as
     * {@link RetryPolicy} allows and mapped by {@link ApiErrors}. A body that breaks off while read is a broken
     * connection (retried for requests safe to repeat); one that is not JSON is a service error.
     */
    <T> T send(ApiCall call, Cancellation cancellation, BodyReader<T> reader) {
        if (closed) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_CLOSED,
                    "The client of managed workspace \"" + workspace + "\" at " + apiUrl + " is closed",
                    "Connect again with a new client (Client.managed), and close a client only once you are done with"
                            + " it and its datasets");
        }
        Request request = build(call);
        int authRetries = 0;
        int gatewayTimeouts = 0;
        // some attempt's connection broke after the request went out: the server may have carried it out
        boolean lostAfterSending = false;
        for (int attempt = 1; ; attempt++) {
            if (cancellation.isCancelled()) {
                throw cancelled(call);
            }
            Call c = http.newCall(request);
            c.timeout().timeout(call.deadline().toMillis(), TimeUnit.MILLISECONDS);
            int status = 0;
            byte[] body = null;
            String retryAfter = null;
            String location = null;
            Excerpt excerpt = null;
            IOException broken = null;
            try (AutoCloseable unregister = cancellation.onCancel(c::cancel);
                    Response r = c.execute()) {
                status = r.code();
                retryAfter = r.header("Retry-After");
                location = r.header("Location");
                ResponseBody rb = r.body();
                if (status >= 200 && status < 300) {
                    excerpt = new Excerpt(rb.byteStream());
                    return reader.read(excerpt);
                }
                body = ErrorBodies.read(rb.byteStream());
            } catch (JsonProcessingException e) {
                throw ApiErrors.malformed(
                        call,
                        apiUrl,
                        excerpt == null ? new byte[0] : excerpt.head(),
                        RedactedCause.of(e, this::redact),
                        this::redact);
            } catch (InterruptedIOException e) {
                if (cancellation.isCancelled()) {
                    throw cancelled(call);
                }
                if (!connectTimedOut(e)) {
                    // the deadline passed: the server may still be working, so a retry would pile up work
                    throw timeoutFor(call, e);
                }
                broken = e; // no connection within the connect timeout: nothing was sent
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    throw cancelled(call);
                }
                broken = e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (broken != null) {
                boolean notSent = nothingSent(broken);
                lostAfterSending |= !notSent;
                if ((notSent || call.idempotent()) && attempt < retry.maxAttempts()) {
                    pause(call, attempt, OptionalLong.empty(), cancellation);
                    continue;
                }
                throw lostAfterSending
                        ? ApiErrors.connectionLost(call, apiUrl, broken, attempt, this::redact)
                        : ApiErrors.unreachable(call, apiUrl, broken, attempt, this::redact);
            }
            if (status >= 300 && status < 400) {
                // not followed: a redirected POST would be re-sent as a GET, and the token should go where the user
                // said
                throw ApiErrors.redirected(call, apiUrl, status, location == null ? null : redact(location));
            }
            ErrorBody err = ErrorBody.parse(body, this::redact);
            if (RetryPolicy.retryable(status, err, call, authRetries, gatewayTimeouts)
                    && attempt < retry.maxAttempts()) {
                OptionalLong after = RetryPolicy.parseRetryAfter(retryAfter, System.currentTimeMillis());
                if (!retry.retryAfterTooLong(after)) {
                    if (status == 401 || status == 403) {
                        authRetries++;
                    }
                    if (status == 504) {
                        gatewayTimeouts++;
                    }
                    pause(call, attempt, after, cancellation);
                    continue;
                }
                throw ApiErrors.waitTooLong(call, apiUrl, status, err, after.getAsLong(), retry.maxRetryAfterMillis());
            }
            if (!call.idempotent() && RetryPolicy.mayHaveRun(status, err)) {
                throw ApiErrors.answerLost(call, apiUrl, status, err);
            }
            ManagedServiceError failed = ApiErrors.forStatus(call, status, err, apiUrl, workspace, attempt);
            // retried as far as allowed, but the last answer may still have come after the work was done
            throw RetryPolicy.mayHaveRun(status, err) ? ApiErrors.outcomeUnknown(failed) : failed;
        }
    }

    /**
     * True for a failure to open the connection (refused, unknown host, no route): the request never left. Any other
     * broken connection may have come after the server read the request.
     */
    private static boolean nothingSent(IOException e) {
        return e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || connectTimedOut(e);
    }

    /**
     * True when the connection was not made within the connect timeout (the JDK's socket says "Connect timed out";
     * OkHttp passes it on as it is): unlike the call's deadline, it passed before anything was sent.
     */
    private static boolean connectTimedOut(IOException e) {
        return e instanceof SocketTimeoutException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out");
    }

    private void pause(ApiCall call, int attempt, OptionalLong retryAfter, Cancellation cancellation) {
        try {
            retry.sleep(retry.delay(attempt, retryAfter));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(call);
        }
        if (cancellation.isCancelled()) {
            throw cancelled(call);
        }
    }

    /** The deadline passed: the server may still be working on the request, and may yet complete it. */
    private ManagedServiceError timeoutFor(ApiCall call, InterruptedIOException e) {
        if (call.target() == ApiCall.Target.QUERY || call.target() == ApiCall.Target.INDEX) {
            return ApiErrors.outcomeUnknown(ApiErrors.timeout(call.timeout(), e));
        }
        return ApiErrors.outcomeUnknown(new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The managed API at " + apiUrl + " did not answer " + call.operation() + " within "
                        + call.timeout().toSeconds() + " s",
                "Check the API server is running at " + apiUrl + " and the network connection",
                e));
    }

    private static QueryError cancelled(ApiCall call) {
        return new QueryError(ErrorCode.QUERY_CANCELLED, "Cancelled: " + call.operation(), "");
    }

    /** The answer as a tree; an empty (or blank) body is an empty object. */
    static JsonNode readTree(InputStream in) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() == null) {
                return JSON.createObjectNode();
            }
            JsonNode n = JSON.readTree(p);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON answer");
            }
            return n == null || n.isMissingNode() || n.isNull() ? JSON.createObjectNode() : n;
        }
    }

    private Request build(ApiCall call) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : call.path()) {
            url.addPathSegment(segment);
        }
        Request.Builder b = new Request.Builder()
                .url(url.build())
                .header("Authorization", token.bearer())
                .header("Accept", "application/json")
                .header("User-Agent", "lakebench")
                // attribution, as the service's other clients send it
                .header("X-Deeplake-Client", "lakebench");
        if (orgId != null && call.target() != ApiCall.Target.ME && call.target() != ApiCall.Target.ORGANIZATIONS) {
            b.header("X-Activeloop-Org-Id", orgId);
        }
        RequestBody body = null;
        if (call.body() != null) {
            try {
                byte[] bytes = call.body() instanceof byte[] raw ? raw : JSON.writeValueAsBytes(call.body());
                body = RequestBody.create(bytes, JSON_TYPE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise request body", e);
            }
        } else if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            body = RequestBody.create(new byte[0], JSON_TYPE);
        }
        return b.method(call.method(), body).build();
    }

    /** A server message never repeats the token back to the user. */
    String redact(String message) {
        return token.redactFrom(message);
    }
}
