package dev.lakebench.core.sql;

/**
 * One {@code <#>} of a statement, classified: what it ranks ({@link SearchKind}), the searched column (and its
 * expression), and the query. {@code query} is null when the query varies per row; {@code perRow} holds that
 * expression then, and {@code perRowColumn} the Lakebench column it names, if any. For a hybrid record the
 * vector side is {@code column}/{@code query} and the text side {@code textColumn}/{@code textQuery}.
 */
record SearchExpr(
        Expr expr,
        SearchKind kind,
        Expr columnExpr,
        Resolved column,
        Operand query,
        Expr perRow,
        Resolved perRowColumn,
        Resolved textColumn,
        Operand textQuery,
        Operand vectorWeight,
        Operand textWeight) {

    /** True when the query is a value fixed for the whole statement (what a top-k search needs). */
    boolean constantQuery() {
        return perRow == null && query != null && (kind != SearchKind.HYBRID || textQuery != null);
    }
}
