package dev.lakebench.core.sql.conformance;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Values as psql prints them in unaligned mode (PostgreSQL's text output), so answers compare as text. */
final class PgText {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private PgText() {}

    static String of(Object v) {
        return switch (v) {
            case null -> "";
            case Boolean b -> b ? "t" : "f";
            case Double d -> real(d);
            case Float f -> real(Float.toString(f), f);
            case BigDecimal d -> d.toPlainString();
            case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
            case float[] f -> {
                StringJoiner j = new StringJoiner(",", "{", "}");
                for (float x : f) {
                    j.add(real(Float.toString(x), x));
                }
                yield j.toString();
            }
            case float[][] m -> {
                StringJoiner j = new StringJoiner(",", "{", "}");
                for (float[] row : m) {
                    j.add(of(row));
                }
                yield j.toString();
            }
            case List<?> l -> {
                StringJoiner j = new StringJoiner(",", "{", "}");
                for (Object x : l) {
                    // a nested array is a dimension of the same array, not a quoted element
                    j.add(x == null ? "NULL" : x instanceof List<?> ? of(x) : element(of(x)));
                }
                yield j.toString();
            }
            case LocalDateTime t -> trimFraction(t.format(TIMESTAMP));
            case OffsetDateTime t -> trimFraction(t.toLocalDateTime().format(TIMESTAMP)) + offset(t);
            case LocalTime t -> t.toString().length() == 5 ? t + ":00" : trimFraction(t.toString());
            // a row value (the engine's struct): PostgreSQL's composite text, fields in order, NULL as nothing
            case Map<?, ?> m -> {
                StringJoiner j = new StringJoiner(",", "(", ")");
                for (Object x : m.values()) {
                    j.add(x == null ? "" : field(of(x)));
                }
                yield j.toString();
            }
            default -> v.toString();
        };
    }

    private static String element(String s) {
        // the text NULL is quoted so that it does not read as the null element
        if (s.isEmpty()
                || s.equalsIgnoreCase("NULL")
                || s.chars().anyMatch(c -> c == ',' || c == '{' || c == '}' || c == '"' || c == ' ' || c == '\\')) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return s;
    }

    private static String field(String s) {
        if (s.isEmpty()
                || s.chars()
                        .anyMatch(c -> c == ','
                                || c == '('
                                || c == ')'
                                || c == '"'
                                || c == '\\'
                                || Character.isWhitespace(c))) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String trimFraction(String s) {
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    private static String offset(OffsetDateTime t) {
        int secs = t.getOffset().getTotalSeconds();
        String sign = secs < 0 ? "-" : "+";
        return sign + String.format("%02d", Math.abs(secs) / 3600);
    }

    private static String real(double d) {
        return real(Double.toString(d), d);
    }

    /** PostgreSQL's shortest round-trip form: no trailing ".0", exponents as e+NN / e-NN beyond 1e15 / below 1e-4. */
    private static String real(String java, double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal exact = new BigDecimal(java);
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e15)) {
            String digits = exact.unscaledValue().abs().toString().replaceAll("0+$", "");
            int exp = exact.precision() - exact.scale() - 1;
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = exact.stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "-0" : plain;
    }
}
