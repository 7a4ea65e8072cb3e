package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements on a SQL text by character range, applied together so earlier edits do not shift later ones. */
public final class SqlEdits {

    private record Edit(int start, int end, String text, int order) {}

    /**
     * By position; at one position an insertion comes before a replacement starting there (it is text before the
     * replaced tokens, whichever rule added it first), else the edits keep the order they were added in.
     */
    private static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::start)
            .thenComparing(e -> e.end() > e.start())
            .thenComparingInt(Edit::order);

    private final List<Edit> edits = new ArrayList<>();

    public SqlEdits replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text, edits.size()));
        return this;
    }

    public SqlEdits replace(Token first, Token last, String text) {
        return replace(first.start(), last.end(), text);
    }

    public SqlEdits insert(int at, String text) {
        return replace(at, at, text);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /**
     * The text of {@code sql[start, end)} with the edits that lie inside that range applied (edits touching the
     * bounds from inside included).
     */
    public String applyWithin(String sql, int start, int end) {
        List<Edit> sorted = new ArrayList<>();
        for (Edit e : edits) {
            if (e.start >= start && e.end() <= end) {
                sorted.add(e);
            }
        }
        sorted.sort(ORDER);
        StringBuilder sb = new StringBuilder(end - start + 64);
        int at = start;
        for (Edit e : sorted) {
            if (e.start < at) {
                throw new IllegalStateException("overlapping SQL edits at " + e.start);
            }
            sb.append(sql, at, e.start).append(e.text);
            at = e.end();
        }
        return sb.append(sql, at, end).toString();
    }

    public String apply(String sql) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(ORDER);
        StringBuilder sb = new StringBuilder(sql.length() + 64);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start < at) {
                throw new IllegalStateException("overlapping SQL edits at " + e.start);
            }
            sb.append(sql, at, e.start).append(e.text);
            at = e.end();
        }
        return sb.append(sql, at, sql.length()).toString();
    }
}
