package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.List;

/**
 * A value the rewritten SQL needs that only exists at run time: a handle to a registered query (vector,
 * multi-vector, BM25 terms), a handle to pre-computed search hits, or the id of the vector log a write appends
 * to. The runner resolves each slot before the statement runs and releases it afterwards.
 */
public sealed interface Slot {

    /** Handle of a 1-D query vector for per-row cosine ({@code lb_cosine}). */
    record VectorQuery(TableDef table, Column column, Operand query) implements Slot {}

    /** Handle of a multi-vector query for per-row MaxSim ({@code lb_maxsim}). */
    record MultiVectorQuery(TableDef table, Column column, Operand query) implements Slot {}

    /** Handle of BM25 query terms with the column's statistics for per-row scoring ({@code lb_bm25}). */
    record TextQuery(TableDef table, Column column, Operand query) implements Slot {}

    /** Handle of the hits of a top-k search ({@code lb_hits}). */
    record Hits(SearchSpec search) implements Slot {}

    /**
     * The row keys of {@code table} whose columns equal the values of {@code lookups} (each lookup: one column,
     * one or more values; all lookups must hold), found by exact_text indexes. The runner puts a predicate on the
     * row key in its place ({@link BoundSql.Inline}), or {@code TRUE} when no ready index serves the lookups (the
     * statement's own WHERE still decides).
     */
    record KeyLookup(TableDef table, List<Lookup> lookups) implements Slot {

        public KeyLookup {
            lookups = List.copyOf(lookups);
        }
    }

    /** {@code column = value} ({@code column IN (values)} with several values), as written in {@code display}. */
    record Lookup(Column column, List<Operand> values, String display) {

        public Lookup {
            values = List.copyOf(values);
        }
    }

    /**
     * Id of the vector log that {@code column} of {@code table} appends to. A column without a size yet gets its
     * log from the first vector that {@code probe} returns (one row, one VARCHAR column), or null when the write
     * stores no vector at all.
     */
    record VectorLog(TableDef table, Column column, BoundSql probe) implements Slot {}
}
