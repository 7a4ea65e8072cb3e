package dev.lakebench.core.backend.managed;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When to try a request again (docs/spec/managed-api.md): on 429, 500, 502, 503 and 504 and on connection failures, never on
 * other statuses or timeouts; at most {@code maxAttempts} tries; waits grow exponentially with full jitter
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
            long at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return OptionalLong.of(Math.max(0, at - nowMillis));
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
