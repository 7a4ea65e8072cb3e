package dev.lakebench.core.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words BM25 counts, as pg_deeplake's BM25 counts them: runs of letters and digits (an inner hyphen or
 * apostrophe keeps a word together: "ai-driven", "don't"), lower-cased, English possessives removed; no stop words
 * removed and no stemming ("learn" does not match "learning"). Ideographs are words of their own, so CJK text
 * splits into characters instead of one run. The same analysis runs at indexing, at query time and in exact
 * (index-less) scoring, so both paths agree.
 */
public final class WordAnalyzer {

    private static final Pattern WORD = Pattern.compile(
            "\\p{IsIdeographic}|[\\p{L}\\p{N}\\p{M}&&[^\\p{IsIdeographic}]]+(?:['’\\-][\\p{L}\\p{N}\\p{M}&&[^\\p{IsIdeographic}]]+)*");

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new PatternTokenizer(WORD, 0);
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    };

    private WordAnalyzer() {}

    /** The shared analyzer (thread-safe: Lucene keeps components per thread). */
    public static Analyzer get() {
        return ANALYZER;
    }

    /** The terms of a text, in order, duplicates kept. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
