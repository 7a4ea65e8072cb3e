package dev.lakebench.core.client;

import dev.lakebench.core.client.spi.EngineServices;
import java.time.Duration;
import java.util.function.Function;

/**
 * Builds a client of a managed workspace by naming what is set, so no argument is a positional null:
 *
 * <pre>{@code
 * try (Client client = Client.builder().token(t).workspace("team").orgId("org-1").build()) { ... }
 * }</pre>
 *
 * Unset values fall back as in {@link Client#managed(String, String, String)}: the token to
 * {@code DEEPLAKE_API_KEY}, the workspace to "default", the API URL to {@value ManagedSettings#DEFAULT_API_URL},
 * the organisation to {@code DEEPLAKE_ORG_ID}, then the token's claim, then the service.
 */
public final class ManagedClientBuilder {

    private String token;
    private String workspace;
    private String apiUrl;
    private String orgId;
    private Duration connectTimeout;
    private Integer maxAttempts;
    private Integer pageRows;
    private Function<String, String> env = System::getenv;

    ManagedClientBuilder() {}

    /** The API token (never logged; the environment's {@code DEEPLAKE_API_KEY} when not set). */
    public ManagedClientBuilder token(String token) {
        this.token = token;
        return this;
    }

    public ManagedClientBuilder workspace(String workspaceId) {
        this.workspace = workspaceId;
        return this;
    }

    public ManagedClientBuilder apiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
        return this;
    }

    /** The organisation to act for; wins over {@code DEEPLAKE_ORG_ID} and the token's claim. */
    public ManagedClientBuilder orgId(String orgId) {
        this.orgId = orgId;
        return this;
    }

    public ManagedClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Attempts per request, retries included (default 5). */
    public ManagedClientBuilder maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    /** Rows per request when a result is read page by page ({@code stream()}, {@code batches(n)}). */
    public ManagedClientBuilder pageRows(int rows) {
        this.pageRows = rows;
        return this;
    }

    /** Where {@code DEEPLAKE_API_KEY} and {@code DEEPLAKE_ORG_ID} are looked up (the process environment by default). */
    public ManagedClientBuilder environment(Function<String, String> env) {
        this.env = env;
        return this;
    }

    /** The settings this builder describes. */
    public ManagedSettings settings() {
        ManagedSettings s = ManagedSettings.of(apiUrl, workspace).withOrgId(orgId);
        if (connectTimeout != null) {
            s = s.withConnectTimeout(connectTimeout);
        }
        if (maxAttempts != null) {
            s = s.withRetries(maxAttempts, s.backoffBase(), s.backoffMax());
        }
        if (pageRows != null) {
            s = s.withPageRows(pageRows);
        }
        return s;
    }

    /** Connects (resolving the organisation) and returns the client. */
    public Client build() {
        return new Client(EngineServices.get().managed(settings(), token, env));
    }
}
