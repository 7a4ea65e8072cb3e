package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;
import java.util.Optional;
import java.util.function.Function;

/**
 * INSERT, UPDATE, DELETE and TRUNCATE on Lakebench tables, as a pipeline: the statement's scope is parsed
 * ({@link DmlScope}), the dialect rules rewrite its expressions ({@link StatementRewriter}), values written to
 * vector columns are routed through the vector store ({@link VectorWriteRule}), values written to character(n) /
 * varchar(n) columns are checked ({@link CharacterWriteRule}), and the statement is retargeted
 * to the data table ({@link DmlRewriter}).
 */
final class DmlDialect {

    private DmlDialect() {}

    static Translation translate(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        Optional<TableDef> target = DmlRewriter.edit(st, tables, new SqlEdits());
        if (target.isEmpty()) {
            return Dialect.generic(st, tables);
        }
        TableDef def = target.get();
        ParsedStatement parsed = new ParsedStatement(st);
        DmlScope scope = DmlScope.of(parsed, def);
        QueryBlock root = scope != null ? scope.block() : new QueryBlock(0, parsed.sig.size(), null);
        RewriteContext cx = new RewriteContext(parsed, new NameScope(tables, root, def));
        StatementRewriter rw = new StatementRewriter(cx);
        if (scope != null) {
            rw.block(root);
            VectorWriteRule.apply(scope, def, cx);
            CharacterWriteRule.apply(scope, def, cx);
        }
        // the retargeting edits go last, so that inserts at the same position (after the last SET value) come first
        DmlRewriter.edit(st, tables, cx.edits.raw());
        return rw.result(def);
    }
}
