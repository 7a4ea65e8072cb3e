package dev.lakebench.app.cli;

/** How {@code query} prints results. */
enum OutputFormat {
    /** An aligned text table with a row count (at most 100 rows shown). */
    table,
    /** A JSON array of objects keyed by column name. */
    json,
    /** CSV with a header line. */
    csv,
    /** One JSON object per line. */
    jsonl
}
