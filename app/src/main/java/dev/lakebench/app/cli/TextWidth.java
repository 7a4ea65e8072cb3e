package dev.lakebench.app.cli;

/**
 * How many terminal columns text takes, for aligned tables: East Asian wide and full-width characters (Chinese,
 * Japanese, Korean, most emoji) take two, combining marks and format characters none, everything else one.
 */
final class TextWidth {

    private TextWidth() {}

    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100
                && (cp <= 0x115F // Hangul Jamo initials
                        || cp == 0x2329
                        || cp == 0x232A
                        || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F // CJK radicals .. Yi
                        || cp >= 0xAC00 && cp <= 0xD7A3 // Hangul syllables
                        || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
                        || cp >= 0xFE10 && cp <= 0xFE19 // vertical forms
                        || cp >= 0xFE30 && cp <= 0xFE6F // CJK compatibility forms, small forms
                        || cp >= 0xFF00 && cp <= 0xFF60 // full-width forms
                        || cp >= 0xFFE0 && cp <= 0xFFE6
                        || cp >= 0x1F300 && cp <= 0x1F64F // pictographs, emoticons
                        || cp >= 0x1F680 && cp <= 0x1F6FF // transport and map symbols
                        || cp >= 0x1F900 && cp <= 0x1F9FF // supplemental pictographs
                        || cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions
    }

    /** {@code s} cut to at most {@code max} columns, ending in "..." when cut; never splits a character. */
    static String cut(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = of(cp);
            if (w + cw > max - 3) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append("...").toString();
    }

    /** {@code s} followed by spaces up to {@code width} columns. */
    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - of(s)));
    }
}
