package dev.lakebench.core.sql;

import java.util.List;

/**
 * {@code length(b)} and {@code position(x IN b)} on bytea count bytes, as PostgreSQL does; the engine has them for
 * text only. The rule applies where the written form says the value is bytes: a column of a byte type (BYTEA,
 * IMAGE, VIDEO, FILE, ...) of a table the statement names, a {@code ::bytea} cast, or {@code decode(..)}.
 */
final class ByteaFunctions implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("LENGTH", "POSITION")) {
            return st;
        }
        List<Token> sig = st.significant();
        NamedTables tables = NamedTables.of(sig, ctx);
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() != Expr.Kind.CALL || edits.isCovered(e.first())) {
                continue;
            }
            String name = e.simpleName();
            if (name.equals("length") && e.children().size() == 1 && isBytes(e.child(0), sig, tables)) {
                changed |= edits.replace(
                        e.first(),
                        e.last(),
                        "octet_length("
                                + edits.original(e.child(0).first(), e.child(0).last()) + ")");
            } else if (name.equals("position") && e.children().size() == 1) {
                Expr in = e.child(0);
                if (in.kind() == Expr.Kind.OTHER
                        && in.children().size() == 2
                        && sig.get(in.child(0).last() + 1).isWord("IN")
                        && (isBytes(in.child(1), sig, tables) || isBytes(in.child(0), sig, tables))) {
                    String needle = "hex(CAST("
                            + edits.original(in.child(0).first(), in.child(0).last()) + " AS BLOB))";
                    String hay = "hex(CAST("
                            + edits.original(in.child(1).first(), in.child(1).last()) + " AS BLOB))";
                    // the first match at a byte boundary of the hex text: (pairs before it) / 2 + 1, or 0
                    changed |= edits.replace(
                            e.first(),
                            e.last(),
                            "(CASE WHEN regexp_matches(" + hay + ", '^(?:..)*?' || " + needle
                                    + ") THEN length(regexp_extract(" + hay + ", '^((?:..)*?)' || " + needle
                                    + ", 1)) // 2 + 1 ELSE 0 END)");
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    private static boolean isBytes(Expr e, List<Token> sig, NamedTables tables) {
        Expr u = e.unwrap();
        switch (u.kind()) {
            case CAST -> {
                return java.util.Set.of("BYTEA", "BLOB", "IMAGE", "VIDEO", "FILE")
                        .contains(u.type());
            }
            case CALL -> {
                return u.simpleName().equals("decode") && u.children().size() == 2
                        || u.simpleName().equals("unhex");
            }
            case COLUMN -> {
                return tables.anyColumn(u, c -> c.type().isBytes());
            }
            default -> {
                return false;
            }
        }
    }
}
