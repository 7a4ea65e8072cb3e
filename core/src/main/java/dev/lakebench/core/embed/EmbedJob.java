package dev.lakebench.core.embed;

import java.util.List;

/**
 * Fill vector column {@code into} of {@code table} with {@code model}'s vectors of each row's first non-null
 * {@code sources} value (TEXT, or IMAGE for image models). Rows that already have a vector are left alone, so a
 * job that was cancelled or crashed resumes where it stopped.
 */
public record EmbedJob(String table, List<String> sources, String model, String into, int batchSize) {

    public static final int DEFAULT_BATCH = 64;

    public EmbedJob {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an embedding needs a source column");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        sources = List.copyOf(sources);
    }

    public static EmbedJob of(String table, String source, String model, String into) {
        return new EmbedJob(table, List.of(source), model, into == null ? defaultInto(source) : into, DEFAULT_BATCH);
    }

    /** {@code text} → {@code text_embedding}. */
    public static String defaultInto(String source) {
        return source + "_embedding";
    }
}
