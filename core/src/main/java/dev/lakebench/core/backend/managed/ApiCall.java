package dev.lakebench.core.backend.managed;

import java.time.Duration;
import java.util.List;

/**
 * One REST request: method, path segments under the API URL, an optional JSON body (a tree, or bytes already
 * serialised), the deadline for the whole
 * exchange, whether sending it twice is harmless (then a broken connection is retried even after the request
 * went out), what it is for (in error messages) and what a 404/409 would be about.
 */
record ApiCall(
        String method,
        List<String> path,
        Object body,
        Duration timeout,
        boolean idempotent,
        String operation,
        Target target,
        String table,
        Duration grace) {

    ApiCall(
            String method,
            List<String> path,
            Object body,
            Duration timeout,
            boolean idempotent,
            String operation,
            Target target,
            String table) {
        this(method, path, body, timeout, idempotent, operation, target, table, Duration.ZERO);
    }

    /** What a request addresses, which decides how a 4xx answer is reported. */
    enum Target {
        QUERY,
        TABLES,
        TABLE,
        INDEX,
        WORKSPACES,
        CREDENTIALS,
        ME,
        ORGANIZATIONS
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static ApiCall get(String operation, Target target, String... path) {
        return new ApiCall("GET", List.of(path), null, DEFAULT_TIMEOUT, true, operation, target, null);
    }

    ApiCall table(String name) {
        return new ApiCall(method, path, body, timeout, idempotent, operation, target, name, grace);
    }

    ApiCall timeout(Duration t) {
        return new ApiCall(method, path, body, t, idempotent, operation, target, table, grace);
    }

    /** Waits this much longer than {@link #timeout()} so that a server's own timeout answer arrives first. */
    ApiCall grace(Duration extra) {
        return new ApiCall(method, path, body, timeout, idempotent, operation, target, table, extra);
    }

    Duration deadline() {
        return timeout.plus(grace);
    }

    String pathText() {
        return "/" + String.join("/", path);
    }
}
