package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.List;

/**
 * A top-k search the dialect pushed out of a SELECT ({@code ORDER BY x <#> q DESC LIMIT k}): the table and its
 * alias in the query, what is searched with which query, how many rows are wanted ({@code limit + offset}), and
 * the WHERE clause as a filter fragment over {@code lb_data.t AS alias} (null when there is none). For
 * {@link SearchKind#HYBRID}, {@code column}/{@code query} are the vector side and {@code textColumn}/{@code
 * textQuery} the text side, weighted by {@code vectorWeight}/{@code textWeight}. {@code keepTies}: the ORDER BY
 * has keys after the search, so rows that tie with the k-th score must all reach it (it picks among them).
 */
public record SearchSpec(
        TableDef table,
        String alias,
        SearchKind kind,
        Column column,
        Operand query,
        Column textColumn,
        Operand textQuery,
        Operand vectorWeight,
        Operand textWeight,
        Operand limit,
        Operand offset,
        BoundSql filter,
        List<Predicate> predicates,
        String display,
        boolean keepTies) {

    /**
     * One condition of a WHERE that is nothing but a conjunction of simple conditions on the table's columns
     * ({@code col = v}, {@code col @> v} / {@code contains(col, v)}, {@code col < v} and the other comparisons):
     * an exact_text or inverted index can evaluate those instead of the engine. {@code op} is one of
     * {@code = contains < <= > >=}.
     */
    public record Predicate(Column column, String op, Operand value) {}
}
