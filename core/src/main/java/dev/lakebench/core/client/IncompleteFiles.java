package dev.lakebench.core.client;

import java.util.Locale;

/**
 * Files of a table whose ingest was interrupted (a crash, kill or power loss in the middle of the file): their rows
 * committed so far are in the table and answer queries, but the file is not complete. Running the same ingest again
 * deletes those rows and writes each file whole, without duplicates. Empty while an ingest of this process is writing
 * the table (its files are then in progress, not interrupted) and for backends that keep no file ledger.
 *
 * @param table the table
 * @param files how many files are incomplete
 * @param rows how many rows those files have in the table
 */
public record IncompleteFiles(String table, long files, long rows) {

    /** What to do about them. */
    public static final String FIX = "rerun the same ingest to finish them";

    /** No incomplete file. */
    public static IncompleteFiles none(String table) {
        return new IncompleteFiles(table, 0, 0);
    }

    public boolean isEmpty() {
        return files == 0;
    }

    /**
     * One sentence for people, e.g. {@code Table "docs" holds 1,200 rows of 3 files whose ingest was interrupted;
     * rerun the same ingest to finish them.} (empty text when there is none).
     */
    public String message() {
        if (isEmpty()) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "Table \"%s\" holds %,d %s of %,d %s whose ingest was interrupted; %s.",
                table,
                rows,
                rows == 1 ? "row" : "rows",
                files,
                files == 1 ? "file" : "files",
                FIX);
    }
}
