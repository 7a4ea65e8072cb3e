package dev.lakebench.core.backend.postgres;

import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The words BM25 counts, as a PostgreSQL regular expression: the local engine's word analysis (runs of letters,
 * digits and marks joined by an inner hyphen or apostrophe, each ideograph a word of its own) with its character
 * classes written out as explicit code point ranges, taken from this JVM's Unicode tables. PostgreSQL's own
 * classes ({@code [[:alnum:]]}) depend on the database's locale (ASCII only under {@code C}) and leave out
 * combining marks; ranges make the server split text exactly where the local engine does, whatever its locale.
 */
final class PgWordPattern {

    /** A character inside a word: a letter, digit or mark that is not an ideograph. */
    static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}\\p{M}&&[^\\p{IsIdeographic}]]");
    /** An ideograph: a word of its own. */
    static final Pattern IDEOGRAPH = Pattern.compile("\\p{IsIdeographic}");

    private static final String REGEX = build();

    private PgWordPattern() {}

    /** The expression for {@code regexp_matches(lower(text), ..., 'g')}; ASCII only (escapes for the rest). */
    static String regex() {
        return REGEX;
    }

    private static String build() {
        String word = "[" + ranges(cp -> matches(WORD_CHAR, cp)) + "]";
        String ideograph = "[" + ranges(cp -> matches(IDEOGRAPH, cp)) + "]";
        return ideograph + "|" + word + "+(?:['\\u2019-]" + word + "+)*";
    }

    private static boolean matches(Pattern p, int cp) {
        return p.matcher(Character.toString(cp)).matches();
    }

    /** The code points accepted, as bracket-expression ranges (escaped above ASCII). */
    static String ranges(IntPredicate in) {
        StringBuilder sb = new StringBuilder();
        int start = -1;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT + 1; cp++) {
            boolean inside = cp <= Character.MAX_CODE_POINT
                    && (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                    && in.test(cp);
            if (inside && start < 0) {
                start = cp;
            } else if (!inside && start >= 0) {
                sb.append(escape(start));
                if (cp - 1 > start) {
                    sb.append('-').append(escape(cp - 1));
                }
                start = -1;
            }
        }
        return sb.toString();
    }

    private static String escape(int cp) {
        if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
            return String.valueOf((char) cp);
        }
        return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp);
    }
}
