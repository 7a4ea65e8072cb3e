package dev.lakebench.core.client;

import java.time.Duration;
import java.util.List;

/**
 * The steps of a fluent query, one interface per clause so that only valid next calls compile
 * ({@code select → where* → orderBy → limit → offset → execute}; every step can execute).
 */
public final class FluentQuery {

    private FluentQuery() {}

    /** Run the query. */
    public interface ExecuteStep {
        List<Row> execute();

        /** Runs with a timeout (forwarded to the backend); it must be positive ({@code Duration.ZERO} is refused). */
        List<Row> execute(Duration timeout);

        /** The SQL that will run, with $N placeholders. */
        String sql();

        /** The values bound to $1..$n. */
        List<Object> params();
    }

    public interface OffsetStep extends ExecuteStep {
        ExecuteStep offset(long n);
    }

    public interface LimitStep extends OffsetStep {
        OffsetStep limit(long n);
    }

    public interface OrderStep extends LimitStep {
        LimitStep orderBy(String clause);
    }

    public interface WhereStep extends OrderStep {
        /** Adds an AND condition; its $N placeholders refer to {@code params} in order after earlier ones. */
        WhereStep where(String condition, Object... params);
    }

    public interface SelectStep extends WhereStep {
        WhereStep select(String... columns);
    }
}
