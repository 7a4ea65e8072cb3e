package dev.lakebench.app.ui.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Search scores as people compare them: four significant digits, never scientific notation for the ranges a
 * cosine, BM25 or hybrid score takes ("0.8235", "12.35", "0.0001235"). Columns named {@code score} or ending in
 * {@code _score} hold scores.
 */
public final class ScoreText {

    private static final MathContext FOUR = new MathContext(4);

    private ScoreText() {}

    public static String format(double score) {
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            return Double.toString(score);
        }
        if (score == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(score).round(FOUR);
        d = d.setScale(Math.max(d.scale(), FOUR.getPrecision() - d.precision() + d.scale())); // 1 -> 1.000
        double mag = Math.abs(score);
        return mag >= 1e-6 && mag < 1e9 ? d.toPlainString() : String.format(Locale.ROOT, "%.3e", score);
    }

    /** True for the name of a column holding a search score ({@code score}, {@code bm25_score}, ...). */
    public static boolean isScoreColumn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("score") || n.endsWith("_score");
    }
}
