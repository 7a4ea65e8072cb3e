package dev.lakebench.core.index.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The text analysis of BM25 search: Unicode word segmentation (UAX #29, so any script splits into words and
 * ideographs instead of being dropped), English possessives removed, Unicode lower-casing, English stop words
 * removed, and the Snowball English (Porter2) stemmer, which leaves words outside a-z untouched. The same
 * analysis runs at indexing, at query time and in exact (index-less) scoring, so both paths agree.
 */
public final class EnglishAnalyzer {

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            ts = new SnowballFilter(ts, new EnglishStemmer());
            return new TokenStreamComponents(source, ts);
        }
    };

    private EnglishAnalyzer() {
    }

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
