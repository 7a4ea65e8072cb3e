package dev.lakebench.core.backend.managed;

import dev.lakebench.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed values that arrive as text: PostgreSQL's text output ({@code t}/{@code f}, {@code {0.1,-2}} for a
 * {@code float4[]}, {@code NaN}, which JSON numbers cannot carry) or a service that quotes 64-bit integers. Read
 * only for result columns whose table column type is known; text that is not in the type's form stays text.
 */
final class TextForms {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\d+\\.?\\d*([eE][-+]?\\d+)?|\\.\\d+([eE][-+]?\\d+)?|NaN|Infinity|inf|infinity)",
            Pattern.CASE_INSENSITIVE);

    private TextForms() {}

    /** The value of {@code text} as the storage type reads it, or null when the text is not in that form. */
    static Object parse(String text, ColumnType.Storage storage) {
        String s = text.strip();
        return switch (storage) {
            case INT32, INT64 -> INTEGER.matcher(s).matches() ? (Object) Long.parseLong(s) : null;
            case FLOAT32, FLOAT64 -> number(s);
            case BOOL ->
                switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "t", "true" -> Boolean.TRUE;
                    case "f", "false" -> Boolean.FALSE;
                    default -> null;
                };
            case VECTOR, FLOAT_LIST -> vector(s);
            case MULTI_VECTOR -> matrix(s);
            default -> null;
        };
    }

    private static Double number(String s) {
        if (!FLOAT.matcher(s).matches()) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    /** {@code {0.1,-2}} (PostgreSQL) or {@code [0.1,-2]} (pgvector); an empty array is not a vector. */
    static float[] vector(String s) {
        if (s.length() < 3 || !enclosed(s)) {
            return null;
        }
        String[] parts = s.substring(1, s.length() - 1).split(",");
        float[] f = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Double d = number(parts[i].strip());
            if (d == null) {
                return null;
            }
            f[i] = d.floatValue();
        }
        return f;
    }

    /** {@code {{1,2},{3,4}}} or {@code [[1,2],[3,4]]}. */
    private static float[][] matrix(String s) {
        if (s.length() < 5 || !enclosed(s)) {
            return null;
        }
        String inner = s.substring(1, s.length() - 1).strip();
        List<float[]> rows = new ArrayList<>();
        int at = 0;
        while (at < inner.length()) {
            char open = inner.charAt(at);
            char close = open == '{' ? '}' : open == '[' ? ']' : 0;
            int end = close == 0 ? -1 : inner.indexOf(close, at);
            if (end < 0) {
                return null;
            }
            float[] row = vector(inner.substring(at, end + 1));
            if (row == null) {
                return null;
            }
            rows.add(row);
            at = end + 1;
            while (at < inner.length() && (inner.charAt(at) == ',' || Character.isWhitespace(inner.charAt(at)))) {
                at++;
            }
        }
        return rows.isEmpty() ? null : rows.toArray(new float[0][]);
    }

    private static boolean enclosed(String s) {
        char a = s.charAt(0);
        char b = s.charAt(s.length() - 1);
        return a == '{' && b == '}' || a == '[' && b == ']';
    }
}
