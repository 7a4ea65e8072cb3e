package dev.lakebench.core.sql;

import java.util.List;

/**
 * A jsonb constant ({@code '{"b":1, "a":2}'::jsonb}, {@code CAST('..' AS jsonb)}, {@code jsonb '..'}) reads back
 * as PostgreSQL prints jsonb ({@code {"a": 2, "b": 1}}: keys shorter-first, {@code ": "} and {@code ", "}), also
 * after it is stored; the engine's JSON keeps the text as written. The layout is made by {@code lb_pg_json}. Runs
 * after the passes that recognise the {@code ::jsonb} cast ({@link JsonbFunctions}, {@link PostgresFunctions}).
 */
final class JsonbLiterals implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(t -> t.isWord("JSONB"))) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            String literal = literal(e, sig);
            if (literal != null && !edits.isCovered(e.first()) && !edits.isCovered(e.last())) {
                changed |= edits.replace(e.first(), e.last(), "CAST(lb_pg_json(" + literal + ", 'jsonb') AS JSON)");
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** The string literal's text (quotes included) when {@code e} is a jsonb constant, else null. */
    private static String literal(Expr e, List<Token> sig) {
        if (e.kind() == Expr.Kind.CAST && e.type().equals("JSONB")) {
            Expr v = e.child(0).unwrap();
            return v.kind() == Expr.Kind.STRING ? plain(sig.get(v.first())) : null;
        }
        if (e.kind() == Expr.Kind.OTHER
                && e.last() == e.first() + 1
                && sig.get(e.first()).isWord("JSONB")
                && sig.get(e.last()).kind() == Token.Kind.STRING) {
            return plain(sig.get(e.last()));
        }
        return null;
    }

    /** A '..' literal as written; other string forms (E'..', $$..$$) are left to the engine. */
    private static String plain(Token t) {
        return t.text().startsWith("'") ? t.text() : null;
    }
}
