package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL functions the engine lacks that are plain SQL over its own functions: engine macros in
 * {@code lb_meta} (created with the workspace, next to {@link VectorWrites#MACROS}), and a pass that calls them
 * by their qualified name ({@code sind(30)} runs as {@code lb_meta.sind(30)}; the result keeps the written name).
 * <ul>
 *   <li>{@code scale}, {@code min_scale}: digits after the point of a numeric, as its text shows them;</li>
 *   <li>{@code sind cosd tand cotd asind acosd atand atan2d}: PostgreSQL's degree functions step by step (range
 *       reduction to the first quadrant, then sine or cosine scaled by their value at 30 or 60 degrees), so that
 *       the special angles are exact ({@code sind(30)} is 0.5) and other angles agree to the last bit;</li>
 *   <li>{@code get_byte}, {@code set_byte}: a byte of a bytea by its offset from 0;</li>
 *   <li>{@code array_dims}: the text {@code [1:2][1:3]}; every dimension of a PostgreSQL array starts at 1 here;</li>
 *   <li>{@code overlaps}: the {@code OVERLAPS} predicate, called by {@link OverlapsPredicate};</li>
 *   <li>{@code numeric_series}: the list of a generate_series over numerics, called by {@link FunctionSpellings}.</li>
 * </ul>
 */
public final class PostgresMacros implements StatementPass {

    /** PostgreSQL's RADIANS_PER_DEGREE, as the double the C constant is. */
    private static final String RPD = "CAST('0.0174532925199432957692' AS DOUBLE)";

    /** Degree functions read a reduced angle {@code r}: its mirror image {@code a} in [0, 360]... */
    private static final String A = "(CASE WHEN r < 0 THEN -r ELSE r END)";
    /** ...folded to h in [0, 180]... */
    private static final String H = "(CASE WHEN " + A + " > 180.0 THEN 360.0 - " + A + " ELSE " + A + " END)";
    /** ...and to t in the first quadrant. */
    private static final String T = "(CASE WHEN " + H + " > 90.0 THEN 180.0 - " + H + " ELSE " + H + " END)";
    /** The sign of tand and cotd, which flip with each fold. */
    private static final String ODD_SIGN = "(CASE WHEN r < 0 THEN -1 ELSE 1 END) * (CASE WHEN " + A
            + " > 180.0 THEN -1 ELSE 1 END) * (CASE WHEN " + H + " > 90.0 THEN -1 ELSE 1 END)";

    private static String macro(String signature, String body) {
        return "CREATE OR REPLACE MACRO lb_meta." + signature + " AS " + body;
    }

    /** {@code q(num, den) / k} with PostgreSQL's infinity where {@code den} is 0 (tand(90), cotd(0)). */
    private static String ratio(String sign, String num, String den, String k) {
        return "(CASE WHEN " + den + " = 0 THEN " + sign + " * CAST('Infinity' AS DOUBLE) ELSE " + sign + " * ((" + num
                + " / " + den + ") / (" + k + ")) END)";
    }

    private static String q1(String f, String x) {
        return "lb_meta.lb_" + f + "_q1(" + x + ")";
    }

    /** Macros created once per workspace, each after the macros it calls. */
    public static final List<String> MACROS = List.of(
            macro(
                    "scale(x)",
                    "CAST(CASE WHEN x IS NULL THEN NULL WHEN contains(CAST(x AS VARCHAR), '.')"
                            + " THEN length(split_part(CAST(x AS VARCHAR), '.', 2)) ELSE 0 END AS INTEGER)"),
            macro(
                    "min_scale(x)",
                    "CAST(CASE WHEN x IS NULL THEN NULL WHEN contains(CAST(x AS VARCHAR), '.')"
                            + " THEN length(rtrim(split_part(CAST(x AS VARCHAR), '.', 2), '0')) ELSE 0 END AS INTEGER)"),
            // sind_0_to_30 and cosd_0_to_60 of PostgreSQL's float.c: exact at both ends of their ranges
            macro("lb_sind30(x)", "(sin(x * " + RPD + ") / sin(30 * " + RPD + ")) / 2.0"),
            macro("lb_cosd60(x)", "1.0 - ((1.0 - cos(x * " + RPD + ")) / (1.0 - cos(60 * " + RPD + "))) / 2.0"),
            macro(
                    "lb_sind_q1(x)",
                    "CASE WHEN x <= 30.0 THEN lb_meta.lb_sind30(x) ELSE lb_meta.lb_cosd60(90.0 - x) END"),
            macro(
                    "lb_cosd_q1(x)",
                    "CASE WHEN x <= 60.0 THEN lb_meta.lb_cosd60(x) ELSE lb_meta.lb_sind30(90.0 - x) END"),
            macro(
                    "lb_asind_q1(x)",
                    "CASE WHEN x <= 0.5 THEN (asin(x) / asin(0.5)) * 30.0 ELSE 90.0 - (acos(x) / acos(0.5)) * 60.0 END"),
            macro(
                    "lb_acosd_q1(x)",
                    "CASE WHEN x <= 0.5 THEN 90.0 - (asin(x) / asin(0.5)) * 30.0 ELSE (acos(x) / acos(0.5)) * 60.0 END"),
            macro(
                    "lb_sind_r(r)",
                    "(CASE WHEN r < 0 THEN -1 ELSE 1 END) * (CASE WHEN " + A + " > 180.0 THEN -1 ELSE 1 END) * "
                            + q1("sind", T)),
            macro("lb_cosd_r(r)", "(CASE WHEN " + H + " > 90.0 THEN -1 ELSE 1 END) * " + q1("cosd", T)),
            macro(
                    "lb_tand_r(r)",
                    "(" + ratio(ODD_SIGN, q1("sind", T), q1("cosd", T), q1("sind", "45.0") + " / " + q1("cosd", "45.0"))
                            + " + 0.0)"),
            macro(
                    "lb_cotd_r(r)",
                    "(" + ratio(ODD_SIGN, q1("cosd", T), q1("sind", T), q1("cosd", "45.0") + " / " + q1("sind", "45.0"))
                            + " + 0.0)"),
            // an angle in degrees reduced by fmod to (-360, 360), or the range error
            macro("lb_reduced(x)", "CASE WHEN isinf(x) THEN error('input is out of range') ELSE fmod(x, 360.0) END"),
            macro("sind(x)", "lb_meta.lb_sind_r(lb_meta.lb_reduced(CAST(x AS DOUBLE)))"),
            macro("cosd(x)", "lb_meta.lb_cosd_r(lb_meta.lb_reduced(CAST(x AS DOUBLE)))"),
            macro("tand(x)", "lb_meta.lb_tand_r(lb_meta.lb_reduced(CAST(x AS DOUBLE)))"),
            macro("cotd(x)", "lb_meta.lb_cotd_r(lb_meta.lb_reduced(CAST(x AS DOUBLE)))"),
            macro("lb_asind(x)", inverse("lb_meta.lb_asind_q1(x)", "-lb_meta.lb_asind_q1(-x)")),
            macro("lb_acosd(x)", inverse("lb_meta.lb_acosd_q1(x)", "90.0 + lb_meta.lb_asind_q1(-x)")),
            macro("asind(x)", "lb_meta.lb_asind(CAST(x AS DOUBLE))"),
            macro("acosd(x)", "lb_meta.lb_acosd(CAST(x AS DOUBLE))"),
            macro("atand(x)", "(atan(CAST(x AS DOUBLE)) / atan(1.0)) * 45.0"),
            macro("atan2d(y, x)", "(atan2(CAST(y AS DOUBLE), CAST(x AS DOUBLE)) / atan(1.0)) * 45.0"),
            macro(
                    "get_byte(b, n)",
                    "CASE WHEN n < 0 OR n >= octet_length(b) THEN " + byteRange()
                            + " ELSE CAST('0x' || substr(hex(b), 2 * n + 1, 2) AS INTEGER) END"),
            macro(
                    "set_byte(b, n, v)",
                    "CASE WHEN n < 0 OR n >= octet_length(b) THEN " + byteRange()
                            + " ELSE unhex(substr(hex(b), 1, 2 * n) || lpad(hex(v & 255), 2, '0')"
                            + " || substr(hex(b), 2 * n + 3)) END"),
            // PostgreSQL's OVERLAPS (OverlapsPredicate): each period's earlier endpoint first; a period with one
            // NULL endpoint is that endpoint, and the answer is NULL where it depends on the missing one
            macro(
                    "lb_overlaps(a1, b1, a2, b2)",
                    "CASE WHEN a1 IS NULL OR a2 IS NULL THEN NULL WHEN a1 > a2 THEN (CASE WHEN b2 IS NULL THEN NULL"
                            + " WHEN a1 < b2 THEN true WHEN b1 IS NULL THEN NULL ELSE false END) WHEN a1 < a2 THEN"
                            + " (CASE WHEN b1 IS NULL THEN NULL WHEN a2 < b1 THEN true WHEN b2 IS NULL THEN NULL ELSE"
                            + " false END) ELSE (CASE WHEN b1 IS NULL OR b2 IS NULL THEN NULL ELSE true END) END"),
            macro(
                    "overlaps(s1, e1, s2, e2)",
                    "lb_meta.lb_overlaps(" + periodStart("s1", "e1") + ", " + periodEnd("s1", "e1") + ", "
                            + periodStart("s2", "e2") + ", " + periodEnd("s2", "e2") + ")"),
            // generate_series over numerics (FunctionSpellings): start + step * i for as many i as stay within
            // stop; the count estimated by a double division is corrected by exact decimal arithmetic
            macro(
                    "lb_series_count(a, b, s, q)",
                    "CASE WHEN s > 0 THEN (CASE WHEN a + s * (q + 1) <= b THEN q + 1 WHEN a + s * q > b THEN q - 1"
                            + " ELSE q END) ELSE (CASE WHEN a + s * (q + 1) >= b THEN q + 1 WHEN a + s * q < b THEN"
                            + " q - 1 ELSE q END) END"),
            macro(
                    "numeric_series(a, b, s)",
                    "CASE WHEN s = 0 THEN error('step size cannot equal zero') ELSE list_transform(range(0,"
                            + " lb_meta.lb_series_count(a, b, s, CAST(floor((b - a) / s) AS BIGINT)) + 1),"
                            + " lambda lb_i: a + s * lb_i) END"),
            // the length of each dimension is that of the first element one level up (PostgreSQL's arrays are
            // rectangular); the JSON form reads any depth the same way
            macro(
                    "array_dims(a)",
                    "CASE WHEN len(a) > 0 THEN array_to_string(list_transform(range(len(regexp_extract_all(typeof(a),"
                            + " '\\[\\d*\\]'))), lambda lb_k: '[1:' || CAST(json_array_length(to_json(a), '$' ||"
                            + " repeat('[0]', lb_k)) AS VARCHAR) || ']'), '') END"));

    /** The names this pass qualifies: the macros PostgreSQL users call. */
    private static final Set<String> NAMES = Set.of(
            "scale",
            "min_scale",
            "sind",
            "cosd",
            "tand",
            "cotd",
            "asind",
            "acosd",
            "atand",
            "atan2d",
            "get_byte",
            "set_byte",
            "array_dims");

    /** asind and acosd of a DOUBLE {@code x}: NaN stays NaN (the engine orders NaN above 1), |x| > 1 fails. */
    private static String inverse(String positive, String negative) {
        return "CASE WHEN isnan(x) THEN x WHEN x < -1 OR x > 1 THEN error('input is out of range') WHEN x >= 0 THEN "
                + positive + " ELSE " + negative + " END";
    }

    private static String periodStart(String s, String e) {
        return "(CASE WHEN " + s + " IS NULL THEN " + e + " WHEN " + e + " IS NULL THEN " + s + " ELSE least(" + s
                + ", " + e + ") END)";
    }

    private static String periodEnd(String s, String e) {
        return "(CASE WHEN " + s + " IS NULL OR " + e + " IS NULL THEN NULL ELSE greatest(" + s + ", " + e + ") END)";
    }

    private static String byteRange() {
        return "error('index ' || n || ' out of valid range, 0..' || (octet_length(b) - 1))";
    }

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        TextEdits edits = null;
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() == Token.Kind.WORD
                    && sig.get(i + 1).is("(")
                    && (i == 0 || !sig.get(i - 1).is("."))
                    && NAMES.contains(t.text().toLowerCase(Locale.ROOT))) {
                if (edits == null) {
                    edits = new TextEdits(st.text(), sig);
                }
                edits.replace(i, i, "lb_meta." + t.text().toLowerCase(Locale.ROOT));
            }
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }
}
