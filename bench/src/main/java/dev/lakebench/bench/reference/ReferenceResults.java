package dev.lakebench.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reference engines' numbers from the same run (written by bench/reference/*.sh into
 * {@code bench/target/reference/raw}), so a benchmark can put them next to its own:
 *
 * <pre>{@code
 * ctx.reference().queries("vec-100k", "hnsw-ef40")      // pgvector HNSW top-10: median, p95, recall@10
 * ctx.reference().stepMillis("vec-100k", "hnsw_build")  // pgvector HNSW build time (quietest run)
 * }</pre>
 *
 * Sets: {@code vec-100k}, {@code vec-1m}, {@code text-200k}. Query runs: {@code exact}, {@code hnsw-ef40},
 * {@code hnsw-ef100}, {@code hnsw-ef200} (vectors); {@code fts-noindex}, {@code fts-gin}, {@code fts-tsvcol-gin}
 * (text). Steps: {@code load}, {@code vacuum_analyze}, {@code hnsw_build} (vectors); {@code load},
 * {@code gin_build}, {@code tsvcol_add}, {@code tsvcol_gin_build} (text). Everything is empty when the reference
 * engines did not run (they need root; bench/run.sh says so in the report).
 */
public final class ReferenceResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path raw;

    public ReferenceResults(Path raw) {
        this.raw = raw;
    }

    /** The folder read ({@code .../reference/raw}). */
    public Path dir() {
        return raw;
    }

    /** True if any reference engine results are present. */
    public boolean available() {
        return raw != null
                && (Files.isDirectory(raw.resolve("vec-100k"))
                        || Files.isDirectory(raw.resolve("vec-1m"))
                        || Files.isDirectory(raw.resolve("text-200k")));
    }

    /** Latency of one measured query run over the set's 200 queries (the quietest pass), if it ran. */
    public Optional<QueryStats> queries(String set, String run) {
        Path p = raw == null ? null : raw.resolve(set).resolve(run + ".json");
        if (p == null || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(p.toFile());
            return Optional.of(new QueryStats(
                    n.path("n").asInt(),
                    n.path("median_ms").asDouble(),
                    n.path("p95_ms").asDouble(),
                    n.path("p99_ms").asDouble(Double.NaN),
                    n.has("recall_at_10_vs_truth")
                            ? n.get("recall_at_10_vs_truth").asDouble()
                            : Double.NaN,
                    n.has("recall_at_10_vs_java_gt")
                            ? n.get("recall_at_10_vs_java_gt").asDouble()
                            : Double.NaN,
                    n.path("other_cores_selected").asDouble(Double.NaN)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Wall time of a timed statement (COPY load, index build, ...) in milliseconds: of its repetitions
     * ({@code NAME_r1}, {@code NAME_r2}, ...) the one with the least CPU use by other processes, like the
     * reference report.
     */
    public Optional<Double> stepMillis(String set, String step) {
        return steps(set, step).stream()
                .min(Comparator.comparingDouble(Step::otherCores))
                .map(Step::millis);
    }

    /** Every repetition of a timed statement, in run order. */
    public List<Step> steps(String set, String step) {
        Path p = raw == null ? null : raw.resolve(set).resolve("steps.tsv");
        List<Step> out = new ArrayList<>();
        if (p == null || !Files.isRegularFile(p)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(p)) {
                String[] f = line.split("\t");
                String base = f[0].matches(".*_r\\d+") ? f[0].substring(0, f[0].lastIndexOf("_r")) : f[0];
                if (base.equals(step)) {
                    double other = f.length > 2
                            ? JSON.readTree(f[2]).path("other_cores").asDouble(0)
                            : 0;
                    out.add(new Step(f[0], Double.parseDouble(f[1]), other));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One query run's summary; recall figures are NaN where they do not apply (text). */
    public record QueryStats(
            int queries,
            double medianMs,
            double p95Ms,
            double p99Ms,
            double recallVsExact,
            double recallVsGroundTruth,
            double otherCores) {}

    /** One timed statement. */
    public record Step(String name, double millis, double otherCores) {}
}
