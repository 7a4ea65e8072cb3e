package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value an INSERT or UPDATE writes to a character varying(n) / character(n) column goes through
 * {@link CharacterWrites}: each value of a VALUES list in place (so DEFAULT keeps working), another INSERT source
 * wrapped in a SELECT over it, an UPDATE's value (and one of ON CONFLICT .. DO UPDATE) in place. COPY FROM
 * arrives here as an INSERT. An INSERT that
 * also writes vectors is wrapped by {@link VectorWriteRule}, whose SELECT checks the lengths too.
 */
final class CharacterWriteRule {

    private CharacterWriteRule() {}

    static void apply(DmlScope scope, TableDef def, RewriteContext cx) {
        switch (scope) {
            case DmlScope.Insert insert -> {
                insert(insert, def, cx);
                conflictUpdate(insert, def, cx);
            }
            case DmlScope.Update update -> update(update, cx);
            case DmlScope.Delete delete -> {
                // nothing written
            }
        }
    }

    private static void insert(DmlScope.Insert s, TableDef def, RewriteContext cx) {
        List<Column> targets = s.targets();
        if (targets.stream().noneMatch(CharacterWrites::checks)
                || s.defaults()
                || s.sourceFirst() >= s.sourceEnd()
                || targets.stream().anyMatch(c -> c.type().isVector())) {
            return;
        }
        if (s.byName()) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "INSERT ... BY NAME cannot write the character(n) / varchar(n) columns of \"" + def.name() + "\"",
                    "List the target columns: INSERT INTO " + def.name() + " (a, b) SELECT ...");
        }
        List<Token> sig = cx.sig;
        if (sig.get(s.sourceFirst()).isWord("VALUES") && values(s, cx)) {
            return;
        }
        List<String> logs = new ArrayList<>();
        targets.forEach(c -> logs.add(null));
        String[] w = VectorWrites.wrap(targets, logs);
        wrap(cx, s.sourceFirst(), s.sourceEnd() - 1, w[0], w[1]);
    }

    /**
     * Puts {@code open} before token {@code first} and {@code close} after token {@code last}, also around text an
     * earlier rule has replaced (the check wraps whatever the value became).
     */
    private static void wrap(RewriteContext cx, int first, int last, String open, String close) {
        cx.edits.raw().insert(cx.sig.get(first).start(), open);
        cx.edits.raw().insert(cx.sig.get(last).end(), close);
    }

    /** Wraps the value at tokens {@code [first, last]} in the check of column {@code c}. */
    private static void checked(RewriteContext cx, Column c, int first, int last) {
        boolean once = VolatileCalls.in(cx.sig, first, last);
        wrap(cx, first, last, CharacterWrites.open(c, once), CharacterWrites.close(c));
    }

    /** Wraps the values of each row of {@code VALUES (..), (..)}; false when the source is more than rows. */
    private static boolean values(DmlScope.Insert s, RewriteContext cx) {
        List<Token> sig = cx.sig;
        int[] match = cx.parsed.match;
        List<int[]> rows = new ArrayList<>();
        int at = s.sourceFirst() + 1;
        while (at < s.sourceEnd() && sig.get(at).is("(")) {
            rows.add(new int[] {at, match[at]});
            at = match[at] + 1;
            if (at < s.sourceEnd() && sig.get(at).is(",")) {
                at++;
            } else {
                break;
            }
        }
        if (at != s.sourceEnd() || rows.isEmpty()) {
            return false; // ORDER BY, LIMIT, ...: the whole source is wrapped
        }
        for (int[] row : rows) {
            int from = row[0] + 1;
            for (int k = 0; from < row[1]; k++) {
                int comma = cx.parsed.exprs.nextComma(from, row[1]);
                if (k < s.targets().size()) {
                    Column c = s.targets().get(k);
                    boolean isDefault = comma == from + 1 && sig.get(from).isWord("DEFAULT");
                    if (CharacterWrites.checks(c) && !isDefault && comma > from) {
                        checked(cx, c, from, comma - 1);
                    }
                }
                from = comma + 1;
            }
        }
        return true;
    }

    /** {@code ON CONFLICT .. DO UPDATE SET c = value, ..}: each value assigned to a checked column. */
    private static void conflictUpdate(DmlScope.Insert s, TableDef def, RewriteContext cx) {
        List<Token> sig = cx.sig;
        int on = s.sourceEnd();
        if (on >= sig.size() || !sig.get(on).isWord("ON")) {
            return;
        }
        BlockParser blocks = cx.parsed.blocks;
        int set = blocks.clauseAt(on, sig.size(), "SET");
        if (set < 0) {
            return;
        }
        int end = DmlScope.firstOf(
                sig.size(),
                blocks.clauseAt(set + 1, sig.size(), "WHERE"),
                blocks.clauseAt(set + 1, sig.size(), "RETURNING"));
        int i = set + 1;
        while (i < end) {
            int comma = cx.parsed.exprs.nextComma(i, end);
            if (comma - i >= 3
                    && QualifiedName.isName(sig.get(i))
                    && sig.get(i + 1).is("=")) {
                Column c = def.schema().column(sig.get(i).identifier()).orElse(null);
                boolean isDefault = comma == i + 3 && sig.get(i + 2).isWord("DEFAULT");
                if (c != null && CharacterWrites.checks(c) && !isDefault) {
                    checked(cx, c, i + 2, comma - 1);
                }
            }
            i = comma + 1;
        }
    }

    private static void update(DmlScope.Update s, RewriteContext cx) {
        for (DmlScope.Assignment a : s.assignments()) {
            Expr v = a.value();
            boolean isDefault = v.first() == v.last() && cx.sig.get(v.first()).isWord("DEFAULT");
            if (CharacterWrites.checks(a.column()) && !isDefault) {
                checked(cx, a.column(), v.first(), v.last());
            }
        }
    }
}
