package dev.lakebench.core.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a managed backend points and how it talks: API URL, workspace, connect timeout, the retry budget
 * (attempts, exponential backoff base and cap, the longest {@code Retry-After} honoured), the largest INSERT
 * payload the remote sink sends at once, an explicit organisation (null: from the token or the service) and the
 * rows per page of a streamed result.
 */
public record ManagedSettings(
        String apiUrl,
        String workspaceId,
        Duration connectTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration maxRetryAfter,
        int insertBatchBytes,
        String orgId,
        int pageRows) {

    public static final String DEFAULT_API_URL = "https://api.deeplake.ai";
    public static final String DEFAULT_WORKSPACE = "default";
    /** The environment variable naming the organisation explicitly (wins over the token's claim). */
    public static final String ORG_ENV = "DEEPLAKE_ORG_ID";
    /** Rows per request when a result is read page by page ({@code stream()}, {@code batches(n)}). */
    public static final int DEFAULT_PAGE_ROWS = 10_000;

    /** Settings without an explicit organisation and with the default page size. */
    public ManagedSettings(
            String apiUrl,
            String workspaceId,
            Duration connectTimeout,
            int maxAttempts,
            Duration backoffBase,
            Duration backoffMax,
            Duration maxRetryAfter,
            int insertBatchBytes) {
        this(
                apiUrl,
                workspaceId,
                connectTimeout,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                insertBatchBytes,
                null,
                DEFAULT_PAGE_ROWS);
    }

    public ManagedSettings {
        apiUrl = normalizeUrl(apiUrl);
        workspaceId = workspaceId == null || workspaceId.isBlank() ? DEFAULT_WORKSPACE : workspaceId;
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(backoffBase);
        Objects.requireNonNull(backoffMax);
        Objects.requireNonNull(maxRetryAfter);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        if (insertBatchBytes < 1024) {
            throw new IllegalArgumentException("insertBatchBytes must be >= 1024: " + insertBatchBytes);
        }
        orgId = orgId == null || orgId.isBlank() ? null : orgId.strip();
        if (pageRows < 1) {
            throw new IllegalArgumentException("pageRows must be >= 1: " + pageRows);
        }
    }

    /** Defaults: 10 s connect, 5 attempts, backoff from 250 ms doubling up to 8 s, Retry-After up to 60 s, 4 MiB batches. */
    public static ManagedSettings of(String apiUrl, String workspaceId) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                Duration.ofSeconds(10),
                5,
                Duration.ofMillis(250),
                Duration.ofSeconds(8),
                Duration.ofSeconds(60),
                4 << 20);
    }

    public ManagedSettings withRetries(int attempts, Duration base, Duration max) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                connectTimeout,
                attempts,
                base,
                max,
                maxRetryAfter,
                insertBatchBytes,
                orgId,
                pageRows);
    }

    public ManagedSettings withInsertBatchBytes(int bytes) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                connectTimeout,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                bytes,
                orgId,
                pageRows);
    }

    public ManagedSettings withWorkspace(String ws) {
        return new ManagedSettings(
                apiUrl,
                ws,
                connectTimeout,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                insertBatchBytes,
                orgId,
                pageRows);
    }

    /** An explicit organisation: sent as {@code X-Activeloop-Org-Id} whatever the token's claim says. */
    public ManagedSettings withOrgId(String org) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                connectTimeout,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                insertBatchBytes,
                org,
                pageRows);
    }

    public ManagedSettings withConnectTimeout(Duration t) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                t,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                insertBatchBytes,
                orgId,
                pageRows);
    }

    /** Rows per request when results are read page by page. */
    public ManagedSettings withPageRows(int rows) {
        return new ManagedSettings(
                apiUrl,
                workspaceId,
                connectTimeout,
                maxAttempts,
                backoffBase,
                backoffMax,
                maxRetryAfter,
                insertBatchBytes,
                orgId,
                rows);
    }

    /** The API URL without a trailing slash; null means the default. Anything but http(s) is refused. */
    public static String normalizeUrl(String url) {
        if (url == null || url.isBlank()) {
            return DEFAULT_API_URL;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw badUrl(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw badUrl(url);
        }
        return u;
    }

    private static ManagedServiceError badUrl(String url) {
        String shown = url.replaceAll("//[^/@]*@", "//");
        return new ManagedServiceError(
                ErrorCode.SERVICE_UNAVAILABLE,
                "API URL \"" + shown + "\" is not an http(s) URL",
                "Give the API's base URL, e.g. " + DEFAULT_API_URL + " (credentials never go into the URL)");
    }
}
