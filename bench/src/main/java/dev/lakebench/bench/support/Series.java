package dev.lakebench.bench.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The repetitions of one measurement. Report the median (robust against one disturbed run) and show every run
 * with its "other cores" figure so readers can judge the noise.
 */
public final class Series {

    private final List<Measurement> runs = new ArrayList<>();

    public Series add(Measurement m) {
        runs.add(m);
        return this;
    }

    public List<Measurement> runs() {
        return List.copyOf(runs);
    }

    public int size() {
        return runs.size();
    }

    /** The run with the median wall time (the lower middle one for an even count). */
    public Measurement median() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("no runs");
        }
        List<Measurement> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Measurement::nanos));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * The run during which other processes used the least CPU, as the reference scripts pick their reported pass
     * (on a shared machine the quietest run is the closest to what the code does on its own).
     */
    public Measurement quietest() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("no runs");
        }
        return runs.stream()
                .min(Comparator.comparingDouble(Measurement::otherCores))
                .orElseThrow();
    }

    /** Median of a per-run figure, e.g. {@code s.medianOf(m -> m.rate(rows))}. */
    public double medianOf(ToDoubleFunction<Measurement> f) {
        return Stats.median(runs.stream().mapToDouble(f).toArray());
    }

    /** "1.23, 1.31, 1.28 s" in run order. */
    public String allSeconds() {
        return runs.stream().map(m -> Fmt.decimal(m.seconds(), 2)).collect(Collectors.joining(", ")) + " s";
    }

    /** "0.12, 0.40, 0.05" in run order. */
    public String allOtherCores() {
        return runs.stream().map(m -> Fmt.decimal(m.otherCores(), 2)).collect(Collectors.joining(", "));
    }
}
