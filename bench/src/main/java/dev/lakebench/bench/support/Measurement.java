package dev.lakebench.bench.support;

import java.time.Duration;

/**
 * One timed run: wall time, and the average number of cores other processes kept busy meanwhile (the machine may
 * be shared; a run with a high figure is less trustworthy).
 */
public record Measurement(long nanos, double otherCores, double selfCores) {

    /** Something to time that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Times {@code work} once. */
    public static Measurement of(Work work) throws Exception {
        CpuMeter.Snapshot a = CpuMeter.snapshot();
        work.run();
        CpuMeter.Snapshot b = CpuMeter.snapshot();
        return new Measurement(b.nanos() - a.nanos(), CpuMeter.otherCores(a, b), CpuMeter.selfCores(a, b));
    }

    public double seconds() {
        return nanos / 1e9;
    }

    public double millis() {
        return nanos / 1e6;
    }

    public Duration duration() {
        return Duration.ofNanos(nanos);
    }

    /** Items per second for {@code count} items done in this run. */
    public double rate(long count) {
        return count / seconds();
    }
}
