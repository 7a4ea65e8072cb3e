package dev.lakebench.core.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * A SQL statement with its {@code $1..$n} parameters and how to run it: timeout (default 60 s, as the seed),
 * cancellation, and an optional progress listener (fraction 0..1, called from a background thread).
 */
public final class QueryRequest {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String sql;
    private final List<Object> params;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Cancellation cancellation = Cancellation.none();
    private DoubleConsumer progress;

    private QueryRequest(String sql, List<Object> params) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.params = params;
    }

    /**
     * A statement with {@code $1..$n} parameters. A {@code float[][]} (a multi-vector) passed alone is one
     * parameter: Java would otherwise hand its rows over as separate arguments.
     */
    public static QueryRequest of(String sql, Object... params) {
        if (params != null && isMatrix(params)) {
            params = new Object[] {params};
        }
        return new QueryRequest(
                sql, params == null ? List.of() : Collections.unmodifiableList(Arrays.asList(params.clone())));
    }

    /** A {@code float[][]}, {@code double[][]}, ... that the varargs call received as the parameter array itself. */
    private static boolean isMatrix(Object[] params) {
        Class<?> element = params.getClass().getComponentType();
        return element.isArray() && element.getComponentType().isPrimitive();
    }

    public static QueryRequest of(String sql, List<?> params) {
        return new QueryRequest(sql, Collections.unmodifiableList(new ArrayList<Object>(params)));
    }

    /**
     * How long the statement may run before it fails with {@code QUERY_TIMEOUT} (default 60 s). It must be
     * positive: {@link Duration#ZERO} is refused, not taken as "no limit" the way JDBC's
     * {@code setQueryTimeout(0)} is, because the managed service's limits are its own; for a long statement pass
     * a long duration such as {@code Duration.ofHours(1)}.
     *
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public QueryRequest timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Query timeout must be positive, got " + timeout
                    + ": there is no \"no limit\" value (unlike JDBC's setQueryTimeout(0)); for a long statement"
                    + " pass a long duration such as Duration.ofHours(1), or leave the default of "
                    + DEFAULT_TIMEOUT.toSeconds() + " s");
        }
        this.timeout = timeout;
        return this;
    }

    public QueryRequest cancellation(Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation);
        return this;
    }

    public QueryRequest onProgress(DoubleConsumer listener) {
        this.progress = listener;
        return this;
    }

    public String sql() {
        return sql;
    }

    /** Parameters in order ($1 first); may contain nulls. */
    public List<Object> params() {
        return params;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean hasDefaultTimeout() {
        return timeout.equals(DEFAULT_TIMEOUT);
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public DoubleConsumer progressListener() {
        return progress;
    }
}
