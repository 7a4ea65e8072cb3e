package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's default schema {@code public} is the engine's {@code main} (where Lakebench tables live):
 * {@code public.t} names {@code main.t}, and {@code SET search_path = a, public} becomes the engine's
 * single-string form {@code SET search_path = 'a,main'}. Other schemas are the engine's own.
 */
final class PublicSchema implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.size() >= 3 && sig.get(0).isWord("SET") && sig.get(1).isWord("search_path")) {
            return searchPath(st, sig);
        }
        TextEdits edits = null;
        for (int i = 0; i + 2 < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() == Token.Kind.WORD
                    && t.text().equalsIgnoreCase("public")
                    && sig.get(i + 1).is(".")
                    && QualifiedName.isName(sig.get(i + 2))
                    && (i == 0 || !sig.get(i - 1).is("."))) {
                if (edits == null) {
                    edits = new TextEdits(st.text(), sig);
                }
                edits.replace(i, i, "main");
            }
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    private static SqlStatement searchPath(SqlStatement st, List<Token> sig) {
        int at = 2;
        if (sig.get(at).is("=") || sig.get(at).isWord("TO")) {
            at++;
        }
        List<String> schemas = new ArrayList<>();
        for (int i = at; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.is(",")) {
                continue;
            }
            String name = t.kind() == Token.Kind.STRING ? Literals.string(t) : t.identifier();
            for (String part : name.split(",")) {
                String s = part.strip();
                if (!s.isEmpty()) {
                    schemas.add(
                            s.equalsIgnoreCase("public")
                                    ? "main"
                                    : s.toLowerCase(Locale.ROOT).equals("\"$user\"") ? "main" : s);
                }
            }
        }
        if (schemas.isEmpty()) {
            return st;
        }
        return new SqlStatement(
                "SET search_path = '" + String.join(",", schemas).replace("'", "''") + "'");
    }
}
