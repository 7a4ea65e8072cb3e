package dev.lakebench.core.index.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's numeric template patterns: {@code to_char(number, format)} and {@code to_number(text, format)}.
 * {@code 9} is a digit (a space where the number has none), {@code 0} a digit kept as 0, {@code .} / {@code D} the
 * decimal point, {@code ,} / {@code G} a group separator (a space before the first digit), {@code S}, {@code MI},
 * {@code PL}, {@code SG} and {@code PR} place the sign, {@code FM} drops the padding and trailing zeros of
 * {@code 9} places; a number too wide for the format is {@code #} in every digit place. Without a sign code a
 * place for the sign (a space when positive) goes before the first digit, as PostgreSQL prints it.
 */
final class PgNumberFormat {

    private PgNumberFormat() {}

    private enum Kind {
        DIGIT9,
        DIGIT0,
        POINT,
        GROUP,
        S,
        MI,
        PL,
        SG,
        PR,
        TEXT
    }

    private record Part(Kind kind, String text) {}

    static String format(String number, String format) {
        BigDecimal value = new BigDecimal(number.strip());
        List<Part> parts = parse(format);
        boolean fill = format.toUpperCase(Locale.ROOT).contains("FM");
        int intPlaces = 0;
        int fracPlaces = 0;
        boolean point = false;
        boolean explicitSign = false;
        for (Part p : parts) {
            switch (p.kind()) {
                case DIGIT9, DIGIT0 -> {
                    if (point) {
                        fracPlaces++;
                    } else {
                        intPlaces++;
                    }
                }
                case POINT -> point = true;
                case S, MI, SG, PR -> explicitSign = true;
                default -> {
                    // no place
                }
            }
        }
        boolean negative = value.signum() < 0;
        BigDecimal abs = value.abs().setScale(fracPlaces, RoundingMode.HALF_UP);
        String plain = abs.toPlainString();
        String intDigits = fracPlaces == 0 ? plain : plain.substring(0, plain.indexOf('.'));
        String fracDigits = fracPlaces == 0 ? "" : plain.substring(plain.indexOf('.') + 1);
        if (intDigits.equals("0") && point) {
            intDigits = "";
        }
        boolean overflow = intDigits.length() > intPlaces;
        // the fraction places a trailing run of 9s may drop in fill mode
        int keepFrac = fracPlaces;
        if (fill) {
            keepFrac = Math.max(fracDigits.replaceAll("0+$", "").length(), lastZeroPlace(parts));
        }
        StringBuilder out = new StringBuilder();
        String sign = negative ? "-" : (fill ? "" : " ");
        boolean signDone = explicitSign;
        boolean started = false;
        int intIndex = 0;
        int fracIndex = 0;
        boolean afterPoint = false;
        for (Part p : parts) {
            switch (p.kind()) {
                case DIGIT9, DIGIT0 -> {
                    if (overflow) {
                        if (!signDone) {
                            out.append(fill ? "" : " ");
                            signDone = true;
                        }
                        out.append('#');
                    } else if (!afterPoint) {
                        int lead = intPlaces - intDigits.length();
                        boolean digit = intIndex >= lead;
                        if (digit || p.kind() == Kind.DIGIT0 || started) {
                            if (!signDone) {
                                out.append(sign);
                                signDone = true;
                            }
                            out.append(digit ? intDigits.charAt(intIndex - lead) : '0');
                            started = true;
                        } else if (!fill) {
                            out.append(' ');
                        }
                        intIndex++;
                    } else {
                        if (fracIndex < keepFrac) {
                            out.append(fracDigits.charAt(fracIndex));
                        }
                        fracIndex++;
                    }
                }
                case POINT -> {
                    if (!signDone) {
                        out.append(sign);
                        signDone = true;
                    }
                    out.append('.');
                    afterPoint = true;
                }
                case GROUP -> {
                    if (started || overflow) {
                        out.append(',');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case S, SG -> out.append(negative ? '-' : '+');
                case MI -> out.append(negative ? "-" : (fill ? "" : " "));
                case PL -> out.append(negative ? (fill ? "" : " ") : "+");
                case PR -> {
                    // the closing bracket; the opening one is added below
                }
                case TEXT -> out.append(p.text());
            }
        }
        for (Part p : parts) {
            if (p.kind() == Kind.PR) {
                return negative ? "<" + out + ">" : (fill ? out.toString() : " " + out + " ");
            }
        }
        return out.toString();
    }

    /** How many fraction places up to the last 0 place (kept in fill mode). */
    private static int lastZeroPlace(List<Part> parts) {
        int frac = 0;
        int last = 0;
        boolean point = false;
        for (Part p : parts) {
            if (p.kind() == Kind.POINT) {
                point = true;
            } else if (point && (p.kind() == Kind.DIGIT9 || p.kind() == Kind.DIGIT0)) {
                frac++;
                if (p.kind() == Kind.DIGIT0) {
                    last = frac;
                }
            }
        }
        return last;
    }

    private static List<Part> parse(String format) {
        List<Part> parts = new ArrayList<>();
        String upper = format.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < format.length()) {
            char c = upper.charAt(i);
            if (upper.startsWith("FM", i)) {
                i += 2;
            } else if (c == '9') {
                parts.add(new Part(Kind.DIGIT9, ""));
                i++;
            } else if (c == '0') {
                parts.add(new Part(Kind.DIGIT0, ""));
                i++;
            } else if (c == '.' || c == 'D') {
                parts.add(new Part(Kind.POINT, ""));
                i++;
            } else if (c == ',' || c == 'G') {
                parts.add(new Part(Kind.GROUP, ""));
                i++;
            } else if (upper.startsWith("MI", i)) {
                parts.add(new Part(Kind.MI, ""));
                i += 2;
            } else if (upper.startsWith("PL", i)) {
                parts.add(new Part(Kind.PL, ""));
                i += 2;
            } else if (upper.startsWith("SG", i)) {
                parts.add(new Part(Kind.SG, ""));
                i += 2;
            } else if (upper.startsWith("PR", i)) {
                parts.add(new Part(Kind.PR, ""));
                i += 2;
            } else if (c == 'S') {
                parts.add(new Part(Kind.S, ""));
                i++;
            } else if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                parts.add(new Part(Kind.TEXT, format.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < format.length() && Character.isLetter(format.charAt(end))) {
                    end++;
                }
                throw new EngineFunctionError(
                        "to_char() number format code \"" + format.substring(i, end) + "\" is not supported",
                        "Use 9, 0, '.', D, ',', G, S, MI, PL, SG, PR and FM");
            } else {
                parts.add(new Part(Kind.TEXT, String.valueOf(format.charAt(i))));
                i++;
            }
        }
        return parts;
    }

    /**
     * {@code to_number(text, format)}: the digits of the text, its decimal point and its sign (a {@code -}, or
     * angle brackets with {@code PR}), as a plain number; group separators and other characters are skipped.
     */
    static String parse(String text, String format) {
        StringBuilder digits = new StringBuilder();
        boolean negative = text.contains("-")
                || (format.toUpperCase(Locale.ROOT).contains("PR")
                        && text.strip().startsWith("<"));
        boolean point = false;
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c == '.' && !point) {
                digits.append('.');
                point = true;
            }
        }
        if (digits.isEmpty() || digits.toString().equals(".")) {
            throw new EngineFunctionError(
                    "to_number(): \"" + text + "\" has no digits",
                    "Give text with a number, e.g. to_number('12,454.8-', '99G999D9S')");
        }
        BigDecimal v = new BigDecimal(digits.toString());
        return (negative ? v.negate() : v).toPlainString();
    }
}
