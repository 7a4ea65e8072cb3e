package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a managed backend points and how it talks: API URL, workspace, connect timeout, the retry budget
 * (attempts, exponential backoff base and cap, the longest {@code Retry-After} honoured) and the largest INSERT
 * payload the remote sink sends at once.
 */
public record ManagedSettings(String apiUrl, String workspaceId, Duration connectTimeout, int maxAttempts,
                              Duration backoffBase, Duration backoffMax, Duration maxRetryAfter, int insertBatchBytes) {

    public static final String DEFAULT_API_URL = "https://api.deeplake.ai";
    public static final String DEFAULT_WORKSPACE = "default";

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
    }

    /** Defaults: 10 s connect, 5 attempts, backoff from 250 ms doubling up to 8 s, Retry-After up to 60 s, 4 MiB batches. */
    public static ManagedSettings of(String apiUrl, String workspaceId) {
        return new ManagedSettings(apiUrl, workspaceId, Duration.ofSeconds(10), 5, Duration.ofMillis(250),
                Duration.ofSeconds(8), Duration.ofSeconds(60), 4 << 20);
    }

    public ManagedSettings withRetries(int attempts, Duration base, Duration max) {
        return new ManagedSettings(apiUrl, workspaceId, connectTimeout, attempts, base, max, maxRetryAfter, insertBatchBytes);
    }

    public ManagedSettings withInsertBatchBytes(int bytes) {
        return new ManagedSettings(apiUrl, workspaceId, connectTimeout, maxAttempts, backoffBase, backoffMax, maxRetryAfter, bytes);
    }

    public ManagedSettings withWorkspace(String ws) {
        return new ManagedSettings(apiUrl, ws, connectTimeout, maxAttempts, backoffBase, backoffMax, maxRetryAfter, insertBatchBytes);
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
        return new ManagedServiceError(ErrorCode.SERVICE_UNAVAILABLE, "API URL \"" + shown + "\" is not an http(s) URL",
                "Give the API's base URL, e.g. " + DEFAULT_API_URL + " (credentials never go into the URL)");
    }
}
