package dev.lakebench.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The names nearest to a mistyped one, by edit distance (transpositions count as one edit), as git does. */
final class Suggestions {

    private Suggestions() {}

    /** The candidates at the smallest distance, if that distance is small for the word's length. */
    static List<String> nearest(String word, List<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = lc.startsWith(w) && w.length() >= 2 ? 1 : distance(w, lc);
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && !out.contains(c)) {
                out.add(c);
            }
        }
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        return best <= allowed ? out : List.of();
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
