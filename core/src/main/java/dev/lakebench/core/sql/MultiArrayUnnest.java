package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(a, b, ..)} in FROM, PostgreSQL's zip of several arrays (a shorter one padded with NULL), which the
 * engine's unnest takes one array at a time: it becomes a subquery of one unnest per array, which the engine pads
 * alike, {@code (SELECT unnest(a) AS unnest, unnest(b) AS unnest)}. {@code WITH ORDINALITY} adds the row number
 * as column {@code ordinality}. Without a column list the engine names the second column {@code unnest_1}, where
 * PostgreSQL repeats {@code unnest}.
 */
final class MultiArrayUnnest implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        if (!st.hasWord("UNNEST")) {
            return st;
        }
        List<Token> sig = st.significant();
        int[] match = null;
        TextEdits edits = null;
        for (int i = 1; i + 1 < sig.size(); i++) {
            Token before = sig.get(i - 1);
            if (!sig.get(i).isWord("UNNEST")
                    || !sig.get(i + 1).is("(")
                    || !(before.isWord("FROM")
                            || before.isWord("JOIN")
                            || before.isWord("LATERAL")
                            || before.is(","))) {
                continue;
            }
            if (match == null) {
                match = Brackets.match(sig);
                edits = new TextEdits(st.text(), sig);
            }
            int close = match[i + 1];
            List<String> arrays = new ArrayList<>();
            for (int[] item : Brackets.items(sig, match, i + 1, close)) {
                arrays.add(edits.original(item[0], item[1]));
            }
            if (arrays.size() < 2) {
                continue;
            }
            boolean ordinality = close + 2 < sig.size()
                    && sig.get(close + 1).isWord("WITH")
                    && sig.get(close + 2).isWord("ORDINALITY");
            StringBuilder sb = new StringBuilder("(SELECT ");
            List<String> lengths = new ArrayList<>();
            for (String a : arrays) {
                sb.append("unnest(").append(a).append(") AS unnest, ");
                lengths.add("len(" + a + ")");
            }
            sb.setLength(sb.length() - 2);
            if (ordinality) {
                sb.append(", unnest(range(1, greatest(")
                        .append(String.join(", ", lengths))
                        .append(") + 1)) AS ordinality");
            }
            edits.replace(i, ordinality ? close + 2 : close, sb.append(')').toString());
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }
}
