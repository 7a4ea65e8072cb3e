package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits of one statement by significant-token ranges. A replacement covers its range: later edits inside a
 * covered range are dropped (the outer rewrite already decided that text), so rewrites can be applied outside-in
 * without overlapping.
 */
final class TextEdits {

    private record Range(int first, int last) {}

    private final String sql;
    private final List<Token> sig;
    private final SqlEdits edits = new SqlEdits();
    private final List<Range> covered = new ArrayList<>();

    TextEdits(String sql, List<Token> sig) {
        this.sql = sql;
        this.sig = sig;
    }

    boolean isCovered(int token) {
        for (Range r : covered) {
            if (token >= r.first() && token <= r.last()) {
                return true;
            }
        }
        return false;
    }

    /** Replaces tokens {@code first..last} (inclusive) with {@code text}; false when the range is already covered. */
    boolean replace(int first, int last, String text) {
        if (isCovered(first) || isCovered(last)) {
            return false;
        }
        covered.add(new Range(first, last));
        int s = sig.get(first).start();
        int e = sig.get(last).end();
        edits.replace(s, e, text);
        return true;
    }

    /** Inserts before token {@code at}. */
    void insertBefore(int at, String text) {
        if (!isCovered(at)) {
            int s = sig.get(at).start();
            edits.insert(s, text);
        }
    }

    /** Inserts after token {@code at}. */
    void insertAfter(int at, String text) {
        if (!isCovered(at)) {
            int e = sig.get(at).end();
            edits.insert(e, text);
        }
    }

    /** The underlying character edits, for rewrites that work on characters (the DML retargeting). */
    SqlEdits raw() {
        return edits;
    }

    /** Inserts at the end of the text. */
    void append(String text) {
        edits.insert(sql.length(), text);
    }

    /** The original text of tokens {@code first..last}, untouched by edits. */
    String original(int first, int last) {
        return sql.substring(sig.get(first).start(), sig.get(last).end());
    }

    String apply() {
        return edits.apply(sql);
    }

    /** The text of tokens {@code first..last} with the edits inside that range applied. */
    String apply(int first, int last) {
        return edits.applyWithin(sql, sig.get(first).start(), sig.get(last).end());
    }
}
