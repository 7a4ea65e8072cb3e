package dev.lakebench.core.sql;

import java.util.List;

/**
 * A result column that is {@code x -> k} or {@code x #> path} on a jsonb value prints as PostgreSQL prints jsonb
 * ({@code {"c": "x"}}); the engine's operators give compact JSON ({@code {"c":"x"}}). Only the query's output
 * columns are laid out through {@code lb_pg_json}: inside an expression (a comparison, another operator) the value
 * stays the engine's, so what it is compared with is unchanged. jsonb as {@link JsonbForms} reads the written form.
 */
final class JsonbPaths implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.isEmpty()
                || !sig.get(0).isWord("SELECT")
                        && !sig.get(0).isWord("WITH")
                        && !sig.get(0).is("(")
                || sig.stream().noneMatch(t -> t.text().equals("->") || t.text().equals("#>"))) {
            return st;
        }
        QueryBlock out = ColumnNames.output(new BlockParser(sig, Brackets.match(sig)).query(0, sig.size(), null), sig);
        if (out == null) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (QueryBlock.Item item : out.items) {
            Expr e = item.expr();
            if (e.kind() == Expr.Kind.BINARY
                    && (e.op().equals("->") || e.op().equals("#>"))
                    && JsonbForms.isJsonb(e.child(0), sig, tables)
                    && !edits.isCovered(e.first())) {
                edits.insertAfter(e.last(), " AS VARCHAR), 'jsonb') AS JSON)");
                changed |= edits.replace(
                        e.first(),
                        e.first(),
                        "CAST(lb_pg_json(CAST(" + sig.get(e.first()).text());
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }
}
