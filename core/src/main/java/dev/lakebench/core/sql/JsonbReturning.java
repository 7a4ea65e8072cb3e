package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * A RETURNING list reads jsonb columns as the table's view reads them, so {@code INSERT .. RETURNING doc} prints
 * the document as PostgreSQL prints jsonb ({@code {"a": 1, "b": [1, 2]}}, a repeated key keeping its last value)
 * rather than the text as stored: INSERT, UPDATE and DELETE write the data table, and RETURNING reads it. A
 * {@code ->} / {@code #>} item on jsonb is laid out as {@link JsonbPaths} lays out a select item. Items keep
 * their names ({@code RETURNING doc} is {@code doc}). {@code RETURNING *} is expanded by {@link DmlRewriter}.
 */
final class JsonbReturning implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (st.kind() != SqlStatement.Kind.INSERT
                && st.kind() != SqlStatement.Kind.UPDATE
                && st.kind() != SqlStatement.Kind.DELETE) {
            return st;
        }
        int returning = st.findTopLevel(0, "RETURNING");
        List<Token> sig = st.significant();
        if (returning < 0) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        if (!tables.anyTableColumn(Column::isJsonb)) {
            return st;
        }
        BlockParser parser = new BlockParser(sig, Brackets.match(sig));
        TextEdits edits = new TextEdits(st.text(), sig);
        List<Expr> columns = new ArrayList<>();
        for (QueryBlock.Item item : parser.selectItems(returning + 1, sig.size())) {
            Expr e = item.expr();
            int before = columns.size();
            jsonbColumns(e, tables, columns);
            boolean path = e.kind() == Expr.Kind.BINARY
                    && (e.op().equals("->") || e.op().equals("#>"))
                    && JsonbForms.isJsonb(e.child(0), sig, tables);
            if (path) {
                // the outer layout first: the inner column edits would cover the item's first and last tokens
                edits.insertBefore(e.first(), "CAST(lb_pg_json(CAST(");
                edits.insertAfter(e.last(), " AS VARCHAR), 'jsonb') AS JSON)");
            }
            if (item.alias() == null
                    && (path || columns.size() > before && e.unwrap().kind() == Expr.Kind.COLUMN)) {
                edits.insertAfter(
                        e.last(),
                        " AS "
                                + Identifiers.quote(
                                        ColumnNames.name(e, parser, sig).name()));
            }
        }
        for (Expr c : columns) {
            edits.replace(c.first(), c.last(), FunctionSpellings.pgJson(edits.original(c.first(), c.last()), "jsonb"));
        }
        return columns.isEmpty() ? st : new SqlStatement(edits.apply());
    }

    /** The references to jsonb columns in {@code e}. */
    private static void jsonbColumns(Expr e, NamedTables tables, List<Expr> out) {
        if (e.kind() == Expr.Kind.COLUMN) {
            if (tables.everyColumn(e, Column::isJsonb)) {
                out.add(e);
            }
            return;
        }
        for (Expr c : e.children()) {
            jsonbColumns(c, tables, out);
        }
    }
}
