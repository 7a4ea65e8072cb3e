package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ManagedSettings;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When to try a request again (docs/managed-protocol.md): on 429 and 503, on 500 and 502 when the request is safe to repeat or was
 * not worked on, once on 504 when it is safe to repeat (not for index builds), on transient auth answers, and on
 * connection failures; never on a statement the database refused, other statuses or timeouts; at most
 * {@code maxAttempts} tries; waits grow exponentially with full jitter
 * ({@code random(0, min(max, base * 2^n))}), and a server's {@code Retry-After} is a floor for the wait.
 */
final class RetryPolicy {

    /** Statuses the service may answer when it is briefly unable to; the request is retried. */
    static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    /** Sleeps between attempts; tests replace it to see the waits without waiting. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long maxMillis;
    private final long maxRetryAfterMillis;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    RetryPolicy(ManagedSettings s, RandomGenerator random, Sleeper sleeper) {
        this.maxAttempts = s.maxAttempts();
        this.baseMillis = Math.max(1, s.backoffBase().toMillis());
        this.maxMillis = Math.max(baseMillis, s.backoffMax().toMillis());
        this.maxRetryAfterMillis = s.maxRetryAfter().toMillis();
        this.random = random;
        this.sleeper = sleeper;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    static boolean retryableStatus(int code) {
        return RETRYABLE.contains(code);
    }

    /** How often a 401, or a 403 that is a proxy's page, is tried again before it counts as a refusal. */
    static final int AUTH_RETRIES = 2;

    /**
     * How often a 504 is tried again. The gateway stopped waiting, but the server is usually still working on the
     * request: each further attempt adds the same work again and is likely to outlast the gateway too. One retry
     * covers a gateway that failed on its own, and a retried ingest batch waits for the first delivery and then
     * finds its id in the ledger.
     */
    static final int GATEWAY_TIMEOUT_RETRIES = 1;

    /**
     * Whether a failed answer is worth another attempt (the attempt budget aside). A statement the database refused
     * ({@code QUERY_ERROR}, any coded 500) is final. 429 and 503, and a 500 saying no database connection could be
     * had, mean the request was not worked on: always retried. A 500 saying "already exists" is final. A bare 500 and
     * 502 may come after the statement ran, so only requests that are safe to repeat are sent again; a 504 likewise,
     * but {@link #GATEWAY_TIMEOUT_RETRIES} times at most, and never for an index build (still running behind the
     * gateway; a second one would only queue behind it). A 401 can be an upstream auth cache expiring and a 403 with
     * an empty or HTML body is a proxy's rate limit: each retried {@link #AUTH_RETRIES} times at most.
     */
    static boolean retryable(int status, ErrorBody body, ApiCall call, int authRetriesSoFar, int gatewayTimeoutsSoFar) {
        boolean idempotent = call.idempotent();
        return switch (status) {
            case 429, 503 -> true;
            case 500 -> body.code() == null && !body.alreadyExists() && (body.notStarted() || idempotent);
            case 502 -> idempotent;
            case 504 ->
                idempotent && call.target() != ApiCall.Target.INDEX && gatewayTimeoutsSoFar < GATEWAY_TIMEOUT_RETRIES;
            case 401 -> authRetriesSoFar < AUTH_RETRIES;
            case 403 -> (body.empty() || body.html()) && authRetriesSoFar < AUTH_RETRIES;
            default -> false;
        };
    }

    /** True when a write's answer was lost in a way that may follow its execution (so it is not sent again). */
    static boolean mayHaveRun(int status, ErrorBody body) {
        return (status == 500 && body.code() == null && !body.notStarted() && !body.alreadyExists())
                || status == 502
                || status == 504;
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1), honouring a Retry-After in ms. */
    Duration delay(int attempt, OptionalLong retryAfterMillis) {
        long cap = Math.min(maxMillis, baseMillis << Math.min(attempt - 1, 20));
        long jittered = cap <= 0 ? 0 : random.nextLong(cap + 1);
        long floor = retryAfterMillis.isPresent() ? Math.min(retryAfterMillis.getAsLong(), maxRetryAfterMillis) : 0;
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    /** True when the server asks for a longer pause than we are willing to wait: give up at once. */
    boolean retryAfterTooLong(OptionalLong retryAfterMillis) {
        return retryAfterMillis.isPresent() && retryAfterMillis.getAsLong() > maxRetryAfterMillis;
    }

    /** The longest {@code Retry-After} that is waited for. */
    long maxRetryAfterMillis() {
        return maxRetryAfterMillis;
    }

    void sleep(Duration d) throws InterruptedException {
        sleeper.sleep(d);
    }

    /** Parses {@code Retry-After}: delta seconds or an HTTP date; empty when absent or unreadable. */
    static OptionalLong parseRetryAfter(String header, long nowMillis) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String h = header.strip();
        try {
            return OptionalLong.of(Math.max(0, Math.round(Double.parseDouble(h) * 1000)));
        } catch (NumberFormatException e) {
            // an HTTP date
        }
        try {
            long at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
            return OptionalLong.of(Math.max(0, at - nowMillis));
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
