package dev.lakebench.core.embed;

import java.time.Duration;
import java.util.List;

/**
 * What an embedding job did: rows given a vector, rows skipped for an empty source value, texts cut at the
 * model's limit, rows whose value could not be embedded (an undecodable picture), warnings naming them, whether
 * it was cancelled (committed vectors stay; a rerun does the rest).
 */
public record EmbedResult(
        String table,
        String column,
        String model,
        int dimension,
        long embedded,
        long empty,
        long truncated,
        long failed,
        List<String> warnings,
        boolean cancelled,
        Duration elapsed) {

    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : embedded / s;
    }
}
