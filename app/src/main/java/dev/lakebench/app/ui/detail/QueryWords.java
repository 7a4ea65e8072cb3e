package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.text.WordAnalyzer;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words a statement searched for, and where they occur in a text. BM25 query texts ({@code col <#> 'text'},
 * the text part of {@code deeplake_hybrid_record(vector, 'text', ...)}) match as the search does: the text is
 * split into words the way the BM25 analyzer splits it (Unicode word boundaries), and a word counts when its
 * analysed term (lower-cased, possessive dropped; no stemming, as in pg_deeplake) is one of the query's terms, so
 * "parrot's" matches a search for "parrot" and "Parrots" does not. Keywords of {@code @>} and {@code contains(...)} match as whole words,
 * ignoring case. Query values may be literals or {@code $n} parameters.
 */
record QueryWords(Set<String> terms, Set<String> words) {

    /** A highlighted stretch of text, [start, end). */
    record Hit(int start, int end) {}

    static final QueryWords NONE = new QueryWords(Set.of(), Set.of());

    /** The words {@code sel}'s statement searched for; NONE when it has no text search or is not known. */
    static QueryWords of(SelectedRow sel) {
        if (sel == null || sel.query() == null || sel.query().sql() == null) {
            return NONE;
        }
        try {
            return of(sel.query().sql(), sel.query().params(), sel.row());
        } catch (RuntimeException e) {
            // a statement the lexer cannot read has nothing to highlight; the row is shown all the same
            return NONE;
        }
    }

    static QueryWords of(String sql, List<Object> params, Row row) {
        List<Token> t = SqlLexer.significant(sql);
        Set<String> terms = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.is("<#>")) {
                if (i > 0 && !isVectorColumn(t.get(i - 1), row)) {
                    terms.addAll(WordAnalyzer.terms(text(t, i + 1, params)));
                }
                if (i + 1 < t.size() && !isVectorColumn(t.get(i + 1), row)) {
                    terms.addAll(WordAnalyzer.terms(text(t, i - 1, params)));
                }
            } else if (k.is("@>")) {
                words.addAll(surfaceWords(text(t, i + 1, params)));
            } else if (k.isWord("contains") && next(t, i, "(")) {
                words.addAll(surfaceWords(text(t, argument(t, i + 1, 1), params)));
            } else if (k.isWord("deeplake_hybrid_record") && next(t, i, "(")) {
                terms.addAll(WordAnalyzer.terms(text(t, argument(t, i + 1, 1), params)));
            }
        }
        return terms.isEmpty() && words.isEmpty() ? NONE : new QueryWords(Set.copyOf(terms), Set.copyOf(words));
    }

    boolean isEmpty() {
        return terms.isEmpty() && words.isEmpty();
    }

    /** Where the searched words occur in {@code text}, in order. */
    List<Hit> find(String text) {
        List<Hit> out = new ArrayList<>();
        if (isEmpty() || text == null || text.isEmpty()) {
            return out;
        }
        Map<String, Boolean> seen = new HashMap<>();
        try (StandardTokenizer tok = new StandardTokenizer()) {
            OffsetAttribute at = tok.addAttribute(OffsetAttribute.class);
            tok.setReader(new StringReader(text));
            tok.reset();
            while (tok.incrementToken()) {
                int s = at.startOffset();
                int e = at.endOffset();
                String word = text.substring(s, e).toLowerCase(Locale.ROOT);
                if (seen.computeIfAbsent(word, this::matches)) {
                    out.add(new Hit(s, e));
                }
            }
            tok.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    private boolean matches(String word) {
        if (words.contains(word)) {
            return true;
        }
        if (terms.isEmpty()) {
            return false;
        }
        for (String term : WordAnalyzer.terms(word)) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-cased words of a keyword, split as the BM25 analyzer splits text. */
    private static List<String> surfaceWords(String keyword) {
        List<String> out = new ArrayList<>();
        if (keyword == null) {
            return out;
        }
        try (StandardTokenizer tok = new StandardTokenizer()) {
            OffsetAttribute at = tok.addAttribute(OffsetAttribute.class);
            tok.setReader(new StringReader(keyword));
            tok.reset();
            while (tok.incrementToken()) {
                out.add(keyword.substring(at.startOffset(), at.endOffset()).toLowerCase(Locale.ROOT));
            }
            tok.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** True when {@code t} names a column that holds a vector in the row (a vector search, not a text one). */
    private static boolean isVectorColumn(Token t, Row row) {
        if (row == null || (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_IDENTIFIER)) {
            return false;
        }
        String name = t.identifier();
        for (int i = 0; i < row.width(); i++) {
            if (row.columns().get(i).equalsIgnoreCase(name)) {
                Object v = row.get(i);
                return v instanceof float[] || v instanceof float[][];
            }
        }
        return false;
    }

    /** The text value at token {@code i}: a string literal or a {@code $n} parameter holding a string; else null. */
    private static String text(List<Token> t, int i, List<Object> params) {
        if (i < 0 || i >= t.size()) {
            return null;
        }
        Token k = t.get(i);
        if (k.kind() == Token.Kind.STRING) {
            return literal(k.text());
        }
        if (k.kind() == Token.Kind.PARAMETER) {
            int n = k.parameterIndex();
            return n >= 1 && n <= params.size() && params.get(n - 1) instanceof String s ? s : null;
        }
        return null;
    }

    private static String literal(String s) {
        if (s.startsWith("$")) {
            int open = s.indexOf('$', 1) + 1;
            return s.substring(open, s.length() - open);
        }
        boolean escaped = s.startsWith("E") || s.startsWith("e");
        String body = s.substring(escaped ? 2 : 1, s.length() - 1).replace("''", "'");
        return escaped ? body.replace("\\'", "'") : body;
    }

    private static boolean next(List<Token> t, int i, String punctuation) {
        return i + 1 < t.size() && t.get(i + 1).is(punctuation);
    }

    /** The first token of argument {@code n} (0-based) of the call whose "(" is at {@code open}; -1 when absent. */
    private static int argument(List<Token> t, int open, int n) {
        int depth = 0;
        int arg = 0;
        for (int i = open + 1; i < t.size(); i++) {
            Token k = t.get(i);
            if (depth == 0 && arg == n && !k.is(",")) {
                return k.is(")") ? -1 : i;
            }
            if (k.is("(") || k.is("[")) {
                depth++;
            } else if (k.is(")") || k.is("]")) {
                if (depth == 0) {
                    return -1;
                }
                depth--;
            } else if (k.is(",") && depth == 0) {
                arg++;
            }
        }
        return -1;
    }
}
