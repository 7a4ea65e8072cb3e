package dev.lakebench.core.sql;

import java.util.List;

/**
 * Values written literally in SQL that the dialect reads itself instead of asking the engine: vectors
 * ({@code ARRAY[0.1, 0.2]}, {@code [0.1, 0.2]}, {@code '[0.1,0.2]'}, {@code '{0.1,0.2}'}, with any float-array
 * cast), multi-vectors (nested), strings and numbers.
 */
final class Literals {

    private Literals() {}

    /** The string value of a STRING token ('..', E'..', $$..$$). */
    static String string(Token t) {
        String s = t.text();
        if (s.startsWith("$")) {
            int tagEnd = s.indexOf('$', 1) + 1;
            return s.substring(tagEnd, s.length() - tagEnd);
        }
        if (s.startsWith("E") || s.startsWith("e")) {
            return unescapeE(s.substring(2, s.length() - 1));
        }
        return s.substring(1, s.length() - 1).replace("''", "'");
    }

    private static String unescapeE(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A numeric literal (with an optional sign), or null. */
    static Double number(Expr e, List<Token> sig) {
        e = e.unwrap();
        if (e.kind() == Expr.Kind.NUMBER) {
            return parseNumber(sig.get(e.first()).text());
        }
        if (e.kind() == Expr.Kind.UNARY && (e.op().equals("-") || e.op().equals("+"))) {
            Double v = number(e.child(0), sig);
            return v == null ? null : e.op().equals("-") ? -v : v;
        }
        if (e.kind() == Expr.Kind.CAST) {
            return number(e.child(0), sig);
        }
        return null;
    }

    private static Double parseNumber(String s) {
        try {
            return Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** float[] or float[][] written literally, or null when {@code e} is something else. */
    static Object vector(Expr e, List<Token> sig) {
        e = e.unwrap();
        if (e.kind() == Expr.Kind.CAST) {
            return vector(e.child(0), sig);
        }
        if (e.kind() == Expr.Kind.STRING) {
            return parseVectorText(string(sig.get(e.first())));
        }
        if (e.kind() != Expr.Kind.ARRAY) {
            return null;
        }
        if (e.children().isEmpty()) {
            return new float[0];
        }
        Expr firstItem = e.children().get(0).unwrap();
        if (firstItem.kind() == Expr.Kind.ARRAY
                || firstItem.kind() == Expr.Kind.CAST
                        && firstItem.child(0).unwrap().kind() == Expr.Kind.ARRAY) {
            float[][] rows = new float[e.children().size()][];
            for (int i = 0; i < rows.length; i++) {
                Object row = vector(e.children().get(i), sig);
                if (!(row instanceof float[] f)) {
                    return null;
                }
                rows[i] = f;
            }
            return rows;
        }
        float[] out = new float[e.children().size()];
        for (int i = 0; i < out.length; i++) {
            Double d = number(e.children().get(i), sig);
            Expr item = e.children().get(i).unwrap();
            if (d == null && item.kind() == Expr.Kind.STRING) {
                // an array literal's elements are text ('{1,2}'::float4[] is CAST(['1', '2'] AS float4[]))
                d = parseNumber(string(sig.get(item.first())).strip());
            }
            if (d == null) {
                return null;
            }
            out[i] = d.floatValue();
        }
        return out;
    }

    /** A vector or multi-vector spelled as text ({@link VectorLiteral#parse}); null when it is not one. */
    static Object parseVectorText(String text) {
        return VectorLiteral.parse(text);
    }
}
