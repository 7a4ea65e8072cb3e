package dev.lakebench.bench;

/**
 * One benchmark of the harness. Each measures a Lakebench capability next to its reference (the raw library or
 * a reference engine) in the same run, and records numbers in the report.
 */
public interface Benchmark {

    /** Short name used on the command line, e.g. {@code ingest-columns}. */
    String name();

    /** One line saying what is measured and against what. */
    String description();

    void run(BenchContext ctx) throws Exception;
}
