package dev.lakebench.core.backend;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sources (files) of a table are completely stored, kept by the backend so that an ingest interrupted by a
 * crash or a cancel can be rerun without duplicating rows. A source is identified by the value of one column of
 * its rows ({@code file_id}). Its completion record commits in the same transaction as rows written through the
 * sink, so a record never exists without every row of its source.
 */
public interface SourceLedger {

    /** The column that names the source (file) of each row of a file ingest. */
    String FILE_COLUMN = "file_id";

    /**
     * Every source that has rows in the table, with {@code true} when it is complete (its completion record
     * exists and the table holds exactly the recorded number of its rows) and {@code false} for leftovers of an
     * interrupted ingest. Reads committed data.
     */
    Map<String, Boolean> sources();

    /**
     * Records that {@code source} has {@code rows} rows. The record is written by the sink's next commit, in the
     * same transaction as every row written up to that commit. Call it just before writing the source's last row.
     */
    void complete(String source, long rows);

    /**
     * Every source with a committed completion record, whether or not the table has rows of it (a batch of column
     * data is a source without a column of its own).
     */
    Set<String> recorded();

    /**
     * Removes the committed records of these sources (the rows stay), in a transaction of its own: call it after
     * the sink's final commit.
     */
    void forget(Collection<String> sources);

    /** Values of {@code column} in the committed rows of {@code source} (e.g. the row ids of a file). */
    List<String> values(String source, String column);

    /**
     * Deletes the committed rows of these sources and their completion records, committed at once in a
     * transaction of its own. Commit the sink first when it holds rows of these sources.
     */
    void discard(Collection<String> sources);
}
