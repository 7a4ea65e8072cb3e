package dev.lakebench.core.backend.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine interval's text as PostgreSQL prints the interval ({@code IntervalStyle = postgres}): the engine writes
 * {@code 1 year 2 months -1 day 04:05:06}, PostgreSQL {@code 1 year 2 mons -1 days 04:05:06}. The numbers and the
 * time part are the same in both; the unit words differ (PostgreSQL says {@code mon}, and uses the singular for
 * exactly 1 only, so -1 is {@code -1 days}), and PostgreSQL writes {@code +} on a positive part that follows a
 * negative one ({@code -2 days +03:00:00}).
 */
final class IntervalText {

    private static final Pattern PART = Pattern.compile("(-?\\d+) (year|month|day)s?|(-?)(\\d+:\\d+:\\d+(?:\\.\\d+)?)");

    private IntervalText() {}

    static String postgres(String engineText) {
        if (engineText == null) {
            return null;
        }
        Matcher m = PART.matcher(engineText);
        StringBuilder sb = new StringBuilder();
        boolean afterNegative = false;
        while (m.find()) {
            if (m.group(4) != null) {
                boolean negative = !m.group(3).isEmpty();
                String time = (negative ? "-" : afterNegative ? "+" : "") + m.group(4);
                m.appendReplacement(sb, Matcher.quoteReplacement(time));
                continue;
            }
            String unit = m.group(2).equals("month") ? "mon" : m.group(2);
            String n = m.group(1);
            boolean negative = n.startsWith("-");
            m.appendReplacement(
                    sb, (afterNegative && !negative ? "+" : "") + n + " " + unit + (n.equals("1") ? "" : "s"));
            afterNegative = negative;
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
